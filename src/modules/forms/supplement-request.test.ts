import { describe, expect, it } from 'vitest';
import { supplementFixture } from './fixtures.ts';
import { readPdf } from './pdf-text.testing.ts';
import { supplementRequestPdf } from './supplement-request.ts';

describe('supplementRequestPdf (Mẫu 02)', () => {
  it.each([
    ['nd61-2018', 'Thông tư số 01/2018/TT-VPCP'],
    ['nd118-2025', 'Thông tư số 03/2025/TT-VPCP'],
  ] as const)('prints the request in one go under %s', async (profile, circular) => {
    const { text, pages } = await readPdf(await supplementRequestPdf(supplementFixture(profile)));
    expect(pages).toHaveLength(1);
    expect(text).toContain('PHIẾU YÊU CẦU BỔ SUNG, HOÀN THIỆN HỒ SƠ');
    expect(text).toContain('Mẫu số 02');
    expect(text).toContain(circular);
    expect(text).toContain('Hồ sơ của: Nguyễn Thị Hoa');
    expect(text).toContain('Bổ sung văn bản giám định ADN do tổ chức có thẩm quyền cấp');
    expect(text).toContain('Lý do: Hồ sơ chưa có văn bản chứng minh quan hệ cha, con');
    expect(text).toContain('liên hệ Trần Văn Bình, số điện thoại 0293 3 876 543');
    expect(text).toContain('NGƯỜI HƯỚNG DẪN');
  });

  it('words a return after appraisal differently from an intake check', async () => {
    const { text } = await readPdf(
      await supplementRequestPdf({ ...supplementFixture('nd61-2018'), stage: 'appraisal' }),
    );
    expect(text).toContain('Qua thẩm định, hồ sơ của ông/bà chưa đủ điều kiện giải quyết');
  });
});
