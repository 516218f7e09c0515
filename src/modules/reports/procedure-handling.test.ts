import { describe, expect, it } from 'vitest';
import type { Channel } from '../dossier/lifecycle/actions.ts';
import type { DossierSnapshot } from '../dossier/lifecycle/snapshot.ts';
import { act, applicant, desk, draft, officer, vn, WARD, wall } from '../dossier/lifecycle/test-fixtures.ts';
import { resolvePeriod } from './periods.ts';
import {
  buildTable,
  cellDossiers,
  columnsFor,
  periodWindow,
  type ReportDossier,
} from './procedure-handling.ts';

const specialist = officer('specialist', WARD);
const head = officer('head_of_office', WARD);
const leader = officer('signing_leader', WARD);

/** Received at `at` (Vietnam time), 5 working days, left at the appraisal step. */
function received(id: string, at: string, channel: Channel = 'counter'): DossierSnapshot {
  const t = vn(at);
  let s = draft(new Date(t.getTime() - 3_600_000), { id, channel });
  s = act(s, { type: 'submit' }, channel === 'online' ? applicant : desk, new Date(t.getTime() - 1_800_000));
  s = act(s, { type: 'receive', dossierCode: `X-${id}` }, desk, t);
  return act(s, { type: 'complete_step', comment: '' }, desk, new Date(t.getTime() + 600_000));
}

function decided(s: DossierSnapshot, at: string): DossierSnapshot {
  const t = vn(at);
  s = act(s, { type: 'complete_step', comment: '' }, specialist, new Date(t.getTime() - 120_000));
  s = act(s, { type: 'complete_step', comment: '' }, head, new Date(t.getTime() - 60_000));
  return act(s, { type: 'approve' }, leader, t);
}

/** The row the report reads (as columnsOf stores it). */
const row = (s: DossierSnapshot, field = 'Hộ tịch', level = 3): ReportDossier => ({
  level,
  id: s.id,
  code: s.code,
  procedureName: 'Thủ tục thử',
  field,
  channel: s.channel,
  state: s.state,
  receivedAt: s.receivedAt ? new Date(s.receivedAt) : null,
  dueAt: s.dueAt ? new Date(s.dueAt) : null,
  resolvedAt: s.decision?.at ? new Date(s.decision.at) : null,
  snapshot: s,
});

// March 2026, measured well after it ended.
const march = periodWindow('2026-03-01', '2026-03-31', vn('2026-04-15T08:00'));

describe('classification of a dossier for a period (legal clock)', () => {
  it('carried over from February and resolved late in March', () => {
    const s = decided(received('a', '2026-02-25T09:00'), '2026-03-10T10:00');
    expect(wall(s.dueAt)).toBe('2026-03-04T17:00'); // Thu 26, Fri 27, Mon 2, Tue 3, Wed 4
    expect(columnsFor(row(s), march)).toEqual([
      'received_total',
      'carried_over',
      'resolved_total',
      'resolved_late',
    ]);
  });

  it('received online in March and resolved early', () => {
    const s = decided(received('b', '2026-03-02T09:00', 'online'), '2026-03-05T10:00');
    expect(wall(s.dueAt)).toBe('2026-03-09T17:00');
    expect(columnsFor(row(s), march)).toEqual([
      'received_total',
      'received_online',
      'resolved_total',
      'resolved_early',
    ]);
  });

  it('resolved on the due day is on time', () => {
    const s = decided(received('b2', '2026-03-02T09:00'), '2026-03-09T16:00');
    expect(columnsFor(row(s), march)).toContain('resolved_on_time');
  });

  it('received in person in March, still open at the end of March and past its deadline', () => {
    const s = received('c', '2026-03-02T09:00');
    expect(columnsFor(row(s), march)).toEqual([
      'received_total',
      'received_offline',
      'pending_total',
      'pending_overdue',
    ]);
    // The same dossier measured on 5/3, before its due date (Mon 9/3 17:00).
    const early = periodWindow('2026-03-01', '2026-03-05', vn('2026-04-15T08:00'));
    expect(columnsFor(row(s), early)).toContain('pending_within');
  });

  it('a dossier decided after the period counts as in progress at its end', () => {
    const s = decided(received('d', '2026-02-25T09:00'), '2026-03-10T10:00');
    // February: received in it, due 4/3, so still within its deadline on 28/2.
    const february = periodWindow('2026-02-01', '2026-02-28', vn('2026-04-15T08:00'));
    expect(columnsFor({ ...row(s), snapshot: null }, february)).toEqual([
      'received_total',
      'received_offline',
      'pending_total',
      'pending_within',
    ]);
  });

  it('an apology moves the legal due date: decided by the new date is on time', () => {
    let s = received('e', '2026-03-02T09:00'); // due Mon 9/3 17:00
    s = act(s, { type: 'complete_step', comment: '' }, specialist, vn('2026-03-03T09:00'));
    s = act(
      s,
      { type: 'apologise', reason: 'Cần xác minh', newDueDate: '2026-03-12' },
      head,
      vn('2026-03-05T09:00'),
    );
    s = act(s, { type: 'complete_step', comment: '' }, head, vn('2026-03-12T09:00'));
    s = act(s, { type: 'approve' }, leader, vn('2026-03-12T10:00'));
    expect(wall(s.dueAt)).toBe('2026-03-12T17:00');
    expect(columnsFor(row(s), march)).toContain('resolved_on_time');
  });

  it('excludes withdrawn dossiers, those resolved before the period and those received after it', () => {
    const withdrawn = act(
      received('f', '2026-03-03T09:00'),
      { type: 'withdraw' },
      applicant,
      vn('2026-03-04T08:00'),
    );
    expect(columnsFor(row(withdrawn), march)).toBeNull();
    const before = decided(received('g', '2026-02-02T09:00'), '2026-02-05T10:00');
    expect(columnsFor(row(before), march)).toBeNull();
    const after = received('h', '2026-04-01T09:00');
    expect(columnsFor(row(after), march)).toBeNull();
    expect(columnsFor(row(draft(vn('2026-03-03T09:00'))), march)).toBeNull();
  });
});

