import { describe, expect, it } from 'vitest';
import { foldText, searchTokens } from './normalize.ts';

describe('foldText', () => {
  it('removes Vietnamese diacritics and case, including đ/Đ', () => {
    expect(foldText('ĐĂNG KÝ KẾT HÔN')).toBe('dang ky ket hon');
    expect(foldText('Thủ tục đăng ký khai sinh')).toBe('thu tuc dang ky khai sinh');
    expect(foldText('Hỏa Lựu, Hoả Tiến')).toBe('hoa luu hoa tien');
  });

  it('treats punctuation as spaces but keeps procedure codes whole', () => {
    expect(foldText('  Mã: 1.001193; (cấp xã)  ')).toBe('ma 1.001193 cap xa');
    expect(foldText('...')).toBe('');
  });

  it('folds composed and decomposed input alike', () => {
    expect(foldText('khai sinh'.normalize('NFD'))).toBe(foldText('khai sinh'.normalize('NFC')));
    expect(foldText('Vị Thanh'.normalize('NFD'))).toBe('vi thanh');
  });
});

describe('searchTokens', () => {
  it('gives distinct folded words, longest first, at most eight', () => {
    expect(searchTokens('sinh KHAI khai')).toEqual(['sinh', 'khai']);
    expect(searchTokens('a b c d e f g h i j')).toHaveLength(8);
    expect(searchTokens('   ')).toEqual([]);
  });
});
