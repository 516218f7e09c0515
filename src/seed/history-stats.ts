// Figures of a generated history, computed with the product's own classification (classify): states, on-time
// shares per year on both clocks, and the channel mix per year. Printed by the CLI and checked by the tests.
import { classify } from '../modules/dossier/lifecycle/classify.ts';
import type { DossierSnapshot } from '../modules/dossier/lifecycle/snapshot.ts';
import { STATE_LABELS } from '../modules/dossier/lifecycle/states.ts';

export interface YearFigures {
  year: number;
  /** Dossiers created (filed) that year, by channel. */
  created: number;
  counter: number;
  online: number;
  post: number;
  /** Dossiers received that year and resolved (decided), and of those early or on time. */
  resolved: number;
  onTime: number;
  early: number;
  /** Early or on time on the national-index clock (Decision 766). */
  indexOnTime: number;
}

export interface HistoryFigures {
  dossiers: number;
  events: number;
  byState: Record<string, number>;
  byProfile: Record<string, number>;
  open: number;
  overdue: number;
  years: YearFigures[];
}

const yearOf = (at: string) => new Date(Date.parse(at) + 7 * 3_600_000).getUTCFullYear();

function yearRow(years: Map<number, YearFigures>, year: number): YearFigures {
  let row = years.get(year);
  if (!row) {
    row = {
      year,
      created: 0,
      counter: 0,
      online: 0,
      post: 0,
      resolved: 0,
      onTime: 0,
      early: 0,
      indexOnTime: 0,
    };
    years.set(year, row);
  }
  return row;
}

export function historyFigures(
  snapshots: readonly DossierSnapshot[],
  events: number,
  now: Date,
): HistoryFigures {
  const byState: Record<string, number> = {};
  const byProfile: Record<string, number> = {};
  const years = new Map<number, YearFigures>();
  let open = 0;
  let overdue = 0;
  for (const s of snapshots) {
    byState[s.state] = (byState[s.state] ?? 0) + 1;
    if (s.receivedAt) byProfile[s.ruleProfile] = (byProfile[s.ruleProfile] ?? 0) + 1;
    const created = yearRow(years, yearOf(s.createdAt));
    created.created += 1;
    created[s.channel] += 1;
    const c = classify(s, now);
    if (c.legal.status === 'open') {
      open += 1;
      if (c.legal.result === 'overdue') overdue += 1;
    }
    if (c.legal.status !== 'resolved' || !s.receivedAt) continue;
    const row = yearRow(years, yearOf(s.receivedAt));
    row.resolved += 1;
    if (c.legal.result !== 'late') row.onTime += 1;
    if (c.legal.result === 'early') row.early += 1;
    if (c.index.status === 'resolved' && c.index.result !== 'late') row.indexOnTime += 1;
  }
  const sorted = [...years.values()].sort((a, b) => a.year - b.year);
  return { dossiers: snapshots.length, events, byState, byProfile, open, overdue, years: sorted };
}

const pct = (part: number, whole: number) => (whole ? `${((100 * part) / whole).toFixed(1)}%` : '–');
const num = (n: number) => n.toLocaleString('vi-VN');

/** The figures as lines of Vietnamese text. */
export function describeFigures(f: HistoryFigures): string[] {
  const states = Object.entries(f.byState)
    .sort((a, b) => b[1] - a[1])
    .map(([state, n]) => `${STATE_LABELS[state as keyof typeof STATE_LABELS] ?? state}: ${num(n)}`);
  const lines = [
    `  Theo trạng thái: ${states.join('; ')}.`,
    `  Đang giải quyết: ${num(f.open)}, trong đó quá hạn ${num(f.overdue)}.`,
    '  Năm   Hồ sơ  Trực tiếp  Trực tuyến  Bưu chính | Đã giải quyết  Đúng/trước hạn  (trước hạn)  Theo chỉ số 766',
  ];
  for (const y of f.years) {
    lines.push(
      `  ${y.year}  ${String(y.created).padStart(5)}  ${pct(y.counter, y.created).padStart(9)}  ` +
        `${pct(y.online, y.created).padStart(10)}  ${pct(y.post, y.created).padStart(9)} | ` +
        `${String(y.resolved).padStart(13)}  ${pct(y.onTime, y.resolved).padStart(14)}  ` +
        `${pct(y.early, y.resolved).padStart(11)}  ${pct(y.indexOnTime, y.resolved).padStart(15)}`,
    );
  }
  return lines;
}
