import { dayFromIso, msOfVnDay } from '../calendar/day.ts';
import { classify } from '../dossier/lifecycle/classify.ts';
import type { DossierSnapshot } from '../dossier/lifecycle/snapshot.ts';
import { type DossierState, OPEN_STATES, RESOLVED_STATES } from '../dossier/lifecycle/states.ts';

// Biểu 06/VPCP/KSTT (Circular 01/2020/TT-VPCP; rules.md §7): the situation and results of procedure handling
// over a period, one row per procedure field (lĩnh vực) and a total row. Pure: dossier rows in, counts out.
//
// Each dossier counted falls in exactly one "received" column and exactly one "result" column, so
//   received total (online + in person/post + carried over) = resolved total + in-progress total.
//
// - Carried over: received before the period and not resolved before it.
// - Received in the period, by channel: online, or in person / by post (the desk's counter and postal intake).
// - Resolved in the period (decision instant, "Đã xử lý xong"): early / on time / late on the LEGAL clock of
//   classify(), i.e. against the due date in force. An apology (Mẫu 04) moves that date, so a dossier decided
//   by its apology's new date counts as on time or early: the legal clock counts it so (lifecycle README,
//   "Two clocks"), while the Decision 766 index clock, which keeps the receipt's appointment, does not. This
//   report follows the legal clock.
// - In progress at the end of the period (or now, if the period has not ended): within deadline / past
//   deadline, measured at that instant against the due date in force. A dossier decided after the period ends
//   counts as in progress at its end.
// - Excluded: dossiers never received (drafts, submitted, intake supplement, refused) and dossiers withdrawn
//   or stopped — the legal clock does not count them (classify(), "not counted"). The report is computed from
//   today's data: a dossier withdrawn after the period leaves the figures of that period too.
// - Approximation: the due date in force is today's. A supplement restart or an apology after the period's end
//   may have moved it since.

export const reportColumns = [
  'received_total',
  'received_online',
  'received_offline',
  'carried_over',
  'resolved_total',
  'resolved_early',
  'resolved_on_time',
  'resolved_late',
  'pending_total',
  'pending_within',
  'pending_overdue',
] as const;
export type ReportColumn = (typeof reportColumns)[number];
export type Counts = Record<ReportColumn, number>;

/** Labels of the leaf columns (the statutory wording of rules.md §7). */
export const COLUMN_LABELS: Readonly<Record<ReportColumn, string>> = {
  received_total: 'Tổng số hồ sơ nhận giải quyết',
  received_online: 'Trong kỳ: trực tuyến',
  received_offline: 'Trong kỳ: trực tiếp, dịch vụ bưu chính',
  carried_over: 'Từ kỳ trước chuyển qua',
  resolved_total: 'Đã giải quyết: tổng số',
  resolved_early: 'Đã giải quyết: trước hạn',
  resolved_on_time: 'Đã giải quyết: đúng hạn',
  resolved_late: 'Đã giải quyết: quá hạn',
  pending_total: 'Đang giải quyết: tổng số',
  pending_within: 'Đang giải quyết: trong hạn',
  pending_overdue: 'Đang giải quyết: quá hạn',
};

/** What the report reads of a dossier: columns, plus the snapshot when it is resolved in the period or open. */
export interface ReportDossier {
  id: string;
  code: string | null;
  procedureName: string;
  field: string;
  channel: string;
  state: string;
  receivedAt: Date | null;
  dueAt: Date | null;
  resolvedAt: Date | null;
  snapshot: DossierSnapshot | null;
  /** Level of the receiving agency (its unit's tier): 1 province, 2 district, 3 commune. */
  level: number;
}

/** The statutory rows "theo cấp": the levels of government, in the report's order. */
export const LEVEL_LABELS: Readonly<Record<number, string>> = {
  1: 'Cấp tỉnh',
  2: 'Cấp huyện',
  3: 'Cấp xã',
};
export const levelLabel = (level: number) => LEVEL_LABELS[level] ?? `Cấp ${level}`;

/** The period as instants: [fromMs, toEndMs) in Vietnam local time, measured at `atMs` = min(end, now). */
export interface PeriodWindow {
  fromMs: number;
  toEndMs: number;
  atMs: number;
}

export function periodWindow(from: string, to: string, now: Date): PeriodWindow {
  const fromMs = msOfVnDay(dayFromIso(from), 0);
  const toEndMs = msOfVnDay(dayFromIso(to) + 1, 0);
  return { fromMs, toEndMs, atMs: Math.min(toEndMs, now.getTime()) };
}

