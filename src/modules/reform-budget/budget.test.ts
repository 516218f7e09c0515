import { describe, expect, it } from 'vitest';
import { actorsOf, allowedActions, budgetActions, nextStatus } from './budget-flow.ts';
import { belowShare, groupTotals, type LineFacts, lineFigures, spentPermille } from './budget-totals.ts';

const rule = { percent: 50, month: 11, day: 30 };
const line = (over: Partial<LineFacts> = {}): LineFacts => ({
  status: 'approved',
  year: 2024,
  proposedAmount: 120_000_000,
  appraisedAmount: 100_000_000,
  approvedAmount: 100_000_000,
  settledAmount: null,
  disbursements: [],
  ...over,
});

describe('budget line flow', () => {
  it('moves a line through its states and refuses the rest', () => {
    expect(nextStatus('draft', 'propose')).toBe('proposed');
    expect(nextStatus('proposed', 'appraise')).toBe('appraised');
    expect(nextStatus('proposed', 'return')).toBe('returned');
    expect(nextStatus('returned', 'propose')).toBe('proposed');
    expect(nextStatus('appraised', 'approve')).toBe('approved');
    expect(nextStatus('approved', 'disburse')).toBe('approved');
    expect(nextStatus('approved', 'settle')).toBe('settled');
    expect(nextStatus('draft', 'approve')).toBeUndefined();
    expect(nextStatus('proposed', 'approve')).toBeUndefined();
    expect(nextStatus('settled', 'disburse')).toBeUndefined();
    for (const a of budgetActions) expect(nextStatus('cancelled', a)).toBeUndefined();
  });

  it('gives each party only its own steps', () => {
    expect(allowedActions('draft', new Set(['lead']))).toEqual(['edit', 'propose', 'cancel']);
    expect(allowedActions('draft', new Set(['finance']))).toEqual([]);
    expect(allowedActions('proposed', new Set(['lead']))).toEqual([]);
    expect(allowedActions('proposed', new Set(['finance']))).toEqual(['return', 'appraise']);
    expect(allowedActions('appraised', new Set(['finance']))).toEqual(['return']);
    expect(allowedActions('appraised', new Set(['approver']))).toEqual(['approve']);
    expect(allowedActions('approved', new Set(['finance']))).toEqual(['disburse', 'settle']);
    expect(allowedActions('approved', new Set(['lead', 'approver']))).toEqual([]);
  });

  it('tells who an officer is to a line', () => {
    const parties = { leadAgencyId: 'noi-vu', financeAgencyId: 'tc-kh', approvingAgencyId: 'ubnd' };
    expect([...actorsOf([{ role: 'specialist', agencyId: 'noi-vu' }], parties)]).toEqual(['lead']);
    expect([...actorsOf([{ role: 'specialist', agencyId: 'tc-kh' }], parties)]).toEqual(['finance']);
    expect([...actorsOf([{ role: 'specialist', agencyId: 'ubnd' }], parties)]).toEqual([]);
    expect([...actorsOf([{ role: 'signing_leader', agencyId: 'ubnd' }], parties)]).toEqual(['approver']);
    expect(actorsOf([{ role: 'admin', agencyId: null }], parties).size).toBe(3);
    expect(
      actorsOf([{ role: 'reform_officer', agencyId: 'noi-vu' }], { ...parties, financeAgencyId: null }).has(
        'finance',
      ),
    ).toBe(false);
  });
});

describe('budget figures', () => {
  it('counts the settled amount as spent once settled, the disbursements before', () => {
    const d = [
      { amount: 30_000_000, paidOn: '2024-05-02' },
      { amount: 45_500_000, paidOn: '2024-09-10' },
    ];
    expect(lineFigures(line({ disbursements: d }), rule, '2024-10-01')).toMatchObject({
      approved: 100_000_000,
      disbursed: 75_500_000,
      spent: 75_500_000,
      remaining: 24_500_000,
      overrun: false,
      unspent: false,
    });
    expect(
      lineFigures(
        line({ status: 'settled', settledAmount: 74_000_000, disbursements: d }),
        rule,
        '2025-01-10',
      ),
    ).toMatchObject({ spent: 74_000_000, disbursed: 75_500_000, remaining: 26_000_000 });
  });

  it('flags an overrun when spent passes the approved amount', () => {
    const f = lineFigures(
      line({ disbursements: [{ amount: 100_000_001, paidOn: '2024-06-01' }] }),
      rule,
      '2024-06-02',
    );
    expect(f.overrun).toBe(true);
    expect(f.remaining).toBe(-1);
  });

  it('flags an unspent line only from the check date, counting what was paid by then', () => {
    const d = [
      { amount: 49_999_999, paidOn: '2024-11-30' },
      { amount: 10_000_000, paidOn: '2024-12-05' },
    ];
    expect(lineFigures(line({ disbursements: d }), rule, '2024-11-29').unspent).toBe(false);
    expect(lineFigures(line({ disbursements: d }), rule, '2024-12-10').unspent).toBe(true);
    const half = [{ amount: 50_000_000, paidOn: '2024-11-30' }];
    expect(lineFigures(line({ disbursements: half }), rule, '2024-12-10').unspent).toBe(false);
    expect(lineFigures(line({ status: 'appraised' }), rule, '2024-12-10').unspent).toBe(false);
  });

  it('leaves cancelled lines out and does not count approval before it happens', () => {
    expect(lineFigures(line({ status: 'cancelled' }), rule, '2024-06-01')).toMatchObject({
      proposed: 0,
      approved: 0,
    });
    expect(lineFigures(line({ status: 'appraised' }), rule, '2024-06-01')).toMatchObject({
      proposed: 120_000_000,
      appraised: 100_000_000,
      approved: 0,
    });
  });

  it('adds up by group in whole đồng without float error', () => {
    const items = [
      {
        area: 'III.1',
        f: line({
          approvedAmount: 100_000_001,
          disbursements: [{ amount: 33_333_333, paidOn: '2024-03-01' }],
        }),
      },
      {
        area: 'III.1',
        f: line({
          approvedAmount: 200_000_002,
          disbursements: [{ amount: 66_666_667, paidOn: '2024-03-01' }],
        }),
      },
      {
        area: 'III.6',
        f: line({
          approvedAmount: 999_999_999_999,
          disbursements: [{ amount: 1_000_000_000_000, paidOn: '2024-03-01' }],
        }),
      },
    ];
    const { groups, total } = groupTotals(
      items,
      (i) => i.area,
      (i) => lineFigures(i.f, rule, '2024-04-01'),
    );
    expect(groups.get('III.1')).toMatchObject({
      lines: 2,
      approved: 300_000_003,
      spent: 100_000_000,
      overrun: 0,
    });
    expect(groups.get('III.6')).toMatchObject({ lines: 1, overrun: 1, remaining: -1 });
    expect(total.approved).toBe(1_000_300_000_002);
    expect(total.spent).toBe(1_000_100_000_000);
    expect(Number.isInteger(total.remaining)).toBe(true);
  });

  it('compares shares by integers', () => {
    expect(belowShare(29_999_999, 100_000_000, 30)).toBe(true);
    expect(belowShare(30_000_000, 100_000_000, 30)).toBe(false);
    expect(belowShare(3_000_000_000_000, 9_000_000_000_000, 34)).toBe(true);
    expect(spentPermille(1, 3)).toBe(333);
    expect(spentPermille(9_000_000_000_000, 9_000_000_000_000)).toBe(1000);
    expect(spentPermille(5, 0)).toBeNull();
  });
});