describe('the table', () => {
  const all = [
    row(decided(received('a', '2026-02-25T09:00'), '2026-03-10T10:00'), 'Hộ tịch'),
    row(decided(received('b', '2026-03-02T09:00', 'online'), '2026-03-05T10:00'), 'Chứng thực'),
    row(received('c', '2026-03-02T09:00'), 'Hộ tịch'),
    row(act(received('f', '2026-03-03T09:00'), { type: 'withdraw' }, applicant, vn('2026-03-04T08:00'))),
  ];

  it('counts per field, sorted, with totals equal to the sum of the rows and to the drill-down', () => {
    const table = buildTable(all, march);
    expect(table.rows.map((r) => r.field)).toEqual(['Chứng thực', 'Hộ tịch']);
    expect(table.totals).toMatchObject({
      received_total: 3,
      received_online: 1,
      received_offline: 1,
      carried_over: 1,
      resolved_total: 2,
      resolved_early: 1,
      resolved_on_time: 0,
      resolved_late: 1,
      pending_total: 1,
      pending_within: 0,
      pending_overdue: 1,
    });
    for (const [column, n] of Object.entries(table.totals)) {
      expect(table.rows.reduce((sum, r) => sum + r.counts[column as keyof typeof r.counts], 0)).toBe(n);
      expect(cellDossiers(all, march, column as keyof typeof table.totals)).toHaveLength(n);
    }
    expect(cellDossiers(all, march, 'pending_overdue', 'Hộ tịch').map((d) => d.id)).toEqual(['c']);
    expect(table.totals.received_total).toBe(table.totals.resolved_total + table.totals.pending_total);
  });

  it('groups the rows by level (district before commune) with a subtotal per level, drillable', () => {
    const district = row(decided(received('d', '2026-03-02T09:00'), '2026-03-04T10:00'), 'Hộ tịch', 2);
    const table = buildTable([...all, district], march);
    expect(table.rows.map((r) => [r.level, r.field])).toEqual([
      [2, 'Hộ tịch'],
      [3, 'Chứng thực'],
      [3, 'Hộ tịch'],
    ]);
    expect(table.levels.map((l) => [l.label, l.counts.received_total])).toEqual([
      ['Cấp huyện', 1],
      ['Cấp xã', 3],
    ]);
    expect(table.totals.received_total).toBe(4);
    expect(cellDossiers([...all, district], march, 'received_total', undefined, 2).map((d) => d.id)).toEqual([
      'd',
    ]);
    expect(cellDossiers([...all, district], march, 'received_total', 'Hộ tịch', 3)).toHaveLength(2);
  });
});

describe('periods', () => {
  it.each([
    [{ period: 'month', year: 2026, month: 2 }, '2026-02-01', '2026-02-28', 'Tháng 2 năm 2026'],
    [{ period: 'quarter', year: 2026, quarter: 3 }, '2026-07-01', '2026-09-30', 'Quý III năm 2026'],
    [{ period: 'half', year: 2024 }, '2024-01-01', '2024-06-30', '6 tháng đầu năm 2024'],
    [{ period: 'nine_months', year: 2025 }, '2025-01-01', '2025-09-30', '9 tháng năm 2025'],
    [{ period: 'year', year: 2025 }, '2025-01-01', '2025-12-31', 'Năm 2025'],
    [
      { from: '2025-12-15', to: '2026-12-14' },
      '2025-12-15',
      '2026-12-14',
      'Từ ngày 15/12/2025 đến ngày 14/12/2026',
    ],
  ] as const)('%o → %s … %s', (q, from, to, label) => {
    expect(resolvePeriod(q)).toEqual({ kind: 'period' in q ? q.period : 'custom', from, to, label });
  });

  it('refuses inverted ranges and ranges longer than a year, in Vietnamese', () => {
    expect(() => resolvePeriod({ from: '2026-03-02', to: '2026-03-01' })).toThrow(
      'Ngày kết thúc phải từ ngày bắt đầu',
    );
    expect(() => resolvePeriod({ from: '2025-01-01', to: '2026-01-01' })).toThrow('tối đa 1 năm');
    expect(() => resolvePeriod({ period: 'month', year: 2026 })).toThrow('Vui lòng chọn tháng');
  });
});