/** The columns a dossier counts in for the period (both totals included), or null when it is not counted. */
export function columnsFor(d: ReportDossier, w: PeriodWindow): ReportColumn[] | null {
  const state = d.state as DossierState;
  if (!OPEN_STATES.has(state) && !RESOLVED_STATES.has(state)) return null;
  if (!d.receivedAt || !d.dueAt) return null;
  const received = d.receivedAt.getTime();
  const resolved = d.resolvedAt?.getTime() ?? null;
  if (received >= w.atMs) return null;
  if (resolved !== null && resolved < w.fromMs) return null;

  const receivedColumn: ReportColumn =
    received < w.fromMs ? 'carried_over' : d.channel === 'online' ? 'received_online' : 'received_offline';
  const out: ReportColumn[] = ['received_total', receivedColumn];

  if (resolved !== null && resolved < w.atMs) {
    const legal = classify(requireSnapshot(d), new Date(w.atMs)).legal;
    if (legal.status !== 'resolved') return null;
    out.push('resolved_total', `resolved_${legal.result}` as ReportColumn);
    return out;
  }
  out.push('pending_total', openColumn(d, w.atMs));
  return out;
}

function openColumn(d: ReportDossier, atMs: number): ReportColumn {
  const dueMs = (d.dueAt as Date).getTime();
  const s = d.snapshot;
  // Still open today: the lifecycle's own classification, which stops the legal clock while the applicant
  // supplements. A supplement requested after the measuring instant did not stop it then.
  if (s && OPEN_STATES.has(s.state)) {
    const paused = s.state === 'supplement_requested' ? s.clocks.legal.pausedAt : null;
    if (!paused || Date.parse(paused) <= atMs) {
      const legal = classify(s, new Date(atMs)).legal;
      if (legal.status === 'open') return legal.result === 'overdue' ? 'pending_overdue' : 'pending_within';
    }
  }
  // Decided since, or the supplement came later: past deadline if the measuring instant is after the due date.
  return atMs > dueMs ? 'pending_overdue' : 'pending_within';
}

function requireSnapshot(d: ReportDossier): DossierSnapshot {
  if (!d.snapshot) throw new Error(`dossier ${d.id}: the snapshot is needed to classify it`);
  return d.snapshot;
}

export const emptyCounts = (): Counts => Object.fromEntries(reportColumns.map((c) => [c, 0])) as Counts;

export interface ReportRow {
  level: number;
  field: string;
  counts: Counts;
}

export interface LevelRow {
  level: number;
  label: string;
  counts: Counts;
}

export interface ProcedureHandlingTable {
  /** One row per level and field, levels in order, fields by name (Vietnamese collation). */
  rows: ReportRow[];
  /** The subtotal of each level present. */
  levels: LevelRow[];
  totals: Counts;
}

/** Counts per level and field, each level's subtotal, and the total row. */
export function buildTable(dossiers: Iterable<ReportDossier>, w: PeriodWindow): ProcedureHandlingTable {
  const byRow = new Map<string, ReportRow>();
  const byLevel = new Map<number, LevelRow>();
  const totals = emptyCounts();
  for (const d of dossiers) {
    const columns = columnsFor(d, w);
    if (!columns) continue;
    const key = `${d.level}|${d.field}`;
    let row = byRow.get(key);
    if (!row) {
      row = { level: d.level, field: d.field, counts: emptyCounts() };
      byRow.set(key, row);
    }
    let level = byLevel.get(d.level);
    if (!level) {
      level = { level: d.level, label: levelLabel(d.level), counts: emptyCounts() };
      byLevel.set(d.level, level);
    }
    for (const c of columns) {
      row.counts[c] += 1;
      level.counts[c] += 1;
      totals[c] += 1;
    }
  }
  const rows = [...byRow.values()].sort((a, b) => a.level - b.level || a.field.localeCompare(b.field, 'vi'));
  const levels = [...byLevel.values()].sort((a, b) => a.level - b.level);
  return { rows, levels, totals };
}

/**
 * The dossiers behind one cell: a column, and a row — a level's field, a level's subtotal (`field` undefined), or
 * the total row (both undefined).
 */
export function cellDossiers(
  dossiers: Iterable<ReportDossier>,
  w: PeriodWindow,
  column: ReportColumn,
  field?: string,
  level?: number,
): ReportDossier[] {
  const out: ReportDossier[] = [];
  for (const d of dossiers) {
    if (field !== undefined && d.field !== field) continue;
    if (level !== undefined && d.level !== level) continue;
    if (columnsFor(d, w)?.includes(column)) out.push(d);
  }
  return out;
}
