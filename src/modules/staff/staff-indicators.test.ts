import { describe, expect, it } from 'vitest';
import {
  indicatorFigure,
  isServing,
  type OfficialFacts,
  staffFigures,
  vietnamDate,
} from './staff-indicators.ts';

const official = (over: Partial<OfficialFacts> & { id: string }): OfficialFacts => ({
  agencyId: 'a',
  degreeLevel: 'university',
  startDate: '2015-01-01',
  endDate: null,
  onlineTrainingEnds: [],
  ...over,
});

describe('staff indicators (hand-computed)', () => {
  // Agency a: 4 serving on 2024-06-30 (1 left in 2023, 1 starts in 2025), agency b: 1 serving.
  const officials: OfficialFacts[] = [
    official({ id: '1', onlineTrainingEnds: ['2022-05-10'] }),
    official({ id: '2', degreeLevel: 'college', onlineTrainingEnds: ['2024-07-15'] }),
    official({ id: '3', degreeLevel: 'master', onlineTrainingEnds: ['2021-03-01', '2023-03-01'] }),
    official({ id: '4', degreeLevel: 'intermediate' }),
    official({ id: '5', endDate: '2023-12-31', onlineTrainingEnds: ['2022-01-01'] }),
    official({ id: '6', startDate: '2025-02-01', onlineTrainingEnds: ['2025-03-01'] }),
    official({ id: '7', agencyId: 'b', degreeLevel: 'doctorate', onlineTrainingEnds: ['2020-01-01'] }),
  ];

  it('counts an official as serving from the start date to the end date inclusive', () => {
    expect(isServing({ startDate: '2020-01-01', endDate: '2020-12-31' }, '2020-12-31')).toBe(true);
    expect(isServing({ startDate: '2020-01-01', endDate: '2020-12-31' }, '2021-01-01')).toBe(false);
    expect(isServing({ startDate: '2020-01-02', endDate: null }, '2020-01-01')).toBe(false);
  });

  it('share trained on the online-service software: 2 of 4 in agency a on 2024-06-30', () => {
    // 1 (2022) and 3 (2021) count; 2's course ends after the date; 4 none; 5 left; 6 not yet serving.
    const a = indicatorFigure(
      officials.filter((o) => o.agencyId === 'a'),
      'trained_online',
      '2024-06-30',
    );
    expect(a).toMatchObject({ serving: 4, counted: 2, share: 0.5, met: false });
  });

  it('the same figure later counts the course that ended in the meantime', () => {
    const a = indicatorFigure(
      officials.filter((o) => o.agencyId === 'a'),
      'trained_online',
      '2024-12-31',
    );
    expect(a).toMatchObject({ serving: 4, counted: 3, share: 0.75 });
  });

  it('share with university degree or higher, total and per agency', () => {
    const { total, agencies } = staffFigures(officials, '2024-06-30');
    // Serving: 1,2,3,4,7 → university 1, master 3, doctorate 7 = 3 of 5.
    expect(total.find((f) => f.key === 'university_degree')).toMatchObject({
      serving: 5,
      counted: 3,
      share: 0.6,
      met: false,
    });
    expect(total.find((f) => f.key === 'trained_online')).toMatchObject({
      serving: 5,
      counted: 3,
      share: 0.6,
    });
    const b = agencies.find((x) => x.agencyId === 'b');
    expect(b?.figures.map((f) => [f.key, f.share, f.met])).toEqual([
      ['trained_online', 1, true],
      ['university_degree', 1, true],
    ]);
  });

  it('nobody serving: no share and the target is not met', () => {
    expect(indicatorFigure([], 'university_degree', '2024-01-01')).toMatchObject({
      serving: 0,
      counted: 0,
      share: null,
      met: false,
    });
    expect(staffFigures([official({ id: 'x', startDate: '2030-01-01' })], '2024-01-01').agencies).toEqual([]);
  });

  it('the Vietnamese calendar date is UTC+7', () => {
    expect(vietnamDate(new Date('2025-06-30T17:00:00Z'))).toBe('2025-07-01');
    expect(vietnamDate(new Date('2025-06-30T16:59:59Z'))).toBe('2025-06-30');
  });
});
