import { foldText } from '../../platform/text/normalize.ts';
import type { DegreeLevel, PoliticalTheoryLevel, StaffCategory } from './schema.ts';
import { categoryLabels, degreeLabels, politicalTheoryLabels } from './staff-labels.ts';

// Row-by-row validation of an officials import (pure). A row is keyed by agency + full name + birth date: the
// same person in the same agency is updated, never duplicated. Every problem of a row is reported at once.

export type Cell = string | number | Date | null;

/** The template's columns, in order; `*` marks the required ones in the header. */
export const importColumns = [
  { key: 'agency', header: 'Cơ quan, đơn vị *', width: 48 },
  { key: 'fullName', header: 'Họ và tên *', width: 28 },
  { key: 'birthDate', header: 'Ngày sinh (dd/mm/yyyy) *', width: 16 },
  { key: 'position', header: 'Chức vụ', width: 24 },
  { key: 'category', header: 'Ngạch, loại *', width: 22 },
  { key: 'degreeLevel', header: 'Trình độ chuyên môn *', width: 20 },
  { key: 'fieldOfStudy', header: 'Chuyên ngành', width: 24 },
  { key: 'politicalTheory', header: 'Lý luận chính trị', width: 16 },
  { key: 'startDate', header: 'Ngày bắt đầu công tác (dd/mm/yyyy) *', width: 20 },
  { key: 'endDate', header: 'Ngày thôi việc (dd/mm/yyyy)', width: 18 },
] as const;
export type ImportColumnKey = (typeof importColumns)[number]['key'];
export type RawRow = Partial<Record<ImportColumnKey, Cell>>;

export interface ImportAgency {
  id: string;
  name: string;
  /** The importer may write this agency's officials. */
  manageable: boolean;
}

export interface ImportedOfficial {
  agencyId: string;
  fullName: string;
  nameKey: string;
  birthDate: string;
  position: string | null;
  category: StaffCategory;
  degreeLevel: DegreeLevel;
  fieldOfStudy: string | null;
  politicalTheory: PoliticalTheoryLevel | null;
  startDate: string;
  endDate: string | null;
}

export type RowOutcome = { ok: true; value: ImportedOfficial } | { ok: false; reasons: string[] };

const text = (cell: Cell | undefined): string =>
  cell === null || cell === undefined
    ? ''
    : (cell instanceof Date ? '' : String(cell)).normalize('NFC').replace(/\s+/g, ' ').trim();

/** The folded form of a full name: how the import recognises a person already in the register. */
export const nameKeyOf = (fullName: string) => foldText(fullName);

const iso = (y: number, m: number, d: number) => {
  const date = new Date(Date.UTC(y, m - 1, d));
  if (date.getUTCFullYear() !== y || date.getUTCMonth() !== m - 1 || date.getUTCDate() !== d) return null;
  return date.toISOString().slice(0, 10);
};

/** A date cell as ISO: an Excel date, dd/mm/yyyy (or with - or .), or yyyy-mm-dd; null when unreadable. */
export function parseDateCell(cell: Cell | undefined): string | null {
  if (cell instanceof Date) {
    if (Number.isNaN(cell.getTime())) return null;
    // Excel dates carry no zone; exceljs reads them as UTC midnight.
    return iso(cell.getUTCFullYear(), cell.getUTCMonth() + 1, cell.getUTCDate());
  }
  const s = text(cell);
  let m = /^(\d{1,2})[/.-](\d{1,2})[/.-](\d{4})$/.exec(s);
  if (m) return iso(Number(m[3]), Number(m[2]), Number(m[1]));
  m = /^(\d{4})-(\d{2})-(\d{2})$/.exec(s);
  if (m) return iso(Number(m[1]), Number(m[2]), Number(m[3]));
  return null;
}

function byLabel<K extends string>(labels: Record<K, string>, value: string): K | undefined {
  const folded = foldText(value);
  return (Object.keys(labels) as K[]).find((k) => foldText(labels[k]) === folded || k === value);
}

const optionsOf = (labels: Record<string, string>) => Object.values(labels).join(', ');

