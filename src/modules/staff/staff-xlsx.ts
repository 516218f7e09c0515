import ExcelJS from 'exceljs';
import { AppError } from '../../platform/http/errors.ts';
import { type Cell, type ImportColumnKey, importColumns, type RawRow } from './import-rows.ts';
import { categoryLabels, degreeLabels, politicalTheoryLabels } from './staff-labels.ts';

// The officials import template and the reading of filled-in files. The first sheet holds the data (header on
// row 1, data from row 2); the second lists the agencies the importer may write, for the drop-down.

const DATA_SHEET = 'Danh sách cán bộ';
const LISTS_SHEET = 'Danh mục';
const TEMPLATE_ROWS = 500;

/** The template: Vietnamese headers, drop-downs for agency, category, degree and political theory. */
export async function officialsTemplateXlsx(agencyNames: string[]): Promise<Buffer> {
  const workbook = new ExcelJS.Workbook();
  workbook.creator = 'Motcua';
  const sheet = workbook.addWorksheet(DATA_SHEET, { views: [{ state: 'frozen', ySplit: 1 }] });
  sheet.columns = importColumns.map((c) => ({ header: c.header, key: c.key, width: c.width }));
  const header = sheet.getRow(1);
  header.font = { bold: true };
  header.alignment = { wrapText: true, vertical: 'middle' };
  header.height = 32;

  const lists = workbook.addWorksheet(LISTS_SHEET);
  const columns: [string, string[]][] = [
    ['Cơ quan, đơn vị', agencyNames],
    ['Ngạch, loại', Object.values(categoryLabels)],
    ['Trình độ chuyên môn', Object.values(degreeLabels)],
    ['Lý luận chính trị', Object.values(politicalTheoryLabels)],
  ];
  columns.forEach(([title, values], i) => {
    const col = lists.getColumn(i + 1);
    col.width = i === 0 ? 60 : 30;
    lists.getCell(1, i + 1).value = title;
    lists.getCell(1, i + 1).font = { bold: true };
    values.forEach((v, j) => {
      lists.getCell(j + 2, i + 1).value = v;
    });
  });
  const listRef = (i: number, count: number) => {
    const letter = String.fromCharCode(65 + i);
    return `'${LISTS_SHEET}'!$${letter}$2:$${letter}$${Math.max(2, count + 1)}`;
  };
  const dropDowns: [ImportColumnKey, number][] = [
    ['agency', 0],
    ['category', 1],
    ['degreeLevel', 2],
    ['politicalTheory', 3],
  ];
  for (let r = 2; r <= TEMPLATE_ROWS; r++) {
    for (const [key, listIndex] of dropDowns) {
      const column = importColumns.findIndex((c) => c.key === key) + 1;
      sheet.getCell(r, column).dataValidation = {
        type: 'list',
        allowBlank: true,
        formulae: [listRef(listIndex, columns[listIndex]?.[1].length ?? 0)],
      };
    }
  }
  return Buffer.from(await workbook.xlsx.writeBuffer());
}

/** An exceljs cell value as text, number or date (rich text, hyperlinks and formula results unwrapped). */
export function plainCell(value: ExcelJS.CellValue): Cell {
  if (value === null || value === undefined) return null;
  if (value instanceof Date || typeof value === 'string' || typeof value === 'number') return value;
  if (typeof value === 'boolean') return value ? 'TRUE' : 'FALSE';
  if ('richText' in value) return value.richText.map((p) => p.text).join('');
  if ('text' in value && typeof value.text === 'string') return value.text;
  if ('result' in value) {
    const result = value.result;
    if (result instanceof Date || typeof result === 'string' || typeof result === 'number') return result;
    return null;
  }
  return null;
}

const isZip = (bytes: Buffer) => bytes.length > 4 && bytes[0] === 0x50 && bytes[1] === 0x4b;

/**
 * The data rows of an uploaded file, numbered as Excel shows them; empty rows skipped. Columns are found by
 * their header text, so a reordered template still reads.
 */
export async function readOfficialRows(bytes: Buffer): Promise<{ row: number; cells: RawRow }[]> {
  const workbook = new ExcelJS.Workbook();
  if (!isZip(bytes)) throw new AppError('UNSUPPORTED_MEDIA_TYPE', 'Tệp phải là bảng tính Excel (.xlsx).');
  try {
    await workbook.xlsx.load(bytes as unknown as ArrayBuffer);
  } catch {
    throw new AppError('UNSUPPORTED_MEDIA_TYPE', 'Không đọc được tệp Excel (.xlsx); vui lòng dùng tệp mẫu.');
  }
  const sheet = workbook.getWorksheet(DATA_SHEET) ?? workbook.worksheets[0];
  if (!sheet) throw new AppError('VALIDATION', 'Tệp Excel không có trang tính nào.');
  const headerRow = sheet.getRow(1);
  const positions = new Map<ImportColumnKey, number>();
  // Headers match without regard to case, the required mark and the format hint: "Ngày sinh" reads as
  // "Ngày sinh (dd/mm/yyyy) *".
  const bare = (s: string) =>
    s
      .normalize('NFC')
      .replace(/\(.*?\)|\*/g, ' ')
      .replace(/\s+/g, ' ')
      .trim()
      .toLowerCase();
  headerRow.eachCell((cell, column) => {
    const label = bare(String(plainCell(cell.value) ?? ''));
    const match = importColumns.find((c) => bare(c.header) === label);
    if (match) positions.set(match.key, column);
  });
  const missing = importColumns.filter((c) => c.header.endsWith('*') && !positions.has(c.key));
  if (missing.length > 0)
    throw new AppError(
      'VALIDATION',
      `Tệp thiếu cột: ${missing.map((c) => `«${c.header.replace(/ \*$/, '')}»`).join(', ')}. Vui lòng dùng tệp mẫu.`,
    );
  const rows: { row: number; cells: RawRow }[] = [];
  sheet.eachRow({ includeEmpty: false }, (row, number) => {
    if (number === 1) return;
    const cells: RawRow = {};
    let any = false;
    for (const [key, column] of positions) {
      const value = plainCell(row.getCell(column).value);
      cells[key] = value;
      if (value !== null && String(value).trim() !== '') any = true;
    }
    if (any) rows.push({ row: number, cells });
  });
  return rows;
}
