import { type SQL, sql } from 'drizzle-orm';
import ExcelJS from 'exceljs';
import type { Db } from '../../platform/db/connect.ts';
import { rawRows } from '../../platform/db/raw-rows.ts';
import { agencyScope, hasRole, type Principal } from '../auth/permissions.ts';
import { CHANNEL_LABELS } from '../dossier/lifecycle/labels.ts';
import { type DossierState, STATE_LABELS } from '../dossier/lifecycle/states.ts';
import { formatDate } from '../forms/format.ts';
import type { DossierCounter } from './counters.ts';
import { dimensionConditions, type FigureFilter } from './figure-filter.ts';
import type { DrillMetric } from './formulas.ts';
import { factInPeriod, facts, vnMonth } from './raw-facts.ts';

// The dossiers behind a figure: the same facts as the aggregates (raw-facts.ts), so the list's length is the
// figure. Officers see the dossiers of their own agencies; the reform office and administrators see all.

export interface DrillItem {
  id: string;
  ownerUnitId: string;
  code: string | null;
  procedureCode: string;
  procedureName: string;
  field: string;
  channel: string;
  state: string;
  receivingAgency: string;
  competentAgency: string;
  receivedAt: string | null;
  dueAt: string | null;
  resolvedAt: string | null;
  returnedAt: string | null;
  ratingLevel: string | null;
}

function visibility(principal: Principal): SQL {
  const scope = agencyScope(principal);
  if (scope === 'all' || hasRole(principal, 'reform_officer')) return sql`true`;
  const ids = [...scope];
  if (ids.length === 0) return sql`false`;
  const list = sql.join(
    ids.map((id) => sql`${id}::uuid`),
    sql`, `,
  );
  return sql`(d.receiving_agency_id in (${list}) or d.competent_agency_id in (${list}))`;
}

const OPEN = sql`d.state in ('received', 'in_progress', 'supplement_requested')`;

function metricCondition(metrics: DrillMetric[], f: FigureFilter, now: Date): SQL {
  const parts = metrics.map((m) => {
    // The same conditions as openTotals (aggregate-store.ts).
    if (m === 'openNow') return OPEN;
    if (m === 'overdueNow')
      return sql`(${OPEN} and d.due_at < ${now.toISOString()}::timestamptz and d.state <> 'supplement_requested')`;
    if (m === 'ratings' || m === 'ratingsSatisfied') {
      return sql`(r.dossier_id is not null and ${vnMonth(sql`r.rated_at`)} >= ${f.fromMonth}::date
        and ${vnMonth(sql`r.rated_at`)} < ${f.toMonth}::date ${m === 'ratingsSatisfied' ? sql`and r.satisfied` : sql``})`;
    }
    return factInPeriod(facts[m as DossierCounter], f);
  });
  return sql`(${sql.join(parts, sql` or `)})`;
}

function baseQuery(principal: Principal, metrics: DrillMetric[], f: FigureFilter, now = new Date()): SQL {
  return sql`from dossiers d
    left join dossier_ratings r on r.owner_unit_id = d.owner_unit_id and r.dossier_id = d.id
    where ${sql.join(dimensionConditions(sql`d`, f), sql` and `)} and ${visibility(principal)}
      and ${metricCondition(metrics, f, now)}`;
}

const iso = (v: unknown) => (v ? new Date(v as string).toISOString() : null);

async function items(db: Db, from: SQL, limit: number, offset: number): Promise<DrillItem[]> {
  const rows = await rawRows<Record<string, unknown>>(
    db,
    sql`select d.id, d.owner_unit_id, d.code, d.procedure_code, d.procedure_name, d.field, d.channel, d.state,
      ra.name as receiving_agency, ca.name as competent_agency, d.received_at, d.due_at, d.resolved_at,
      d.returned_at, r.level_label
    from (select d.owner_unit_id, d.id ${from} order by d.received_at desc nulls last, d.id
      limit ${limit} offset ${offset}) page
    join dossiers d on d.owner_unit_id = page.owner_unit_id and d.id = page.id
    left join dossier_ratings r on r.owner_unit_id = d.owner_unit_id and r.dossier_id = d.id
    left join agencies ra on ra.id = d.receiving_agency_id
    left join agencies ca on ca.id = d.competent_agency_id
    order by d.received_at desc nulls last, d.id`,
  );
  return rows.map((r) => ({
    id: String(r.id),
    ownerUnitId: String(r.owner_unit_id),
    code: (r.code as string | null) ?? null,
    procedureCode: String(r.procedure_code),
    procedureName: String(r.procedure_name),
    field: String(r.field),
    channel: String(r.channel),
    state: String(r.state),
    receivingAgency: String(r.receiving_agency ?? ''),
    competentAgency: String(r.competent_agency ?? ''),
    receivedAt: iso(r.received_at),
    dueAt: iso(r.due_at),
    resolvedAt: iso(r.resolved_at),
    returnedAt: iso(r.returned_at),
    ratingLevel: (r.level_label as string | null) ?? null,
  }));
}

export async function drillDown(
  db: Db,
  principal: Principal,
  metrics: DrillMetric[],
  f: FigureFilter,
  page: { page: number; pageSize: number },
): Promise<{ total: number; items: DrillItem[] }> {
  const from = baseQuery(principal, metrics, f);
  const [count] = await rawRows<{ n: number }>(db, sql`select count(*)::int as n ${from}`);
  return {
    total: Number(count?.n ?? 0),
    items: await items(db, from, page.pageSize, (page.page - 1) * page.pageSize),
  };
}

/** At most this many rows in an Excel export (a year of a large unit). */
export const EXPORT_LIMIT = 100_000;

export async function drillDownXlsx(
  db: Db,
  principal: Principal,
  metrics: DrillMetric[],
  f: FigureFilter,
  title: string,
): Promise<Buffer> {
  const rows = await items(db, baseQuery(principal, metrics, f), EXPORT_LIMIT, 0);
  const book = new ExcelJS.Workbook();
  const sheet = book.addWorksheet('Danh sách hồ sơ');
  sheet.addRow([title]).font = { bold: true };
  sheet.addRow([]);
  const header = sheet.addRow([
    'STT',
    'Mã hồ sơ',
    'Mã thủ tục',
    'Tên thủ tục',
    'Lĩnh vực',
    'Kênh nộp',
    'Trạng thái',
    'Cơ quan tiếp nhận',
    'Cơ quan giải quyết',
    'Ngày tiếp nhận',
    'Hạn trả kết quả',
    'Ngày giải quyết',
    'Ngày trả kết quả',
    'Đánh giá',
  ]);
  header.font = { bold: true };
  const day = (v: string | null) => (v ? formatDate(new Date(v)) : '');
  rows.forEach((r, i) => {
    sheet.addRow([
      i + 1,
      r.code ?? '',
      r.procedureCode,
      r.procedureName,
      r.field,
      CHANNEL_LABELS[r.channel as keyof typeof CHANNEL_LABELS] ?? r.channel,
      STATE_LABELS[r.state as DossierState] ?? r.state,
      r.receivingAgency,
      r.competentAgency,
      day(r.receivedAt),
      day(r.dueAt),
      day(r.resolvedAt),
      day(r.returnedAt),
      r.ratingLevel ?? '',
    ]);
  });
  sheet.columns.forEach((c, i) => {
    c.width = [6, 28, 12, 50, 24, 14, 26, 32, 32, 14, 14, 14, 14, 16][i] ?? 14;
  });
  return Buffer.from(await book.xlsx.writeBuffer());
}
