import { describe, expect, it } from 'vitest';
import {
  addCounts,
  countByKind,
  positionBalance,
  quotaBalance,
  servingOn,
  streamliningProgress,
  totalOf,
} from './headcount.ts';

describe('headcount arithmetic', () => {
  it('counts who serves on a date, both ends included', () => {
    const o = { startDate: '2021-03-01', endDate: '2023-06-30' };
    expect(servingOn(o, '2021-02-28')).toBe(false);
    expect(servingOn(o, '2021-03-01')).toBe(true);
    expect(servingOn(o, '2023-06-30')).toBe(true);
    expect(servingOn(o, '2023-07-01')).toBe(false);
    expect(servingOn({ startDate: '2020-01-01', endDate: null }, '2030-01-01')).toBe(true);
  });

  it('gives a position its vacancy or over-staffing, never both', () => {
    expect(positionBalance(3, 1)).toEqual({ needed: 3, held: 1, vacancy: 2, over: 0 });
    expect(positionBalance(1, 3)).toEqual({ needed: 1, held: 3, vacancy: 0, over: 2 });
    expect(positionBalance(2, 2)).toEqual({ needed: 2, held: 2, vacancy: 0, over: 0 });
  });

  it('counts cadres with civil servants, public employees apart, non-specialised workers in no quota', () => {
    const counts = countByKind([
      { category: 'cadre' },
      { category: 'civil_servant' },
      { category: 'public_employee' },
      { category: 'non_specialised' },
    ]);
    expect(counts).toEqual({ civilServants: 2, publicEmployees: 1, contractStaff: 0 });
  });

  it('balances serving officials against the quota, kind by kind', () => {
    const lines = quotaBalance(
      { civilServants: 5, publicEmployees: 1, contractStaff: 2 },
      { civilServants: 7, publicEmployees: 0, contractStaff: 2 },
    );
    expect(lines).toEqual([
      { kind: 'civilServants', quota: 5, actual: 7, vacancy: 0, over: 2 },
      { kind: 'publicEmployees', quota: 1, actual: 0, vacancy: 1, over: 0 },
      { kind: 'contractStaff', quota: 2, actual: 2, vacancy: 0, over: 0 },
    ]);
    expect(quotaBalance(null, { civilServants: 3, publicEmployees: 0, contractStaff: 0 })[0]).toEqual({
      kind: 'civilServants',
      quota: null,
      actual: 3,
      vacancy: 0,
      over: 0,
    });
  });

  it('adds counts for roll-ups', () => {
    const sum = addCounts(
      { civilServants: 1, publicEmployees: 2, contractStaff: 3 },
      { civilServants: 10, publicEmployees: 20, contractStaff: 30 },
    );
    expect(sum).toEqual({ civilServants: 11, publicEmployees: 22, contractStaff: 33 });
    expect(totalOf(sum)).toBe(66);
  });

  it('follows the streamlining plan against the headcount at each year end', () => {
    const officials = [
      ...Array.from({ length: 18 }, () => ({ startDate: '2015-01-01', endDate: null })),
      { startDate: '2015-01-01', endDate: '2021-05-31' },
      { startDate: '2015-01-01', endDate: '2022-12-31' },
      { startDate: '2015-01-01', endDate: '2023-02-01' },
      { startDate: '2022-03-01', endDate: null },
    ];
    const at = (d: string) => officials.filter((o) => servingOn(o, d)).length;
    const p = streamliningProgress(
      {
        fromYear: 2021,
        toYear: 2025,
        targetPercent: 10,
        planned: [
          { year: 2021, reduction: 1 },
          { year: 2023, reduction: 1 },
        ],
      },
      at,
      '2023-08-15',
    );
    expect(p.baseHeadcount).toBe(21);
    expect(p.targetReduction).toBe(3);
    expect(p.years.map((y) => [y.year, y.planned, y.headcount, y.actual])).toEqual([
      [2021, 1, 20, 1],
      // a recruit in March 2022 outweighs nobody leaving (the one leaving on 31/12 still serves that day)
      [2022, 0, 21, -1],
      [2023, 1, 19, 2],
      [2024, 0, 19, 0],
      [2025, 0, 19, 0],
    ]);
    expect(p.years.at(-1)?.cumulativePlanned).toBe(2);
    expect(p.achievedReduction).toBe(2);
    expect(p.met).toBe(false);
  });
});
