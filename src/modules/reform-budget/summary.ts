import ExcelJS from 'exceljs';
import type { Db } from '../../platform/db/connect.ts';
import type { Principal } from '../auth/permissions.ts';
import { vietnamDate } from '../staff/staff-indicators.ts';
import type { LineView, SummaryView } from './budget.types.ts';
import { groupTotals, type Totals, unspentCheckDate } from './budget-totals.ts';
import { describeLines, visibleRows } from './lines.ts';
import { loadSettings } from './settings.ts';

// Planned against spent per task, per area and per agency for a year, with the overrun and unspent flags, and
// the workbook the finance office takes away (every line, then the totals rows).

export const statusLabels: Record<LineView['status'], string> = {
  draft: 'Dự thảo',
  proposed: 'Đã đề xuất',
  returned: 'Bị trả lại',
  appraised: 'Đã thẩm định',
  approved: 'Đã phê duyệt',
  settled: 'Đã quyết toán',
  cancelled: 'Đã hủy',
};
export const sourceLabels: Record<LineView['source'], string> = {
  state_budget: 'Ngân sách nhà nước',
  other: 'Nguồn khác',
};

async function linesOfYear(
  db: Db,
  principal: Principal,
  year: number,
  planId: string | undefined,
  now: Date,
) {
  const settings = await loadSettings(db);
  const rows = await visibleRows(db, principal, settings, { year, ...(planId ? { planId } : {}) });
  const lines = await describeLines(db, principal, settings, rows, now);
  return { settings, lines };
}

function summarise(
  year: number,
  rule: { percent: number; checkDate: string },
  lines: LineView[],
): SummaryView {
  const figures = (l: LineView) => l.figures;
  const byTask = groupTotals(lines, (l) => l.taskId, figures);
  const byArea = groupTotals(lines, (l) => l.areaId, figures);
  const byAgency = groupTotals(lines, (l) => l.leadAgencyId, figures);
  const first = (key: string, pick: (l: LineView) => string) => {
    const l = lines.find((x) => pick(x) === key);
    return l as LineView;
  };
  const list = <T>(groups: Map<string, Totals>, extra: (key: string) => T) =>
    [...groups.entries()].map(([key, t]) => ({ key, ...t, ...extra(key) }));
  return {
    year,
    unspentRule: rule,
    byTask: list(byTask.groups, (k) => {
      const l = first(k, (x) => x.taskId);
      return { label: l.taskDescription, areaCode: l.areaCode, agencyName: l.leadAgencyName };
    }).sort((a, b) => a.areaCode.localeCompare(b.areaCode, 'vi', { numeric: true })),
    byArea: list(byArea.groups, (k) => {
      const l = first(k, (x) => x.areaId);
      return { label: `${l.areaCode}. ${l.areaTitle}` };
    }).sort((a, b) => a.label.localeCompare(b.label, 'vi', { numeric: true })),
    byAgency: list(byAgency.groups, (k) => ({ label: first(k, (x) => x.leadAgencyId).leadAgencyName })).sort(
      (a, b) => a.label.localeCompare(b.label, 'vi'),
    ),
    total: byTask.total,
  };
}

export async function budgetSummary(
  db: Db,
  principal: Principal,
  query: { year?: number | undefined; planId?: string | undefined },
  now = new Date(),
) {
  const year = query.year ?? Number(vietnamDate(now).slice(0, 4));
  const { settings, lines } = await linesOfYear(db, principal, year, query.planId, now);
  return summarise(
    year,
    { percent: settings.rule.percent, checkDate: unspentCheckDate(year, settings.rule) },
    lines,
  );
}

const MONEY = '#,##0';

/** The finance office's workbook: the lines of the year, then totals by area, by agency and for the year. */
export async function budgetXlsx(
  db: Db,
  principal: Principal,
  query: { year?: number | undefined; planId?: string | undefined },
  now = new Date(),
) {
  const year = query.year ?? Number(vietnamDate(now).slice(0, 4));
  const { settings, lines } = await linesOfYear(db, principal, year, query.planId, now);
  const checkDate = unspentCheckDate(year, settings.rule);
  const summary = summarise(year, { percent: settings.rule.percent, checkDate }, lines);
  const workbook = new ExcelJS.Workbook();
  workbook.creator = 'Motcua';
  const sheet = workbook.addWorksheet(`Kinh phí CCHC ${year}`, { views: [{ state: 'frozen', ySplit: 3 }] });
  sheet.getCell('A1').value = `Kinh phí thực hiện Kế hoạch CCHC năm ${year} (đơn vị tính: đồng)`;
  sheet.getCell('A1').font = { bold: true, size: 13 };
  sheet.getCell('A2').value =
    `Chưa giải ngân: dưới ${settings.rule.percent}% số được duyệt đến ngày ${checkDate.split('-').reverse().join('/')}.`;
  const header = [
    'Lĩnh vực',
    'Nhiệm vụ',
    'Cơ quan chủ trì',
    'Nội dung',
    'Nguồn',
    'Trạng thái',
    'Đề xuất',
    'Thẩm định',
    'Phê duyệt',
    'Số quyết định',
    'Đã giải ngân',
    'Đã chi (quyết toán)',
    'Còn lại',
    'Cảnh báo',
  ];
  sheet.getRow(3).values = header;
  sheet.getRow(3).font = { bold: true };
  sheet.getRow(3).alignment = { wrapText: true, vertical: 'middle' };
  const widths = [10, 48, 34, 40, 18, 14, 16, 16, 16, 18, 16, 18, 16, 22];
  widths.forEach((w, i) => {
    sheet.getColumn(i + 1).width = w;
  });
  for (const c of [7, 8, 9, 11, 12, 13]) sheet.getColumn(c).numFmt = MONEY;
  const flags = (o: { overrun: boolean | number; unspent: boolean | number }) =>
    [o.overrun ? 'Vượt dự toán' : '', o.unspent ? 'Chậm giải ngân' : ''].filter(Boolean).join('; ');
  for (const l of lines)
    sheet.addRow([
      l.areaCode,
      l.taskDescription,
      l.leadAgencyName,
      l.description,
      sourceLabels[l.source],
      statusLabels[l.status],
      l.figures.proposed,
      l.figures.appraised,
      l.figures.approved,
      l.decisionNumber ?? '',
      l.figures.disbursed,
      l.figures.spent,
      l.figures.remaining,
      flags(l.figures),
    ]);
  const totalRow = (label: string, t: Totals) => {
    const row = sheet.addRow([
      '',
      label,
      '',
      '',
      '',
      `${t.lines} dòng`,
      t.proposed,
      t.appraised,
      t.approved,
      '',
      t.disbursed,
      t.spent,
      t.remaining,
      flags(t),
    ]);
    row.font = { bold: true };
  };
  sheet.addRow([]);
  sheet.addRow(['', 'Cộng theo lĩnh vực']).font = { bold: true, italic: true };
  for (const g of summary.byArea) totalRow(g.label, g);
  sheet.addRow(['', 'Cộng theo cơ quan chủ trì']).font = { bold: true, italic: true };
  for (const g of summary.byAgency) totalRow(g.label, g);
  totalRow(`TỔNG CỘNG NĂM ${year}`, summary.total);
  return { bytes: Buffer.from(await workbook.xlsx.writeBuffer()), year };
}
