import { describe, expect, it } from 'vitest';
import { bandProblems, DEFAULT_GRADE_BANDS, gradeOf } from './grade.ts';
import { totalOf } from './indicators.ts';

describe('grade bands (Circular 01/2018 art. 15(3), rules-2.md §2.3)', () => {
  it('grades the band edges: ≥ 15 Xuất sắc, 12 to < 15 Tốt, 9 to < 12 Khá, 6 to < 9 Trung bình, < 6 Yếu', () => {
    const label = (total: number) => gradeOf(total, DEFAULT_GRADE_BANDS).label;
    expect([18, 15, 14, 12, 11, 9, 8, 6, 5, 0].map(label)).toEqual([
      'Xuất sắc',
      'Xuất sắc',
      'Tốt',
      'Tốt',
      'Khá',
      'Khá',
      'Trung bình',
      'Trung bình',
      'Yếu',
      'Yếu',
    ]);
  });

  it('follows a changed configuration in any order (Thanh Hóa "> 15" as a minimum of 16)', () => {
    const thanhHoa = [
      { key: 'weak', label: 'Yếu', min: 0 },
      { key: 'excellent', label: 'Xuất sắc', min: 16 },
      { key: 'good', label: 'Tốt', min: 12 },
    ];
    expect(gradeOf(15, thanhHoa).key).toBe('good');
    expect(gradeOf(16, thanhHoa).key).toBe('excellent');
  });

  it('sums the nine scores', () => {
    expect(totalOf({ '1': 2, '2': 2, '3': 2, '4': 1, '5': 1, '6': 2, '7': 1, '8': 2, '9': 1 })).toBe(14);
  });

  it('explains unusable bands in Vietnamese', () => {
    expect(bandProblems(DEFAULT_GRADE_BANDS)).toEqual([]);
    expect(bandProblems([{ key: 'a', label: 'Tốt', min: 10 }])).toEqual([
      'Cần ít nhất 2 mức xếp loại.',
      'Mức thấp nhất phải bắt đầu từ 0 điểm để mọi tổng điểm đều được xếp loại.',
    ]);
    expect(
      bandProblems([
        { key: 'a', label: 'Tốt', min: 0 },
        { key: 'a', label: 'tốt', min: 0 },
        { key: 'c', label: 'X', min: 19 },
      ]),
    ).toEqual([
      'Mã các mức xếp loại không được trùng nhau.',
      'Tên các mức xếp loại không được trùng nhau.',
      'Điểm tối thiểu của các mức xếp loại không được trùng nhau.',
      'Điểm tối thiểu phải từ 0 đến 18.',
    ]);
  });
});
