import ExcelJS from 'exceljs';
import { describe, expect, it } from 'vitest';
import { trackingBookFixture } from './fixtures.ts';
import type { TrackingBookInput } from './forms.types.ts';
import { readPdf } from './pdf-text.testing.ts';
import { trackingBookPdf, trackingBookXlsx } from './tracking-book.ts';
import { TRACKING_COLUMNS } from './tracking-book-columns.ts';

describe('trackingBookPdf (Mẫu 06 of 2018, Mẫu 07 of 2025)', () => {
  it.each([
    ['nd61-2018', '06'],
    ['nd118-2025', '07'],
  ] as const)('prints the book for one desk and period under %s as form %s', async (profile, number) => {
    const { text } = await readPdf(await trackingBookPdf(trackingBookFixture(profile, 3)));
    expect(text).toContain(`Mẫu số ${number}`);
    expect(text).toContain('SỔ THEO DÕI HỒ SƠ');
    expect(text).toContain('Bộ phận Một cửa phường Vị Thanh');
    expect(text).toContain('Từ ngày 01/11/2026 đến ngày 30/11/2026');
    expect(text).toContain('000.17.22.H56-261125-0001');
    expect(text).toContain('Lê Thị Ánh Tuyết');
  });

  it('paginates 120 dossiers on A4 landscape with the header row on every page', async () => {
    const { pages } = await readPdf(await trackingBookPdf(trackingBookFixture('nd118-2025', 120)));
    expect(pages.length).toBeGreaterThan(1);
    for (const [i, page] of pages.entries()) {
      expect(page).toContain('TT Mã hồ sơ Tên thủ tục hành chính');
      expect(page).toContain(`Trang ${i + 1}/${pages.length}`);
    }
    const codes = pages.join(' ').match(/000\.17\.22\.H56-261125-\d{4}/g) ?? [];
    expect(new Set(codes).size).toBe(120);
  });

  it('prints only the chosen columns', async () => {
    const input: TrackingBookInput = {
      ...trackingBookFixture('nd61-2018', 2),
      columns: ['sequence', 'dossierCode'],
    };
    const { text } = await readPdf(await trackingBookPdf(input));
    expect(text).toContain('TT Mã hồ sơ');
    expect(text).not.toContain('Tên thủ tục hành chính');
  });
});

describe('trackingBookXlsx', () => {
  it('exports the same rows with Vietnamese headers, real dates and a frozen header row', async () => {
    const bytes = await trackingBookXlsx(trackingBookFixture('nd118-2025', 120));
    const workbook = new ExcelJS.Workbook();
    await workbook.xlsx.load(bytes as unknown as ExcelJS.Buffer);
    const sheet = workbook.worksheets[0];
    if (!sheet) throw new Error('no worksheet');

    const headers = (sheet.getRow(1).values as unknown[]).slice(1);
    expect(headers).toEqual(Object.values(TRACKING_COLUMNS).map((c) => c.header));
    expect(sheet.rowCount).toBe(121);
    expect(sheet.views[0]).toMatchObject({ state: 'frozen', ySplit: 1 });

    const first = sheet.getRow(2);
    expect(first.getCell(2).value).toBe('000.17.22.H56-261125-0001');
    expect(first.getCell(5).value).toBe('Nguyễn Thị Hoa');
    const received = first.getCell(8);
    // 08:05 in Vị Thanh, stored as Excel's zone-less wall-clock time.
    expect(received.value).toEqual(new Date('2026-11-25T08:05:00Z'));
    expect(received.numFmt).toBe('dd/mm/yyyy hh:mm');
  });
});
