import { asc, eq, inArray } from 'drizzle-orm';
import ExcelJS from 'exceljs';
import type { Db } from '../../platform/db/connect.ts';
import { notFound } from '../../platform/http/errors.ts';
import type { Principal } from '../auth/permissions.ts';
import { loadUnitTree, unitsInScope } from '../kpi/scope.ts';
import { adminUnits, agencies } from '../org/schema.ts';
import { officialsOf } from '../staff/officials-of.ts';
import { vietnamDate } from '../staff/staff-indicators.ts';
import { degreeLabels } from '../staff/staff-labels.ts';
import {
  addCounts,
  type Counts,
  countByKind,
  positionBalance,
  quotaBalance,
  servingOn,
  streamliningProgress,
  zeroCounts,
} from './headcount.ts';
import { asOfFor } from './positions.ts';
import type { SummaryRow, SummaryView } from './positions.types.ts';
import { readableAgencies, within } from './positions-access.ts';
import { groupLabels, quotaKindLabels } from './positions-labels.ts';
import { headcountQuotas, jobPositions, positionHolders, streamliningPlans } from './schema.ts';

// The figures by agency and for a unit with the units under it (the city with its wards): positions needed and
// held, vacancies and over-staffing, quota against officials serving, the streamlining plans added up; and the
// same as an Excel workbook with a totals row and the people behind every figure.

interface Query {
  unitId?: string | undefined;
  year?: number | undefined;
  view: 'historical' | 'current';
}

async function gather(db: Db, principal: Principal, query: Query, now: Date) {
  const today = vietnamDate(now);
  const year = query.year ?? Number(today.slice(0, 4));
  const asOf = asOfFor(year, today);
  const readable = readableAgencies(principal);
  let scopeName = 'Tất cả cơ quan trong phạm vi';
  let units: string[] | null = null;
  if (query.unitId) {
    const tree = await loadUnitTree(db);
    const unit = tree.units.get(query.unitId);
    if (!unit) throw notFound('Không tìm thấy đơn vị hành chính.');
    units = unitsInScope(tree, query.unitId, query.view);
    scopeName = unit.name;
  }
  const agencyRows = (
    await db
      .select({ id: agencies.id, name: agencies.name, unitId: agencies.unitId, unitName: adminUnits.name })
      .from(agencies)
      .innerJoin(adminUnits, eq(adminUnits.id, agencies.unitId))
      .where(
        units
          ? inArray(agencies.unitId, units.length ? units : ['00000000-0000-0000-0000-000000000000'])
          : undefined,
      )
      .orderBy(asc(adminUnits.name), asc(agencies.name))
  ).filter((a) => within(readable, a.id));
  const unitIds = [...new Set(agencyRows.map((a) => a.unitId))];
  const agencyIds = agencyRows.map((a) => a.id);
  if (unitIds.length === 0)
    return {
      year,
      asOf,
      today,
      scopeName,
      agencyRows,
      positions: [],
      links: [],
      officials: [],
      quotas: [],
      plans: [],
    };
  const [positions, links, officials, quotas, plans] = await Promise.all([
    db.select().from(jobPositions).where(inArray(jobPositions.ownerUnitId, unitIds)),
    db.select().from(positionHolders).where(inArray(positionHolders.ownerUnitId, unitIds)),
    officialsOf(db, { units: unitIds, agencyIds }),
    db.select().from(headcountQuotas).where(inArray(headcountQuotas.ownerUnitId, unitIds)),
    db.select().from(streamliningPlans).where(inArray(streamliningPlans.ownerUnitId, unitIds)),
  ]);
  return { year, asOf, today, scopeName, agencyRows, positions, links, officials, quotas, plans };
}

type Gathered = Awaited<ReturnType<typeof gather>>;

