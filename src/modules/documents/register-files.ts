import ExcelJS from 'exceljs';
import { type Cell, parseCsv, TEMPLATE_COLUMNS } from './register-rows.ts';

// The bytes of an uploaded register (CSV or XLSX) to a table of cells, and the downloadable template.

export type SheetFormat = 'csv' | 'xlsx';

/** XLSX is a ZIP (`PK\x03\x04`); anything else must be UTF-8 text to be a CSV. */
export function formatOf(bytes: Buffer): SheetFormat | null {
  if (bytes.length >= 4 && bytes[0] === 0x50 && bytes[1] === 0x4b && bytes[2] === 0x03 && bytes[3] === 0x04) {
    return 'xlsx';
  }
  const text = bytes.subarray(0, 4096).toString('utf8');
  return text.includes('\uFFFD') || text.includes('\u0000') ? null : 'csv';
}

function cellValue(cell: ExcelJS.Cell): Cell {
  const v = cell.value;
  if (v === null || v === undefined) return null;
  if (v instanceof Date) return v;
  if (typeof v === 'object') {
    if ('result' in v) return (v.result as Cell) ?? null;
    if ('richText' in v) return v.richText.map((t) => t.text).join('');
    if ('text' in v) return String(v.text);
    return null;
  }
  return v as Cell;
}

/** The first worksheet as rows of cells (row 1 at index 0, blank rows kept so row numbers stay true). */
export async function readXlsx(bytes: Buffer): Promise<Cell[][]> {
  const book = new ExcelJS.Workbook();
  // biome-ignore lint/suspicious/noExplicitAny: exceljs declares its own Buffer type.
  await book.xlsx.load(bytes as any);
  const sheet = book.worksheets[0];
  if (!sheet) return [];
  const table: Cell[][] = [];
  sheet.eachRow({ includeEmpty: true }, (row, rowNumber) => {
    const cells: Cell[] = [];
    for (let c = 1; c <= Math.max(row.cellCount, TEMPLATE_COLUMNS.length); c++)
      cells.push(cellValue(row.getCell(c)));
    table[rowNumber - 1] = cells;
  });
  for (let i = 0; i < table.length; i++) table[i] ??= [];
  return table;
}

export function readCsv(bytes: Buffer): Cell[][] {
  return parseCsv(bytes.toString('utf8'));
}

/** The import template: the headers and one example row, as CSV (UTF-8 with BOM so Excel shows diacritics). */
export function templateCsv(): string {
  const quote = (s: string) => (/[",;\n]/.test(s) ? `"${s.replaceAll('"', '""')}"` : s);
  const lines = [
    TEMPLATE_COLUMNS.map((c) => quote(c.header)).join(','),
    TEMPLATE_COLUMNS.map((c) => quote(c.example)).join(','),
  ];
  return `\uFEFF${lines.join('\r\n')}\r\n`;
}

export async function templateXlsx(): Promise<Buffer> {
  const book = new ExcelJS.Workbook();
  const sheet = book.addWorksheet('So van ban');
  sheet.addRow(TEMPLATE_COLUMNS.map((c) => c.header)).font = { bold: true };
  sheet.addRow(TEMPLATE_COLUMNS.map((c) => c.example));
  sheet.columns.forEach((column, i) => {
    column.width = i === 4 ? 50 : 20;
  });
  const guide = book.addWorksheet('Huong dan');
  for (const line of [
    'Mỗi dòng là một văn bản; dòng đầu là tiêu đề cột, giữ nguyên tên cột.',
    'Loại: «Đến» hoặc «Đi». Ngày văn bản, Hạn xử lý: dd/mm/yyyy.',
    'Cơ quan nhà nước, Điện tử, Ký số: «Có» hoặc «Không» (văn bản giấy không thể có chữ ký số).',
    'Trạng thái: «Chưa xử lý», «Đang xử lý» hoặc «Đã xử lý» (để trống: Chưa xử lý).',
    'Văn bản trùng số, ký hiệu, ngày với văn bản đã có của cơ quan sẽ bị từ chối.',
  ]) {
    guide.addRow([line]);
  }
  return Buffer.from(await book.xlsx.writeBuffer());
}
