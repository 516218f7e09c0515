import { describe, expect, it } from 'vitest';
import { dossierIdOfToken, ratingToken, ratingUrl } from './rating-link.ts';
import {
  canBeRated,
  changeableUntil,
  checkRating,
  DEFAULT_RATING_LEVELS,
  scaleProblems,
} from './rating-rules.ts';

const returned = { state: 'returned', channel: 'counter', hasResult: true };
const at = (iso: string) => new Date(iso);

describe('rating rules', () => {
  it('rates a returned dossier, or an online one whose electronic result is issued', () => {
    expect(canBeRated(returned)).toBe(true);
    expect(canBeRated({ state: 'result_issued', channel: 'online', hasResult: true })).toBe(true);
    expect(canBeRated({ state: 'result_issued', channel: 'counter', hasResult: true })).toBe(false);
    for (const state of ['draft', 'submitted', 'received', 'in_progress', 'decided', 'refused', 'withdrawn'])
      expect(canBeRated({ state, channel: 'online', hasResult: false })).toBe(false);
  });

  it('refuses before the result with a clear message', () => {
    const r = checkRating(
      { ...returned, state: 'in_progress' },
      null,
      'satisfied',
      DEFAULT_RATING_LEVELS,
      at('2026-11-25T00:00:00Z'),
    );
    expect(r).toMatchObject({ ok: false, code: 'not_yet' });
    if (!r.ok) expect(r.message).toMatch(/chưa trả kết quả/);
  });

  it('accepts a first rating any time after return, and changes for 7 calendar days', () => {
    const levels = DEFAULT_RATING_LEVELS;
    expect(checkRating(returned, null, 'very_satisfied', levels, at('2030-01-01T00:00:00Z'))).toEqual({
      ok: true,
    });
    const first = { ratedAt: at('2026-11-20T03:00:00Z') };
    expect(changeableUntil(first.ratedAt)).toEqual(at('2026-11-27T03:00:00Z'));
    expect(checkRating(returned, first, 'unsatisfied', levels, at('2026-11-27T03:00:00Z'))).toEqual({
      ok: true,
    });
    const late = checkRating(returned, first, 'unsatisfied', levels, at('2026-11-27T03:00:01Z'));
    expect(late).toMatchObject({ ok: false, code: 'closed' });
    if (!late.ok)
      expect(late.message).toBe('Đã quá 7 ngày kể từ lần đánh giá đầu tiên nên không thể thay đổi đánh giá.');
  });

  it('accepts only a key of the current scale', () => {
    const r = checkRating(returned, null, 'normal', DEFAULT_RATING_LEVELS, at('2026-11-25T00:00:00Z'));
    expect(r).toMatchObject({ ok: false, code: 'unknown_level' });
    if (!r.ok) expect(r.message).toContain('Rất hài lòng, Hài lòng, Không hài lòng');
  });

  it('checks an administrator’s scale', () => {
    expect(scaleProblems(DEFAULT_RATING_LEVELS)).toEqual([]);
    expect(scaleProblems([{ key: 'a', label: 'Hài lòng', satisfied: true }])).toContain(
      'Thang đánh giá cần ít nhất 2 mức.',
    );
    expect(
      scaleProblems([
        { key: 'a', label: 'Hài lòng', satisfied: true },
        { key: 'a', label: 'hài lòng', satisfied: true },
      ]),
    ).toEqual([
      'Mã các mức đánh giá không được trùng nhau.',
      'Tên các mức đánh giá không được trùng nhau.',
      'Cần ít nhất một mức được tính là không hài lòng.',
    ]);
  });
});

describe('rating links', () => {
  const id = '3f2a9c1e-7b4d-4e8a-9c0f-1a2b3c4d5e6f';
  it('round-trips the dossier id and refuses forged or foreign tokens', () => {
    const token = ratingToken(id, 'secret-one-0123456789');
    expect(token).toMatch(/^[0-9a-f]{32}\.[A-Za-z0-9_-]{32}$/);
    expect(dossierIdOfToken(token, 'secret-one-0123456789')).toBe(id);
    expect(dossierIdOfToken(token, 'secret-two-0123456789')).toBeNull();
    const other = ratingToken('00000000-0000-4000-8000-000000000000', 'secret-one-0123456789');
    expect(
      dossierIdOfToken(`${token.split('.')[0]}.${other.split('.')[1]}`, 'secret-one-0123456789'),
    ).toBeNull();
    expect(dossierIdOfToken('not-a-token', 'secret-one-0123456789')).toBeNull();
    expect(ratingUrl('https://dichvucong.example.vn/', id, 's')).toMatch(
      /^https:\/\/dichvucong\.example\.vn\/danh-gia\/[0-9a-f]{32}\./,
    );
  });
});
