import { foldText } from '../../platform/text/normalize.ts';
import { type DocumentInput, documentInput, firstIssue } from './document-input.ts';

// Reading an agency's own register (CSV or Excel) into register entries, row by row (pure: cells in, entries or
// reasons out). The template's Vietnamese headers are documented in docs/api.md; columns are found by header,
// in any order, without regard to case or diacritics.

export const TEMPLATE_COLUMNS = [
  { key: 'direction', header: 'Loại (Đến/Đi)', example: 'Đến' },
  { key: 'number', header: 'Số', example: '125' },
  { key: 'symbol', header: 'Ký hiệu', example: 'UBND-VP' },
  { key: 'issuedOn', header: 'Ngày văn bản', example: '15/03/2025' },
  { key: 'summary', header: 'Trích yếu', example: 'V/v triển khai kế hoạch CCHC năm 2025' },
  { key: 'counterpartName', header: 'Cơ quan gửi/nhận', example: 'UBND thành phố Vị Thanh' },
  { key: 'counterpartKind', header: 'Cơ quan nhà nước (Có/Không)', example: 'Có' },
  { key: 'electronic', header: 'Điện tử (Có/Không)', example: 'Có' },
  { key: 'digitallySigned', header: 'Ký số (Có/Không)', example: 'Có' },
  { key: 'dueOn', header: 'Hạn xử lý', example: '25/03/2025' },
  { key: 'handler', header: 'Người xử lý', example: 'Lê Văn Hùng' },
  { key: 'status', header: 'Trạng thái', example: 'Đã xử lý' },
] as const;
type ColumnKey = (typeof TEMPLATE_COLUMNS)[number]['key'];
const REQUIRED: ColumnKey[] = [
  'direction',
  'number',
  'symbol',
  'issuedOn',
  'summary',
  'counterpartName',
  'electronic',
];

/** A cell as read: text from CSV; text, number, boolean or Date from Excel. */
export type Cell = string | number | boolean | Date | null | undefined;

export type ParsedRow =
  | { row: number; ok: true; input: DocumentInput }
  | { row: number; ok: false; reason: string };

export interface ParsedSheet {
  /** Header problems: when present no row was read. */
  headerError?: string;
  rows: ParsedRow[];
}

/** Splits CSV text (RFC 4180 quotes, `,` or `;` as Excel writes it in Vietnamese locales, optional BOM). */
export function parseCsv(text: string): string[][] {
  const body = text.replace(/^\uFEFF/, '');
  const firstLine = body.split(/\r?\n/, 1)[0] ?? '';
  const delimiter = (firstLine.match(/;/g)?.length ?? 0) > (firstLine.match(/,/g)?.length ?? 0) ? ';' : ',';
  const rows: string[][] = [];
  let row: string[] = [];
  let cell = '';
  let quoted = false;
  for (let i = 0; i < body.length; i++) {
    const ch = body[i];
    if (quoted) {
      if (ch === '"' && body[i + 1] === '"') {
        cell += '"';
        i++;
      } else if (ch === '"') quoted = false;
      else cell += ch;
    } else if (ch === '"' && cell === '') quoted = true;
    else if (ch === delimiter) {
      row.push(cell);
      cell = '';
    } else if (ch === '\n' || ch === '\r') {
      if (ch === '\r' && body[i + 1] === '\n') i++;
      row.push(cell);
      rows.push(row);
      row = [];
      cell = '';
    } else cell += ch;
  }
  if (cell !== '' || row.length > 0) {
    row.push(cell);
    rows.push(row);
  }
  return rows;
}

const text = (cell: Cell): string => {
  if (cell === null || cell === undefined) return '';
  if (cell instanceof Date) return cell.toISOString().slice(0, 10);
  return String(cell).trim();
};

/** `dd/mm/yyyy`, `d/m/yyyy`, `yyyy-mm-dd` or an Excel date; `undefined` for an empty cell, `null` unreadable. */
export function readDate(cell: Cell): string | null | undefined {
  if (cell instanceof Date) {
    return Number.isNaN(cell.getTime()) ? null : cell.toISOString().slice(0, 10);
  }
  const value = text(cell);
  if (value === '') return undefined;
  const vn = value.match(/^(\d{1,2})[/.-](\d{1,2})[/.-](\d{4})$/);
  if (vn) return `${vn[3]}-${vn[2]?.padStart(2, '0')}-${vn[1]?.padStart(2, '0')}`;
  if (/^\d{4}-\d{2}-\d{2}$/.test(value)) return value;
  return null;
}

const YES = new Set(['co', 'x', 'yes', 'true', '1', 'dien tu']);
const NO = new Set(['khong', 'no', 'false', '0', 'giay']);
function readYesNo(cell: Cell): boolean | null | undefined {
  if (typeof cell === 'boolean') return cell;
  const value = foldText(text(cell));
  if (value === '') return undefined;
  if (YES.has(value)) return true;
  if (NO.has(value)) return false;
  return null;
}