function holdersOn(g: Gathered) {
  const serving = new Map(g.officials.filter((o) => servingOn(o, g.asOf)).map((o) => [o.id, o]));
  const byPosition = new Map<string, string[]>();
  for (const l of g.links) {
    if (l.fromDate > g.asOf || (l.toDate !== null && l.toDate < g.asOf) || !serving.has(l.officialId))
      continue;
    byPosition.set(l.positionId, [...(byPosition.get(l.positionId) ?? []), l.officialId]);
  }
  return { serving, byPosition };
}

function summarise(g: Gathered): SummaryView {
  const { serving, byPosition } = holdersOn(g);
  const rows: SummaryRow[] = g.agencyRows.map((a) => {
    const mine = g.positions.filter((p) => p.agencyId === a.id);
    const balances = mine.map((p) => positionBalance(p.headcount, byPosition.get(p.id)?.length ?? 0));
    const quotaRow = g.quotas.find((q) => q.agencyId === a.id && q.year === g.year);
    const quota: Counts | null = quotaRow
      ? {
          civilServants: quotaRow.civilServants,
          publicEmployees: quotaRow.publicEmployees,
          contractStaff: quotaRow.contractStaff,
        }
      : null;
    const actual = countByKind([...serving.values()].filter((o) => o.agencyId === a.id));
    const lines = quotaBalance(quota, actual);
    return {
      agencyId: a.id,
      agencyName: a.name,
      unitName: a.unitName,
      positions: mine.length,
      needed: balances.reduce((s, b) => s + b.needed, 0),
      held: balances.reduce((s, b) => s + b.held, 0),
      vacancy: balances.reduce((s, b) => s + b.vacancy, 0),
      over: balances.reduce((s, b) => s + b.over, 0),
      quota,
      actual,
      quotaVacancy: lines.reduce((s, l) => s + l.vacancy, 0),
      quotaOver: lines.reduce((s, l) => s + l.over, 0),
    };
  });
  const total = rows.reduce(
    (t, r) => ({
      positions: t.positions + r.positions,
      needed: t.needed + r.needed,
      held: t.held + r.held,
      vacancy: t.vacancy + r.vacancy,
      over: t.over + r.over,
      quota: r.quota ? addCounts(t.quota ?? zeroCounts(), r.quota) : t.quota,
      actual: addCounts(t.actual, r.actual),
      quotaVacancy: t.quotaVacancy + r.quotaVacancy,
      quotaOver: t.quotaOver + r.quotaOver,
    }),
    {
      positions: 0,
      needed: 0,
      held: 0,
      vacancy: 0,
      over: 0,
      quota: null as Counts | null,
      actual: zeroCounts(),
      quotaVacancy: 0,
      quotaOver: 0,
    },
  );
  const byYear = new Map<number, { year: number; planned: number; actual: number; headcount: number }>();
  const shown = new Set(g.agencyRows.map((a) => a.id));
  for (const plan of g.plans.filter((p) => shown.has(p.agencyId))) {
    const theirs = g.officials.filter((o) => o.agencyId === plan.agencyId);
    const progress = streamliningProgress(plan, (d) => theirs.filter((o) => servingOn(o, d)).length, g.today);
    for (const y of progress.years) {
      const entry = byYear.get(y.year) ?? { year: y.year, planned: 0, actual: 0, headcount: 0 };
      entry.planned += y.planned;
      entry.actual += y.actual;
      entry.headcount += y.headcount;
      byYear.set(y.year, entry);
    }
  }
  return {
    scopeName: g.scopeName,
    year: g.year,
    asOf: g.asOf,
    rows,
    total,
    streamlining: [...byYear.values()].sort((a, b) => a.year - b.year),
  };
}

export async function headcountSummary(db: Db, principal: Principal, query: Query, now = new Date()) {
  return summarise(await gather(db, principal, query, now));
}

const quotaText = (c: Counts | null, key: keyof Counts) => (c ? c[key] : '');

