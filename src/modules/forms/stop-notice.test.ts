import { describe, expect, it } from 'vitest';
import { DOSSIER_CODE, stopNoticeFixture } from './fixtures.ts';
import { readPdf } from './pdf-text.testing.ts';
import { FormNotInProfileError } from './profiles.ts';
import { stopNoticePdf } from './stop-notice.ts';

describe('stopNoticePdf (Mẫu 05, Decree 118/2025 only)', () => {
  it('prints the stop notice as form 05 of Circular 03/2025', async () => {
    const { text, pages } = await readPdf(await stopNoticePdf(stopNoticeFixture('nd118-2025')));
    expect(pages).toHaveLength(1);
    expect(text).toContain('Mẫu số 05');
    expect(text).toContain('Thông tư số 03/2025/TT-VPCP');
    expect(text).toContain('THÔNG BÁO DỪNG GIẢI QUYẾT HỒ SƠ');
    expect(text).toContain(`Mã hồ sơ: ${DOSSIER_CODE}`);
    expect(text).toContain('Kính gửi: Ông/bà Nguyễn Thị Hoa');
    expect(text).toContain('dừng giải quyết hồ sơ nêu trên kể từ 14:00 ngày 26/11/2026');
    expect(text).toContain('1. Người yêu cầu có văn bản đề nghị rút hồ sơ ngày 26/11/2026.');
    expect(text).toContain('KT. CHỦ TỊCH PHÓ CHỦ TỊCH');
  });

  it('refuses the Decree 61/2018 profile, which has no stop notice', async () => {
    await expect(stopNoticePdf(stopNoticeFixture('nd61-2018'))).rejects.toThrow(FormNotInProfileError);
  });
});
