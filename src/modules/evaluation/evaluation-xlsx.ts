// The evaluations of a period as an Excel workbook (pure: the computed list in, bytes out): the per-agency
// summary in the shape of Thanh Hóa's quarterly table, then every evaluation.
import ExcelJS from 'exceljs';
import type { EvaluationList } from './evaluation-list.ts';
import { MAX_TOTAL } from './indicators.ts';

export const SUMMARY_TITLE = 'BẢNG ĐÁNH GIÁ VIỆC GIẢI QUYẾT THỦ TỤC HÀNH CHÍNH';

const border: Partial<ExcelJS.Borders> = {
  top: { style: 'thin' },
  left: { style: 'thin' },
  bottom: { style: 'thin' },
  right: { style: 'thin' },
};
const vnDateTime = (d: Date | null) =>
  d ? new Date(d.getTime() + 7 * 3_600_000).toISOString().slice(0, 10).split('-').reverse().join('/') : '';

function table(
  sheet: ExcelJS.Worksheet,
  header: string[],
  rows: (string | number | null)[][],
  boldLast = false,
) {
  const head = sheet.addRow(header);
  head.font = { bold: true };
  head.alignment = { horizontal: 'center', vertical: 'middle', wrapText: true };
  head.height = 45;
  for (let c = 1; c <= header.length; c += 1) head.getCell(c).border = border;
  rows.forEach((values, i) => {
    const row = sheet.addRow(values);
    row.alignment = { vertical: 'top', wrapText: true };
    for (let c = 1; c <= header.length; c += 1) row.getCell(c).border = border;
    if (boldLast && i === rows.length - 1) row.font = { bold: true };
  });
}

export async function evaluationsXlsx(
  list: EvaluationList,
  scopeName: string,
  generatedAt: Date,
): Promise<Buffer> {
  const workbook = new ExcelJS.Workbook();
  workbook.creator = 'Motcua';
  workbook.created = generatedAt;
  workbook.modified = generatedAt;
  workbook.title = `${SUMMARY_TITLE} - ${list.period.label}`;
  const levels = list.ratingLevels;

  const summary = workbook.addWorksheet('Tổng hợp', {
    pageSetup: { paperSize: 9, orientation: 'landscape', fitToPage: true, fitToWidth: 1, fitToHeight: 0 },
  });
  summary.addRow([SUMMARY_TITLE]).font = { bold: true };
  summary.addRow([`Kỳ đánh giá: ${list.period.label}`]);
  summary.addRow([`Phạm vi: ${scopeName}`]);
  summary.addRow([
    `Thang điểm: 9 tiêu chí × 2 điểm = ${MAX_TOTAL} điểm; tỷ lệ đánh giá = số phiếu ÷ tổng số phiếu đánh giá`,
  ]);
  summary.addRow([]);
  summary.columns = [
    { width: 6 },
    { width: 44 },
    { width: 12 },
    ...list.bands.map(() => ({ width: 11 })),
    { width: 12 },
    { width: 12 },
    { width: 11 },
    ...levels.map(() => ({ width: 13 })),
  ];
  const share = (r: EvaluationList['summary']['totals'], key: string) => {
    const cell = r.ratings.byLevel[key];
    return cell ? `${(cell.share * 100).toFixed(1)}%` : '0%';
  };
  const summaryRows = [...list.summary.rows, list.summary.totals].map((r, i, all) => [
    i === all.length - 1 ? '' : i + 1,
    r.agencyName,
    r.evaluated,
    ...list.bands.map((b) => r.byGrade[b.key] ?? 0),
    r.averageSelf,
    r.averageAppraised,
    r.ratings.forms,
    ...levels.map((l) => share(r, l.key)),
  ]);
  table(
    summary,
    [
      'STT',
      'Cơ quan giải quyết',
      'Số hồ sơ được đánh giá',
      ...list.bands.map((b) => `Xếp loại ${b.label}`),
      'Điểm tự chấm bình quân',
      'Điểm thẩm định bình quân',
      'Số phiếu đánh giá',
      ...levels.map((l) => `Tỷ lệ ${l.label}`),
    ],
    summaryRows,
    true,
  );

  const detail = workbook.addWorksheet('Danh sách hồ sơ');
  detail.columns = [
    { width: 6 },
    { width: 26 },
    { width: 44 },
    { width: 36 },
    { width: 14 },
    { width: 10 },
    { width: 10 },
    { width: 12 },
  ];
  table(
    detail,
    [
      'STT',
      'Mã hồ sơ',
      'Thủ tục hành chính',
      'Cơ quan giải quyết',
      'Ngày giải quyết',
      'Tự chấm',
      'Thẩm định',
      'Xếp loại',
    ],
    list.items.map((item, i) => [
      i + 1,
      item.dossierCode ?? '',
      item.procedureName,
      item.competentAgencyName,
      vnDateTime(item.resolvedAt),
      item.selfTotal,
      item.appraisedTotal,
      item.gradeLabel,
    ]),
  );
  return Buffer.from(await workbook.xlsx.writeBuffer());
}
