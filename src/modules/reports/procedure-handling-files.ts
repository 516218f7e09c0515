import ExcelJS from 'exceljs';
import { formatDate } from '../forms/format.ts';
import { headerSchema } from '../forms/forms.types.ts';
import { type Doc, frame, headingBlock, renderPdf, setFont, textAt, titleBlock } from '../forms/pdf.ts';
import { drawTable } from '../forms/pdf-table.ts';
import type { ReportPeriod } from './periods.ts';
import {
  type Counts,
  type LevelRow,
  type ReportColumn,
  type ReportRow,
  reportColumns,
} from './procedure-handling.ts';

// Biểu 06/VPCP/KSTT printed as XLSX and PDF (pure: the computed table in, bytes out). The column groups follow
// rules.md §7 ([impl]: seen in provincial reports); the exact wording and the column numbering of the
// circular's annex are UNCONFIRMED.

export const FORM_NUMBER = 'Biểu số 06/VPCP/KSTT';
export const REPORT_TITLE =
  'TÌNH HÌNH, KẾT QUẢ GIẢI QUYẾT THỦ TỤC HÀNH CHÍNH TẠI CƠ QUAN, ĐƠN VỊ TRỰC TIẾP GIẢI QUYẾT THỦ TỤC HÀNH CHÍNH';
const LEGAL_BASIS = '(Ban hành kèm theo Thông tư số 01/2020/TT-VPCP ngày 21/10/2020 của Văn phòng Chính phủ)';

export interface ReportPrintInput {
  scopeName: string;
  parentName?: string | null;
  place: string;
  period: ReportPeriod;
  rows: ReportRow[];
  levels: LevelRow[];
  totals: Counts;
  generatedAt: Date;
}

/** The three header levels: group, sub-group, leaf; `span` in leaf columns. */
interface HeaderCell {
  label: string;
  span: number;
  /** Rows the cell covers downwards (1 = its own level only). */
  depth: number;
}

const LEVEL1: HeaderCell[] = [
  { label: 'STT', span: 1, depth: 3 },
  { label: 'Lĩnh vực, công việc giải quyết theo cấp', span: 1, depth: 3 },
  { label: 'Số hồ sơ nhận giải quyết', span: 4, depth: 1 },
  { label: 'Kết quả giải quyết', span: 7, depth: 1 },
];
const LEVEL2: HeaderCell[] = [
  { label: 'Tổng số', span: 1, depth: 2 },
  { label: 'Trong kỳ', span: 2, depth: 1 },
  { label: 'Từ kỳ trước', span: 1, depth: 2 },
  { label: 'Số hồ sơ đã giải quyết', span: 4, depth: 1 },
  { label: 'Số hồ sơ đang giải quyết', span: 3, depth: 1 },
];
const LEVEL3: HeaderCell[] = [
  { label: 'Trực tuyến', span: 1, depth: 1 },
  { label: 'Trực tiếp, dịch vụ bưu chính', span: 1, depth: 1 },
  { label: 'Tổng số', span: 1, depth: 1 },
  { label: 'Trước hạn', span: 1, depth: 1 },
  { label: 'Đúng hạn', span: 1, depth: 1 },
  { label: 'Quá hạn', span: 1, depth: 1 },
  { label: 'Tổng số', span: 1, depth: 1 },
  { label: 'Trong hạn', span: 1, depth: 1 },
  { label: 'Quá hạn', span: 1, depth: 1 },
];

const COLUMN_COUNT = 2 + reportColumns.length;
const TOTAL_LABEL = 'Tổng cộng';

const subtitle = (p: ReportInputLike) => [
  `Kỳ báo cáo: ${p.period.label} (từ ngày ${formatIso(p.period.from)} đến ngày ${formatIso(p.period.to)})`,
  `Đơn vị báo cáo: ${p.scopeName}`,
  'Đơn vị tính: số hồ sơ thủ tục hành chính',
];
type ReportInputLike = Pick<ReportPrintInput, 'period' | 'scopeName'>;
const formatIso = (iso: string) => iso.split('-').reverse().join('/');

const ROMAN = ['I', 'II', 'III', 'IV', 'V'];

/**
 * Each level's subtotal row (I. Cấp huyện …) followed by its fields (1, 2, …), then the total row, as
 * [STT, label, ...counts]. The subtotal rows carry a Roman numeral (printed bold in Excel, like the total).
 */
