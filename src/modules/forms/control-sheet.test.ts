import { describe, expect, it } from 'vitest';
import { controlSheetPdf } from './control-sheet.ts';
import { controlSheetFixture, DOSSIER_CODE } from './fixtures.ts';
import { readPdf } from './pdf-text.testing.ts';

describe('controlSheetPdf (Mẫu 05 of 2018, Mẫu 06 of 2025)', () => {
  it.each([
    ['nd61-2018', '05'],
    ['nd118-2025', '06'],
  ] as const)('records each hand-over under %s as form %s', async (profile, number) => {
    const { text, imageCount } = await readPdf(await controlSheetPdf(controlSheetFixture(profile, 3)));
    expect(text).toContain(`Mẫu số ${number}`);
    expect(text).toContain('PHIẾU KIỂM SOÁT QUÁ TRÌNH GIẢI QUYẾT HỒ SƠ');
    expect(text).toContain(`Mã hồ sơ: ${DOSSIER_CODE}`);
    expect(text).toContain('Người nộp hồ sơ: Nguyễn Thị Hoa');
    expect(text).toContain(
      '1. Giao: Bộ phận Một cửa (Trần Văn Bình) 2. Nhận: Phòng Văn hóa - Xã hội (Võ Thị Ngọc Hân)',
    );
    expect(text).toContain('08:05 25/11/2026');
    for (const label of ['Trước hạn', 'Đúng hạn', 'Quá hạn']) expect(text).toContain(label);
    expect(imageCount).toBeGreaterThan(0);
  });

  it('paginates 120 hand-overs with the header row on every page', async () => {
    const { pages } = await readPdf(await controlSheetPdf(controlSheetFixture('nd118-2025', 120)));
    expect(pages.length).toBeGreaterThan(1);
    for (const [i, page] of pages.entries()) {
      expect(page).toContain('Bước xử lý, tên cơ quan giao, nhận');
      expect(page).toContain(`Mã hồ sơ ${DOSSIER_CODE} - Trang ${i + 1}/${pages.length}`);
    }
    const rows = pages.join(' ').match(/\d+ \S+(?: \S+)*? 1\. Giao:/g) ?? [];
    expect(rows.length).toBe(120);
  });
});