/** The summary as a workbook: one sheet of figures with the totals row, one of positions and their holders. */
export async function headcountXlsx(db: Db, principal: Principal, query: Query, now = new Date()) {
  const g = await gather(db, principal, query, now);
  const summary = summarise(g);
  const workbook = new ExcelJS.Workbook();
  workbook.creator = 'Motcua';
  const sheet = workbook.addWorksheet('Tổng hợp', { views: [{ state: 'frozen', ySplit: 3 }] });
  sheet.getCell('A1').value =
    `Vị trí việc làm, biên chế — ${summary.scopeName} — năm ${summary.year} (số liệu đến ${summary.asOf.split('-').reverse().join('/')})`;
  sheet.getCell('A1').font = { bold: true, size: 13 };
  const header = [
    'Cơ quan, đơn vị',
    'Đơn vị hành chính',
    'Số vị trí',
    'Số người cần',
    'Đang đảm nhiệm',
    'Còn thiếu',
    'Vượt',
    `Biên chế ${quotaKindLabels.civilServants.toLowerCase()}`,
    `Hiện có ${quotaKindLabels.civilServants.toLowerCase()}`,
    `Biên chế ${quotaKindLabels.publicEmployees.toLowerCase()}`,
    `Hiện có ${quotaKindLabels.publicEmployees.toLowerCase()}`,
    `Chỉ tiêu ${quotaKindLabels.contractStaff.toLowerCase()}`,
    'Chưa sử dụng biên chế',
    'Vượt biên chế',
  ];
  sheet.getRow(3).values = header;
  sheet.getRow(3).font = { bold: true };
  sheet.getRow(3).alignment = { wrapText: true, vertical: 'middle' };
  sheet.columns.forEach((c, i) => {
    c.width = i === 0 ? 48 : i === 1 ? 24 : 14;
  });
  const line = (name: string, unit: string, r: Omit<SummaryRow, 'agencyId' | 'agencyName' | 'unitName'>) => [
    name,
    unit,
    r.positions,
    r.needed,
    r.held,
    r.vacancy,
    r.over,
    quotaText(r.quota, 'civilServants'),
    r.actual.civilServants,
    quotaText(r.quota, 'publicEmployees'),
    r.actual.publicEmployees,
    quotaText(r.quota, 'contractStaff'),
    r.quotaVacancy,
    r.quotaOver,
  ];
  for (const r of summary.rows) sheet.addRow(line(r.agencyName, r.unitName, r));
  const totalRow = sheet.addRow(line('Tổng cộng', summary.scopeName, summary.total));
  totalRow.font = { bold: true };

  const detail = workbook.addWorksheet('Chi tiết vị trí', { views: [{ state: 'frozen', ySplit: 1 }] });
  detail.columns = [
    { header: 'Cơ quan, đơn vị', width: 44 },
    { header: 'Mã vị trí', width: 12 },
    { header: 'Tên vị trí', width: 36 },
    { header: 'Nhóm', width: 26 },
    { header: 'Trình độ yêu cầu', width: 16 },
    { header: 'Số người cần', width: 12 },
    { header: 'Người đảm nhiệm', width: 40 },
    { header: 'Còn thiếu', width: 10 },
    { header: 'Vượt', width: 10 },
  ];
  detail.getRow(1).font = { bold: true };
  const { serving, byPosition } = holdersOn(g);
  const names = new Map(g.agencyRows.map((a) => [a.id, a.name]));
  const positions = g.positions
    .filter((p) => names.has(p.agencyId))
    .sort(
      (a, b) =>
        (names.get(a.agencyId) ?? '').localeCompare(names.get(b.agencyId) ?? '', 'vi') ||
        a.code.localeCompare(b.code),
    );
  for (const p of positions) {
    const holders = (byPosition.get(p.id) ?? []).map((id) => serving.get(id)?.fullName ?? '');
    const b = positionBalance(p.headcount, holders.length);
    detail.addRow([
      names.get(p.agencyId),
      p.code,
      p.name,
      groupLabels[p.group],
      degreeLabels[p.requiredDegree],
      p.headcount,
      holders.join(', '),
      b.vacancy,
      b.over,
    ]);
  }
  return { bytes: Buffer.from(await workbook.xlsx.writeBuffer()), year: summary.year };
}
