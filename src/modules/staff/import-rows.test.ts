import { describe, expect, it } from 'vitest';
import { type ImportAgency, parseDateCell, validateImportRow, validateImportRows } from './import-rows.ts';

const agencies: ImportAgency[] = [
  { id: 'noi-vu', name: 'Phòng Nội vụ thành phố Vị Thanh', manageable: true },
  { id: 'tu-phap', name: 'Phòng Tư pháp thành phố Vị Thanh', manageable: false },
];
const today = '2025-11-25';
const good = {
  agency: 'Phòng Nội vụ thành phố Vị Thanh',
  fullName: '  Nguyễn  Thị Thu   Hà ',
  birthDate: '05/09/1988',
  position: 'Chuyên viên',
  category: 'Công chức',
  degreeLevel: 'Đại học',
  fieldOfStudy: 'Luật',
  politicalTheory: 'Trung cấp',
  startDate: new Date(Date.UTC(2012, 2, 1)),
  endDate: null,
};

describe('parseDateCell', () => {
  it('reads dd/mm/yyyy, yyyy-mm-dd and Excel dates; rejects impossible dates', () => {
    expect(parseDateCell('5/9/1988')).toBe('1988-09-05');
    expect(parseDateCell('31.12.2020')).toBe('2020-12-31');
    expect(parseDateCell('2020-02-29')).toBe('2020-02-29');
    expect(parseDateCell(new Date(Date.UTC(2001, 0, 15)))).toBe('2001-01-15');
    expect(parseDateCell('30/02/2020')).toBeNull();
    expect(parseDateCell('1988')).toBeNull();
    expect(parseDateCell(null)).toBeNull();
  });
});

describe('validateImportRow', () => {
  it('accepts a complete row, tidying spaces and reading labels without regard to case or diacritics', () => {
    const outcome = validateImportRow(
      { ...good, category: 'cong chuc', degreeLevel: 'ĐẠI HỌC' },
      agencies,
      today,
    );
    expect(outcome).toEqual({
      ok: true,
      value: {
        agencyId: 'noi-vu',
        fullName: 'Nguyễn Thị Thu Hà',
        nameKey: 'nguyen thi thu ha',
        birthDate: '1988-09-05',
        position: 'Chuyên viên',
        category: 'civil_servant',
        degreeLevel: 'university',
        fieldOfStudy: 'Luật',
        politicalTheory: 'intermediate',
        startDate: '2012-03-01',
        endDate: null,
      },
    });
  });

  it('reports every problem of a row', () => {
    const outcome = validateImportRow(
      {
        agency: 'Phòng Không Tồn Tại',
        fullName: '',
        birthDate: '31/02/1990',
        category: 'Hợp đồng',
        degreeLevel: 'Tiểu học',
        startDate: '01/01/2030',
      },
      agencies,
      today,
    );
    expect(outcome.ok).toBe(false);
    if (outcome.ok) return;
    expect(outcome.reasons).toEqual([
      'Không tìm thấy cơ quan «Phòng Không Tồn Tại» trong danh mục.',
      'Thiếu họ và tên.',
      'Ngày sinh không hợp lệ (định dạng dd/mm/yyyy).',
      expect.stringContaining('Ngạch, loại «Hợp đồng» không hợp lệ'),
      expect.stringContaining('Trình độ chuyên môn «Tiểu học» không hợp lệ'),
      'Ngày bắt đầu công tác không được sau ngày hôm nay.',
    ]);
  });

  it('rejects an agency the importer does not manage, and dates out of order', () => {
    const outcome = validateImportRow(
      { ...good, agency: 'phong tu phap thanh pho vi thanh', startDate: '01/01/1980', endDate: '01/01/1979' },
      agencies,
      today,
    );
    expect(outcome.ok).toBe(false);
    if (outcome.ok) return;
    expect(outcome.reasons).toEqual([
      'Bạn không có quyền cập nhật cán bộ của «Phòng Tư pháp thành phố Vị Thanh».',
      'Ngày bắt đầu công tác phải sau ngày sinh.',
      'Ngày thôi việc không được trước ngày bắt đầu công tác.',
    ]);
  });

  it('requires the mandatory columns', () => {
    const outcome = validateImportRow({ agency: good.agency, fullName: 'Lê Văn An' }, agencies, today);
    expect(outcome.ok ? [] : outcome.reasons).toEqual([
      'Thiếu ngày sinh.',
      'Thiếu ngạch, loại cán bộ.',
      'Thiếu trình độ chuyên môn.',
      'Thiếu ngày bắt đầu công tác.',
    ]);
  });
});

describe('validateImportRows', () => {
  it('keeps valid rows, rejects bad ones and a repeated person with their sheet row numbers', () => {
    const { valid, rejected } = validateImportRows(
      [
        { row: 2, cells: good },
        { row: 3, cells: { ...good, fullName: 'Trần Văn Bình', degreeLevel: 'Tiến sĩ' } },
        { row: 4, cells: { ...good, fullName: 'nguyen thi thu ha' } },
        { row: 5, cells: { ...good, fullName: 'Phạm 3' } },
      ],
      agencies,
      today,
    );
    expect(valid.map((v) => v.row)).toEqual([2, 3]);
    expect(rejected).toEqual([
      {
        row: 4,
        fullName: 'nguyen thi thu ha',
        reasons: ['Trùng với dòng 2 (cùng cơ quan, họ tên và ngày sinh).'],
      },
      { row: 5, fullName: 'Phạm 3', reasons: ['Họ và tên không được chứa chữ số.'] },
    ]);
  });
});
