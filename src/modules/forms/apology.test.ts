import { describe, expect, it } from 'vitest';
import { apologyPdf } from './apology.ts';
import { apologyFixture, DOSSIER_CODE } from './fixtures.ts';
import { readPdf } from './pdf-text.testing.ts';

describe('apologyPdf (Mẫu 04)', () => {
  it('apologises and sets a new date under Decree 61/2018', async () => {
    const { text, pages } = await readPdf(await apologyPdf(apologyFixture('nd61-2018')));
    expect(pages).toHaveLength(1);
    expect(text).toContain('Mẫu số 04');
    expect(text).toContain('PHIẾU XIN LỖI VÀ HẸN LẠI NGÀY TRẢ KẾT QUẢ');
    expect(text).toContain('Nghị định số 61/2018/NĐ-CP');
    expect(text).toContain('Kính gửi: Ông/bà Nguyễn Thị Hoa');
    expect(text).toContain(`mã hồ sơ ${DOSSIER_CODE}`);
    expect(text).toContain('Thời gian hẹn trả kết quả giải quyết hồ sơ: 16:30 ngày 27/11/2026');
    expect(text).toContain('hẹn lại thời gian trả kết quả vào 16:30 ngày 02/12/2026');
    expect(text).toContain('Lý do: Cần xác minh thông tin khai sinh');
    expect(text).toContain('TM. ỦY BAN NHÂN DÂN CHỦ TỊCH');
    expect(text).toContain('Nơi nhận:');
  });

  it('becomes the apology and extension request under Decree 118/2025', async () => {
    const { text } = await readPdf(await apologyPdf(apologyFixture('nd118-2025')));
    expect(text).toContain('Mẫu số 04');
    expect(text).toContain('VĂN BẢN XIN LỖI VÀ ĐỀ NGHỊ GIA HẠN THỜI GIAN GIẢI QUYẾT');
    expect(text).toContain('Nghị định số 118/2025/NĐ-CP');
    expect(text).toContain('đề nghị gia hạn thời gian giải quyết hồ sơ đến 16:30 ngày 02/12/2026');
  });

  it('rejects a new date that is not after the original one', async () => {
    const input = { ...apologyFixture('nd61-2018'), newAppointmentAt: '2026-11-27T16:30:00+07:00' };
    await expect(apologyPdf(input)).rejects.toThrow(/new appointment must be after/);
  });
});
