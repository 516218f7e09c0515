import ExcelJS from 'exceljs';
import { formatDate } from './format.ts';
import { type TrackingBook, type TrackingBookInput, trackingBookInputSchema } from './forms.types.ts';
import { formMark, headingBlock, renderPdf, titleBlock } from './pdf.ts';
import { drawTable } from './pdf-table.ts';
import { formTitle } from './profiles.ts';
import { TRACKING_COLUMNS } from './tracking-book-columns.ts';

// Sổ theo dõi hồ sơ (Mẫu 06 of 2018, Mẫu 07 of 2025): one row per dossier received at one desk over a
// period, printed on A4 landscape (Circular 01/2018 art. 9(2)) with numbered pages (art. 10(2)), and the
// same rows as a spreadsheet.

function subtitle(book: TrackingBook): string[] {
  return [
    book.desk,
    ...(book.bookNumber ? [`Quyển số: ${book.bookNumber}`] : []),
    `Từ ngày ${formatDate(book.period.from)} đến ngày ${formatDate(book.period.to)}`,
  ];
}

export async function trackingBookPdf(input: TrackingBookInput): Promise<Buffer> {
  const book: TrackingBook = trackingBookInputSchema.parse(input);
  const spec = { kind: 'tracking-book', profile: book.ruleProfile, header: book.header } as const;
  const columns = book.columns.map((key) => TRACKING_COLUMNS[key]);
  const footer = book.bookNumber ? `Sổ theo dõi hồ sơ, quyển số ${book.bookNumber}` : 'Sổ theo dõi hồ sơ';

  return renderPdf(
    { ...spec, generatedAt: book.generatedAt ?? new Date(), layout: 'landscape' },
    (doc) => {
      formMark(doc, { ...spec, legalBasis: book.legalBasis });
      headingBlock(doc, book.header);
      titleBlock(doc, formTitle(book.ruleProfile, 'tracking-book'), subtitle(book));
      drawTable(doc, {
        columns: columns.map((c) => ({ header: c.header, width: c.pdfWidth, align: c.align })),
        rows: book.rows.map((row, i) => columns.map((c) => c.pdf(row, i))),
        fontSize: 7.5,
      });
    },
    footer,
  );
}

export async function trackingBookXlsx(input: TrackingBookInput): Promise<Buffer> {
  const book: TrackingBook = trackingBookInputSchema.parse(input);
  const columns = book.columns.map((key) => TRACKING_COLUMNS[key]);
  const generatedAt = book.generatedAt ?? new Date();

  const workbook = new ExcelJS.Workbook();
  workbook.creator = 'Motcua';
  workbook.created = generatedAt;
  workbook.modified = generatedAt;
  workbook.title = `${formTitle(book.ruleProfile, 'tracking-book')} - ${subtitle(book).join(' - ')}`;

  const sheet = workbook.addWorksheet('Sổ theo dõi hồ sơ', {
    views: [{ state: 'frozen', xSplit: 0, ySplit: 1 }],
    pageSetup: { paperSize: 9, orientation: 'landscape', fitToPage: true, fitToWidth: 1, fitToHeight: 0 },
  });
  sheet.pageSetup.printTitlesRow = '1:1';
  sheet.headerFooter.oddHeader = `&C&B${formTitle(book.ruleProfile, 'tracking-book')} - ${book.desk}`;
  sheet.headerFooter.oddFooter = '&CTrang &P/&N';
  sheet.columns = columns.map((c, i) => ({
    header: c.header,
    key: `c${i}`,
    width: c.xlsxWidth,
    ...(c.xlsxFormat ? { style: { numFmt: c.xlsxFormat } } : {}),
  }));

  const header = sheet.getRow(1);
  header.font = { bold: true };
  header.alignment = { vertical: 'middle', horizontal: 'center', wrapText: true };
  header.height = 32;

  for (const [i, row] of book.rows.entries()) {
    sheet.addRow(columns.map((c) => c.xlsx(row, i)));
  }
  sheet.autoFilter = { from: { row: 1, column: 1 }, to: { row: 1, column: columns.length } };

  return Buffer.from(await workbook.xlsx.writeBuffer());
}
