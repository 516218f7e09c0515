import { describe, expect, it } from 'vitest';
import { DOSSIER_CODE, receiptFixture } from './fixtures.ts';
import { readPdf } from './pdf-text.testing.ts';
import { receiptPdf } from './receipt.ts';

describe('receiptPdf (Mẫu 01)', () => {
  it('prints the receipt with Vietnamese diacritics, the dossier code and a QR code', async () => {
    const pdf = await receiptPdf(receiptFixture('nd118-2025'));
    const { text, pages, imageCount } = await readPdf(pdf);

    expect(pages).toHaveLength(1);
    expect(text).toContain('GIẤY TIẾP NHẬN HỒ SƠ VÀ HẸN TRẢ KẾT QUẢ');
    expect(text).toContain('CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM');
    expect(text).toContain('Độc lập - Tự do - Hạnh phúc');
    expect(text).toContain('UBND PHƯỜNG VỊ THANH');
    expect(text).toContain('Vị Thanh, ngày 25 tháng 11 năm 2026');
    expect(text).toContain('Nguyễn Thị Hoa');
    expect(text).toContain(`Mã hồ sơ: ${DOSSIER_CODE}`);
    expect(text).toContain('Căn cước công dân của người yêu cầu');
    expect(text).toContain('Thời gian nhận hồ sơ: 08:05 ngày 25/11/2026');
    expect(text).toContain('Thời gian trả kết quả giải quyết hồ sơ: 16:30 ngày 27/11/2026');
    expect(text).toContain('3 ngày làm việc');
    expect(text).toContain('Quyển số: 01/2026, Số thứ tự: 1258');
    expect(text).toContain('NGƯỜI TIẾP NHẬN HỒ SƠ');
    expect(text).toContain('Mẫu số 01');
    expect(text).toContain('Thông tư số 03/2025/TT-VPCP');
    expect(imageCount).toBeGreaterThan(0);
  });

  it('cites Circular 01/2018 under the Decree 61/2018 profile', async () => {
    const { text } = await readPdf(await receiptPdf(receiptFixture('nd61-2018')));
    expect(text).toContain('Mẫu số 01');
    expect(text).toContain('Thông tư số 01/2018/TT-VPCP ngày 23/11/2018');
    expect(text).toContain('UBND PHƯỜNG I');
  });

  it('gives the same bytes for the same input, whatever the machine time zone', async () => {
    const saved = process.env.TZ;
    try {
      process.env.TZ = 'Asia/Ho_Chi_Minh';
      const first = await receiptPdf(receiptFixture('nd118-2025'));
      process.env.TZ = 'America/New_York';
      const second = await receiptPdf(receiptFixture('nd118-2025'));
      expect(second.equals(first)).toBe(true);
    } finally {
      process.env.TZ = saved;
    }
  });

  it('normalises decomposed Vietnamese input to precomposed text', async () => {
    const base = receiptFixture('nd61-2018');
    const input = { ...base, applicant: { ...base.applicant, name: 'Nguyễn Thị Hoa'.normalize('NFD') } };
    const { text } = await readPdf(await receiptPdf(input));
    expect(text).toContain('Tiếp nhận hồ sơ của: Nguyễn Thị Hoa');
  });

  it('leaves out what is not given: no QR code, no e-mail, no fee, no book entry', async () => {
    const { lookupUrl, fee, bookEntry, hotline, ...rest } = receiptFixture('nd61-2018');
    const input = { ...rest, applicant: { name: 'Trần Quốc Việt', address: 'Ấp Thạnh Lợi, xã Hỏa Lựu' } };
    const { text, pages, imageCount } = await readPdf(await receiptPdf(input));
    expect(pages).toHaveLength(1);
    expect(text).toContain('Tiếp nhận hồ sơ của: Trần Quốc Việt Địa chỉ: Ấp Thạnh Lợi, xã Hỏa Lựu Nội dung');
    expect(text).not.toMatch(/Email|Phí, lệ phí|Quyển số|Đường dây nóng/);
    expect(imageCount).toBe(0);
  });

  it('rejects an appointment before the time received', async () => {
    const input = { ...receiptFixture('nd61-2018'), appointmentAt: '2026-11-24T08:00:00+07:00' };
    await expect(receiptPdf(input)).rejects.toThrow(/appointment must be after/);
  });
});