/** Validates one data row. `today` bounds birth and start dates (nobody starts work in the future). */
export function validateImportRow(row: RawRow, agencies: ImportAgency[], today: string): RowOutcome {
  const reasons: string[] = [];
  const agencyName = text(row.agency);
  let agencyId = '';
  if (!agencyName) reasons.push('Thiếu tên cơ quan, đơn vị.');
  else {
    const folded = foldText(agencyName);
    const agency = agencies.find((a) => foldText(a.name) === folded);
    if (!agency) reasons.push(`Không tìm thấy cơ quan «${agencyName}» trong danh mục.`);
    else if (!agency.manageable) reasons.push(`Bạn không có quyền cập nhật cán bộ của «${agency.name}».`);
    else agencyId = agency.id;
  }
  const fullName = text(row.fullName);
  if (fullName.length < 2) reasons.push('Thiếu họ và tên.');
  else if (fullName.length > 120) reasons.push('Họ và tên quá dài (tối đa 120 ký tự).');
  else if (/\d/.test(fullName)) reasons.push('Họ và tên không được chứa chữ số.');

  const birthDate = parseDateCell(row.birthDate);
  if (!text(row.birthDate) && !(row.birthDate instanceof Date)) reasons.push('Thiếu ngày sinh.');
  else if (!birthDate) reasons.push('Ngày sinh không hợp lệ (định dạng dd/mm/yyyy).');
  else if (birthDate > today || birthDate < '1930-01-01') reasons.push('Ngày sinh không hợp lệ.');

  const categoryText = text(row.category);
  const category = categoryText ? byLabel(categoryLabels, categoryText) : undefined;
  if (!categoryText) reasons.push('Thiếu ngạch, loại cán bộ.');
  else if (!category)
    reasons.push(`Ngạch, loại «${categoryText}» không hợp lệ (chọn: ${optionsOf(categoryLabels)}).`);

  const degreeText = text(row.degreeLevel);
  const degreeLevel = degreeText ? byLabel(degreeLabels, degreeText) : undefined;
  if (!degreeText) reasons.push('Thiếu trình độ chuyên môn.');
  else if (!degreeLevel)
    reasons.push(`Trình độ chuyên môn «${degreeText}» không hợp lệ (chọn: ${optionsOf(degreeLabels)}).`);

  const theoryText = text(row.politicalTheory);
  const politicalTheory = theoryText ? byLabel(politicalTheoryLabels, theoryText) : undefined;
  if (theoryText && !politicalTheory)
    reasons.push(
      `Trình độ lý luận chính trị «${theoryText}» không hợp lệ (chọn: ${optionsOf(politicalTheoryLabels)}).`,
    );

  const startDate = parseDateCell(row.startDate);
  if (!text(row.startDate) && !(row.startDate instanceof Date)) reasons.push('Thiếu ngày bắt đầu công tác.');
  else if (!startDate) reasons.push('Ngày bắt đầu công tác không hợp lệ (định dạng dd/mm/yyyy).');
  else if (startDate > today) reasons.push('Ngày bắt đầu công tác không được sau ngày hôm nay.');
  else if (birthDate && startDate <= birthDate) reasons.push('Ngày bắt đầu công tác phải sau ngày sinh.');

  const hasEnd = Boolean(text(row.endDate)) || row.endDate instanceof Date;
  const endDate = hasEnd ? parseDateCell(row.endDate) : null;
  if (hasEnd && !endDate) reasons.push('Ngày thôi việc không hợp lệ (định dạng dd/mm/yyyy).');
  else if (endDate && startDate && endDate < startDate)
    reasons.push('Ngày thôi việc không được trước ngày bắt đầu công tác.');

  const position = text(row.position);
  const fieldOfStudy = text(row.fieldOfStudy);
  if (position.length > 200) reasons.push('Chức vụ quá dài (tối đa 200 ký tự).');
  if (fieldOfStudy.length > 200) reasons.push('Chuyên ngành quá dài (tối đa 200 ký tự).');

  if (reasons.length > 0 || !birthDate || !startDate || !category || !degreeLevel)
    return { ok: false, reasons };
  return {
    ok: true,
    value: {
      agencyId,
      fullName,
      nameKey: nameKeyOf(fullName),
      birthDate,
      position: position || null,
      category,
      degreeLevel,
      fieldOfStudy: fieldOfStudy || null,
      politicalTheory: politicalTheory ?? null,
      startDate,
      endDate,
    },
  };
}

export interface RejectedRow {
  row: number;
  fullName: string;
  reasons: string[];
}

/**
 * Validates every row (numbered as in the sheet) and rejects a second row for a person already met in the file,
 * so a file never updates the same official twice.
 */
export function validateImportRows(
  rows: { row: number; cells: RawRow }[],
  agencies: ImportAgency[],
  today: string,
): { valid: { row: number; value: ImportedOfficial }[]; rejected: RejectedRow[] } {
  const valid: { row: number; value: ImportedOfficial }[] = [];
  const rejected: RejectedRow[] = [];
  const seen = new Map<string, number>();
  for (const { row, cells } of rows) {
    const outcome = validateImportRow(cells, agencies, today);
    if (!outcome.ok) {
      rejected.push({ row, fullName: text(cells.fullName), reasons: outcome.reasons });
      continue;
    }
    const key = `${outcome.value.agencyId}|${outcome.value.nameKey}|${outcome.value.birthDate}`;
    const first = seen.get(key);
    if (first !== undefined) {
      rejected.push({
        row,
        fullName: outcome.value.fullName,
        reasons: [`Trùng với dòng ${first} (cùng cơ quan, họ tên và ngày sinh).`],
      });
      continue;
    }
    seen.set(key, row);
    valid.push({ row, value: outcome.value });
  }
  return { valid, rejected };
}
