import { describe, expect, it } from 'vitest';
import {
  contentWords,
  DUPLICATE_THRESHOLD,
  jaccard,
  shingles,
  termsOf,
  textSimilarity,
} from './similarity.ts';

describe('feedback similarity', () => {
  it('folds diacritics and drops stop words', () => {
    expect(contentWords('Đề nghị bố trí thêm QUẦY hộ tịch vào sáng thứ Hai')).toEqual([
      'bo',
      'tri',
      'them',
      'quay',
      'ho',
      'tich',
      'sang',
      'thu',
      'hai',
    ]);
    expect(termsOf('quầy quầy QUAY hộ tịch')).toEqual(['quay', 'ho', 'tich']);
  });

  it('computes Jaccard on word pairs by hand', () => {
    const a = shingles(['cham', 'tra', 'ket', 'qua']); // cham tra, tra ket, ket qua
    const b = shingles(['tra', 'ket', 'qua', 'muon']); // tra ket, ket qua, qua muon
    expect(jaccard(a, b)).toBeCloseTo(2 / 4); // 2 common of 4 distinct
    expect(jaccard(new Set(), new Set())).toBe(0);
    expect(shingles(['mot'])).toEqual(new Set(['mot']));
  });

  it('recognises the same complaint written with or without diacritics, and tells different ones apart', () => {
    const original = 'Đề nghị mở thêm giờ tiếp nhận hồ sơ vào sáng thứ Bảy cho người lao động';
    expect(
      textSimilarity(original, 'de nghi mo them gio tiep nhan ho so vao sang thu bay cho nguoi lao dong'),
    ).toBe(1);
    expect(
      textSimilarity(original, 'Kiến nghị tiếp nhận hồ sơ vào sáng thứ Bảy cho người đi làm'),
    ).toBeGreaterThanOrEqual(DUPLICATE_THRESHOLD);
    expect(
      textSimilarity(original, 'Đường hẻm 12 bị ngập nước khi mưa lớn, đề nghị sửa cống thoát nước'),
    ).toBeLessThan(DUPLICATE_THRESHOLD);
    expect(textSimilarity('', original)).toBe(0);
  });

  it('damps word-set similarity when the order differs', () => {
    // Same words, reversed: no common pair, word sets identical → 0.8.
    expect(textSimilarity('quay ho tich sang', 'sang tich ho quay')).toBeCloseTo(0.8);
  });
});