export function bodyRows(input: Pick<ReportPrintInput, 'rows' | 'levels' | 'totals'>): (string | number)[][] {
  const out: (string | number)[][] = [];
  input.levels.forEach((level, i) => {
    out.push([ROMAN[i] ?? String(i + 1), level.label, ...reportColumns.map((c) => level.counts[c])]);
    input.rows
      .filter((r) => r.level === level.level)
      .forEach((r, j) => {
        out.push([j + 1, r.field, ...reportColumns.map((c) => r.counts[c])]);
      });
  });
  out.push(['', TOTAL_LABEL, ...reportColumns.map((c: ReportColumn) => input.totals[c])]);
  return out;
}

/** Walks a header level, returning each cell with its first leaf column (0-based, over all 13 columns). */
function placed(levels: HeaderCell[][]): { cell: HeaderCell; level: number; col: number }[] {
  // Columns already covered from above at each level.
  const covered: Set<number>[] = levels.map(() => new Set());
  const out: { cell: HeaderCell; level: number; col: number }[] = [];
  levels.forEach((cells, level) => {
    let col = 0;
    for (const cell of cells) {
      while (covered[level]?.has(col)) col += 1;
      out.push({ cell, level, col });
      for (let l = level; l < level + cell.depth; l += 1) {
        for (let c = col; c < col + cell.span; c += 1) covered[l]?.add(c);
      }
      col += cell.span;
    }
  });
  return out;
}

const HEADER = placed([LEVEL1, LEVEL2, LEVEL3]);

export async function procedureHandlingXlsx(input: ReportPrintInput): Promise<Buffer> {
  const workbook = new ExcelJS.Workbook();
  workbook.creator = 'Motcua';
  workbook.created = input.generatedAt;
  workbook.modified = input.generatedAt;
  workbook.title = `${FORM_NUMBER} - ${input.period.label}`;
  const sheet = workbook.addWorksheet('Biểu 06', {
    views: [{ state: 'frozen', xSplit: 2, ySplit: 9 }],
    pageSetup: { paperSize: 9, orientation: 'landscape', fitToPage: true, fitToWidth: 1, fitToHeight: 0 },
  });
  sheet.pageSetup.printTitlesRow = '6:9';
  sheet.headerFooter.oddFooter = '&CTrang &P/&N';
  sheet.columns = [{ width: 6 }, { width: 46 }, ...reportColumns.map(() => ({ width: 12 }))];

  const title = (row: number, text: string, bold: boolean, italic = false) => {
    sheet.mergeCells(row, 1, row, COLUMN_COUNT);
    const cell = sheet.getCell(row, 1);
    cell.value = text;
    cell.font = { bold, italic };
    cell.alignment = { horizontal: 'center', vertical: 'middle', wrapText: true };
  };
  title(1, FORM_NUMBER, true);
  title(2, REPORT_TITLE, true);
  sheet.getRow(2).height = 32;
  const [periodLine, scopeLine, unitLine] = subtitle(input);
  title(3, periodLine ?? '', false);
  title(4, scopeLine ?? '', false);
  title(5, unitLine ?? '', false, true);

  const border: Partial<ExcelJS.Borders> = {
    top: { style: 'thin' },
    left: { style: 'thin' },
    bottom: { style: 'thin' },
    right: { style: 'thin' },
  };
  const headerTop = 6;
  for (const { cell, level, col } of HEADER) {
    const top = headerTop + level;
    sheet.mergeCells(top, col + 1, top + cell.depth - 1, col + cell.span);
    sheet.getCell(top, col + 1).value = cell.label;
  }
  // Column numbers under the header, as on the statutory form.
  const numbers = sheet.getRow(headerTop + 3);
  for (let c = 1; c <= COLUMN_COUNT; c += 1) numbers.getCell(c).value = `(${c})`;
  for (let r = headerTop; r <= headerTop + 3; r += 1) {
    const row = sheet.getRow(r);
    row.font = { bold: r < headerTop + 3, italic: r === headerTop + 3 };
    row.alignment = { horizontal: 'center', vertical: 'middle', wrapText: true };
    for (let c = 1; c <= COLUMN_COUNT; c += 1) row.getCell(c).border = border;
  }
  sheet.getRow(headerTop + 2).height = 45;

  for (const values of bodyRows(input)) {
    const row = sheet.addRow(values);
    row.getCell(2).alignment = { wrapText: true, vertical: 'top' };
    for (let c = 1; c <= COLUMN_COUNT; c += 1) row.getCell(c).border = border;
    for (let c = 3; c <= COLUMN_COUNT; c += 1) row.getCell(c).numFmt = '#,##0';
    if (values[1] === TOTAL_LABEL || (typeof values[0] === 'string' && values[0] !== ''))
      row.font = { bold: true };
  }
  return Buffer.from(await workbook.xlsx.writeBuffer());
}

