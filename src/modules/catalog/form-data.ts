import { citizenIdProblem, normalizePhone } from '../auth/identifiers.ts';
import { isValidCivil } from '../calendar/day.ts';
import type { FormData, FormField, FormSchema } from './form-schema.ts';

export interface FieldProblem {
  path: string;
  message: string;
}

const isoDate = /^\d{4}-\d{2}-\d{2}$/;
const emailPattern = /^[^\s@]+@[^\s@]+\.[^\s@]{2,}$/;

/**
 * Checks answers against a procedure's form schema. A draft is checked `partial`ly (missing required answers are
 * allowed, wrong ones are not); a submission fully. Unknown keys are dropped, values are normalised (trimmed
 * text, numbers as numbers, phones in national form) so what is stored is clean.
 */
export function validateFormData(
  schema: FormSchema | null,
  data: Record<string, unknown>,
  options: { partial: boolean; now?: Date },
): { values: FormData; problems: FieldProblem[] } {
  const values: FormData = {};
  const problems: FieldProblem[] = [];
  for (const field of schema?.fields ?? []) {
    const raw = data[field.key];
    const empty = raw === undefined || raw === null || (typeof raw === 'string' && raw.trim() === '');
    if (empty) {
      if (field.required && !options.partial) {
        problems.push({ path: `formData.${field.key}`, message: `Vui lòng nhập «${field.label}».` });
      }
      continue;
    }
    const checked = checkField(field, raw, options.now ?? new Date());
    if ('problem' in checked) problems.push({ path: `formData.${field.key}`, message: checked.problem });
    else values[field.key] = checked.value;
  }
  return { values, problems };
}

function checkField(
  field: FormField,
  raw: unknown,
  now: Date,
): { value: string | number } | { problem: string } {
  const label = `«${field.label}»`;
  if (field.type === 'number') {
    const n = typeof raw === 'number' ? raw : Number(String(raw).replace(',', '.'));
    if (!Number.isFinite(n)) return { problem: `${label} phải là một số.` };
    if (field.min !== undefined && n < field.min)
      return { problem: `${label} không được nhỏ hơn ${field.min}.` };
    if (field.max !== undefined && n > field.max)
      return { problem: `${label} không được lớn hơn ${field.max}.` };
    return { value: n };
  }
  if (typeof raw !== 'string') return { problem: `${label} không hợp lệ.` };
  const text = raw.trim();
  const maxLength = field.maxLength ?? (field.type === 'textarea' ? 5000 : 500);
  if (text.length > maxLength) return { problem: `${label} dài quá ${maxLength} ký tự.` };
  switch (field.type) {
    case 'date': {
      const [y, m, d] = text.split('-').map(Number);
      if (!isoDate.test(text) || !isValidCivil(y ?? 0, m ?? 0, d ?? 0)) {
        return { problem: `${label} phải là ngày hợp lệ (ngày/tháng/năm).` };
      }
      const year = Number(text.slice(0, 4));
      if (year < 1900 || year > now.getUTCFullYear() + 50)
        return { problem: `${label} nằm ngoài khoảng cho phép.` };
      break;
    }
    case 'select':
      if (!field.options?.some((o) => o.value === text))
        return { problem: `Vui lòng chọn ${label} trong danh sách.` };
      break;
    case 'citizen_id': {
      const problem = citizenIdProblem(text, now);
      if (problem) return { problem: `${label}: ${problem}` };
      break;
    }
    case 'phone': {
      const phone = normalizePhone(text);
      if (!phone) return { problem: `${label} không phải số điện thoại hợp lệ.` };
      return { value: phone };
    }
    case 'email':
      if (!emailPattern.test(text)) return { problem: `${label} không phải địa chỉ thư điện tử hợp lệ.` };
      return { value: text.toLowerCase() };
  }
  if (field.pattern && !new RegExp(field.pattern, 'u').test(text)) {
    return { problem: field.patternMessage ?? `${label} không đúng định dạng.` };
  }
  return { value: text };
}
