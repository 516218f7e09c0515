import dayjs from 'dayjs';
import { formatDate } from '../format';

export function validityText(validFrom: string | null, validTo: string | null): string {
  if (validFrom && validTo) return `Từ ${formatDate(validFrom)} đến ${formatDate(validTo)}`;
  if (validFrom) return `Từ ${formatDate(validFrom)}`;
  if (validTo) return `Đến ${formatDate(validTo)}`;
  return 'Không giới hạn';
}

export function isExpired(validTo: string | null): boolean {
  return Boolean(validTo && dayjs(validTo).isBefore(dayjs(), 'day'));
}