/** The group header levels drawn above drawTable's own leaf header row (same column widths). */
function groupHeader(doc: Doc, widths: number[]): void {
  const f = frame(doc);
  const x = (col: number) => f.left + widths.slice(0, col).reduce((s, w) => s + w, 0);
  const rowHeight = 14;
  const top = doc.y;
  // Levels 1 and 2 only: the leaves are drawTable's header row; cells reaching the leaf level stop above it.
  for (const { cell, level, col } of HEADER) {
    if (level > 1) continue;
    const depth = Math.min(cell.depth, 2 - level);
    const width = x(col + cell.span) - x(col);
    const y = top + level * rowHeight;
    const height = depth * rowHeight;
    doc.lineWidth(0.5).rect(x(col), y, width, height).stroke();
    const label = cell.depth + level > 2 ? '' : cell.label;
    setFont(doc, 'bold', 7.5);
    doc.text(label, x(col) + 2, y + 3, {
      width: width - 4,
      align: 'center',
      lineBreak: false,
      ellipsis: true,
    });
  }
  doc.x = f.left;
  doc.y = top + 2 * rowHeight;
}

export async function procedureHandlingPdf(input: ReportPrintInput): Promise<Buffer> {
  const header = headerSchema.parse({
    agency: input.scopeName,
    ...(input.parentName ? { parentAgency: input.parentName } : {}),
    place: input.place,
  });
  const spec = {
    kind: 'report' as const,
    title: REPORT_TITLE,
    profile: 'nd118-2025' as const,
    header,
    generatedAt: input.generatedAt,
    layout: 'landscape' as const,
  };
  const widths = [4, 26, ...reportColumns.map(() => 6)];
  // The leaf header row of drawTable repeats the labels of cells that span all three levels (STT, Lĩnh vực,
  // Tổng số, Từ kỳ trước), so the group rows above leave those cells blank.
  const leafLabels = [
    'STT',
    'Lĩnh vực, công việc giải quyết theo cấp',
    'Tổng số',
    'Trực tuyến',
    'Trực tiếp, dịch vụ bưu chính',
    'Từ kỳ trước',
    ...LEVEL3.slice(2).map((c) => c.label),
  ];
  return renderPdf(
    spec,
    (doc) => {
      const f = frame(doc);
      let y = textAt(doc, FORM_NUMBER, f.top, {
        x: f.left,
        width: f.width,
        face: 'bold',
        size: 8,
        align: 'right',
      });
      y = textAt(doc, LEGAL_BASIS, y, {
        x: f.left,
        width: f.width,
        face: 'italic',
        size: 6.5,
        align: 'right',
      });
      doc.y = y + 4;
      headingBlock(doc, header, { date: input.generatedAt });
      titleBlock(doc, REPORT_TITLE, subtitle(input));
      const total = widths.reduce((s, w) => s + w, 0);
      groupHeader(
        doc,
        widths.map((w) => (w / total) * f.width),
      );
      drawTable(doc, {
        columns: leafLabels.map((header, i) => ({
          header,
          width: widths[i] ?? 6,
          align: i === 1 ? ('left' as const) : ('center' as const),
        })),
        rows: bodyRows(input).map((r) =>
          r.map((v) => (typeof v === 'number' ? v.toLocaleString('vi-VN') : v)),
        ),
        fontSize: 8,
        headerFontSize: 7,
      });
      textAt(doc, `Số liệu tính đến ${formatDate(input.generatedAt)}.`, doc.y, {
        x: f.left,
        width: f.width,
        face: 'italic',
        size: 7.5,
      });
    },
    `${FORM_NUMBER} - ${input.period.label}`,
  );
}
