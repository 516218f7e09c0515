import { describe, expect, it } from 'vitest';
import { refusalFixture } from './fixtures.ts';
import { readPdf } from './pdf-text.testing.ts';
import { refusalPdf } from './refusal.ts';

describe('refusalPdf (Mẫu 03)', () => {
  it.each(['nd61-2018', 'nd118-2025'] as const)('lists the specific reasons under %s', async (profile) => {
    const { text, pages, imageCount } = await readPdf(await refusalPdf(refusalFixture(profile)));
    expect(pages).toHaveLength(1);
    expect(text).toContain('PHIẾU TỪ CHỐI TIẾP NHẬN GIẢI QUYẾT HỒ SƠ');
    expect(text).toContain('Mẫu số 03');
    expect(text).toContain('Ông/bà: Nguyễn Thị Hoa');
    expect(text).toContain('1. Yêu cầu không thuộc thẩm quyền giải quyết của Ủy ban nhân dân cấp xã.');
    expect(text).toContain('2. Người yêu cầu không cung cấp được giấy tờ tùy thân theo quy định.');
    expect(text).toContain('NGƯỜI NỘP HỒ SƠ');
    expect(text).not.toContain('Mã hồ sơ');
    expect(imageCount).toBe(0);
  });
});
