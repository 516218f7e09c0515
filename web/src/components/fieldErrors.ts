import type { FormInstance } from 'antd';
import { ApiError } from '../api';

/** "roles.0.agencyId" or "roles[0].agencyId" → ['roles', 0, 'agencyId'] (antd name path). */
function toNamePath(path: string): (string | number)[] {
  return path
    .replace(/\[(\d+)\]/g, '.$1')
    .split('.')
    .filter(Boolean)
    .map((part) => (/^\d+$/.test(part) ? Number(part) : part));
}

/**
 * Puts the server's field messages next to the matching form fields.
 * Returns the messages of fields the form does not have, to show with the general message.
 */
export function applyFieldErrors(form: FormInstance, error: unknown, aliases: Record<string, string> = {}) {
  if (!(error instanceof ApiError) || error.fields.length === 0) return [];
  const known = new Set(form.getFieldsError().map((entry) => JSON.stringify(entry.name.map((part) => part))));
  const unmatched: string[] = [];
  const updates: { name: (string | number)[]; errors: string[] }[] = [];
  for (const field of error.fields) {
    const name = toNamePath(aliases[field.path] ?? field.path);
    if (known.has(JSON.stringify(name))) updates.push({ name, errors: [field.message] });
    else unmatched.push(field.message);
  }
  form.setFields(updates);
  return unmatched;
}