const DIRECTIONS: Record<string, DocumentInput['direction']> = {
  den: 'incoming',
  'van ban den': 'incoming',
  di: 'outgoing',
  'van ban di': 'outgoing',
};
const STATUSES: Record<string, DocumentInput['status']> = {
  'chua xu ly': 'pending',
  'dang xu ly': 'in_progress',
  'da xu ly': 'done',
  'hoan thanh': 'done',
};

/** Maps the header row to column indexes; an error names the missing columns. */
function columnsOf(header: Cell[]): { index: Map<ColumnKey, number>; error?: string } {
  const folded = header.map((h) => foldText(text(h)));
  const index = new Map<ColumnKey, number>();
  for (const column of TEMPLATE_COLUMNS) {
    const wanted = foldText(column.header);
    const short = foldText(column.header.replace(/\s*\(.*\)$/, ''));
    const at = folded.findIndex((h) => h === wanted || h === short);
    if (at >= 0) index.set(column.key, at);
  }
  const missing = REQUIRED.filter((k) => !index.has(k)).map(
    (k) => `«${TEMPLATE_COLUMNS.find((c) => c.key === k)?.header}»`,
  );
  return missing.length > 0
    ? { index, error: `Tệp thiếu cột ${missing.join(', ')}. Vui lòng dùng tệp mẫu.` }
    : { index };
}

/** One data row to an entry or a reason; `rowNumber` counts from the header (row 1), as a spreadsheet shows. */
export function parseRow(cells: Cell[], index: Map<ColumnKey, number>, rowNumber: number): ParsedRow {
  const at = (key: ColumnKey): Cell => {
    const i = index.get(key);
    return i === undefined ? undefined : cells[i];
  };
  const fail = (reason: string): ParsedRow => ({ row: rowNumber, ok: false, reason });

  const direction = DIRECTIONS[foldText(text(at('direction')))];
  if (!direction) return fail('Cột «Loại» phải là «Đến» hoặc «Đi».');
  const issuedOn = readDate(at('issuedOn'));
  if (issuedOn === undefined) return fail('Thiếu ngày văn bản.');
  if (issuedOn === null) return fail('Ngày văn bản không đúng định dạng dd/mm/yyyy.');
  const dueOn = readDate(at('dueOn'));
  if (dueOn === null) return fail('Hạn xử lý không đúng định dạng dd/mm/yyyy.');
  const electronic = readYesNo(at('electronic'));
  if (electronic === undefined || electronic === null)
    return fail('Cột «Điện tử» phải là «Có» hoặc «Không».');
  const signed = readYesNo(at('digitallySigned'));
  if (signed === null) return fail('Cột «Ký số» phải là «Có» hoặc «Không».');
  const isAgency = readYesNo(at('counterpartKind'));
  if (isAgency === null) return fail('Cột «Cơ quan nhà nước» phải là «Có» hoặc «Không».');
  const statusText = foldText(text(at('status')));
  const status = statusText === '' ? 'pending' : STATUSES[statusText];
  if (!status) return fail('Trạng thái phải là «Chưa xử lý», «Đang xử lý» hoặc «Đã xử lý».');

  const parsed = documentInput.safeParse({
    direction,
    number: text(at('number')),
    symbol: text(at('symbol')),
    issuedOn,
    summary: text(at('summary')),
    counterpartKind: isAgency === false ? 'other' : 'agency',
    counterpartName: text(at('counterpartName')) || undefined,
    electronic,
    digitallySigned: signed ?? false,
    dueOn: dueOn ?? null,
    handler: text(at('handler')) || null,
    status,
  });
  return parsed.success ? { row: rowNumber, ok: true, input: parsed.data } : fail(firstIssue(parsed.error));
}

/** Every data row of a sheet (the first non-empty row is the header; blank rows are skipped). */
export function parseSheet(table: Cell[][]): ParsedSheet {
  const blank = (cells: Cell[]) => cells.every((c) => text(c) === '');
  const headerAt = table.findIndex((cells) => !blank(cells));
  if (headerAt < 0) return { headerError: 'Tệp không có dữ liệu.', rows: [] };
  const { index, error } = columnsOf(table[headerAt] ?? []);
  if (error) return { headerError: error, rows: [] };
  const rows: ParsedRow[] = [];
  for (let i = headerAt + 1; i < table.length; i++) {
    const cells = table[i] ?? [];
    if (!blank(cells)) rows.push(parseRow(cells, index, i + 1));
  }
  return { rows };
}

/** Marks the second and later rows with the same direction, number, symbol and date as duplicates of the first. */
export function markFileDuplicates(rows: ParsedRow[]): ParsedRow[] {
  const firstRow = new Map<string, number>();
  return rows.map((r) => {
    if (!r.ok) return r;
    const key = documentKey(r.input);
    const first = firstRow.get(key);
    if (first !== undefined) {
      return { row: r.row, ok: false, reason: `Trùng với dòng ${first} (cùng số, ký hiệu và ngày văn bản).` };
    }
    firstRow.set(key, r.row);
    return r;
  });
}

export const documentKey = (d: { direction: string; number: string; symbol: string; issuedOn: string }) =>
  `${d.direction}|${d.number}|${d.symbol}|${d.issuedOn}`;
