import { AppError } from '../http/errors.ts';

export interface UploadLimits {
  /** One uploaded file, checked while it streams in (UPLOAD_MAX_FILE_MB). */
  maxFileBytes: number;
  /** All files of one dossier together (UPLOAD_MAX_DOSSIER_MB). */
  maxDossierBytes: number;
  /**
   * Uploads one sender (account, else client address) may make in 10 minutes, per process (UPLOAD_RATE_PER_10_MIN).
   * A desk officer digitising a thick file stays well under the default; a script filling the storage does not.
   */
  perSenderPer10Minutes?: number;
}

const MB = 1024 * 1024;
export const defaultUploadLimits: UploadLimits = {
  maxFileBytes: 10 * MB,
  maxDossierBytes: 50 * MB,
  perSenderPer10Minutes: 120,
};

/** `12,5 MB`, as Vietnamese writes decimals. */
export const formatMegabytes = (bytes: number) =>
  `${new Intl.NumberFormat('vi-VN', { maximumFractionDigits: 1 }).format(bytes / MB)} MB`;

/**
 * Refuses to attach `addingBytes` more to a dossier that already holds `currentBytes` when the total would exceed
 * the limit. A 422 rather than a 413: the attaching request is small, the dossier is what would grow too big.
 */
export function assertDossierSizeWithin(limitBytes: number, currentBytes: number, addingBytes: number): void {
  if (currentBytes + addingBytes <= limitBytes) return;
  const left = Math.max(0, limitBytes - currentBytes);
  throw new AppError(
    'RULE',
    `Tổng dung lượng tệp của hồ sơ vượt quá giới hạn ${formatMegabytes(limitBytes)}: ` +
      `hồ sơ đã có ${formatMegabytes(currentBytes)}, tệp này ${formatMegabytes(addingBytes)}, ` +
      `chỉ còn được thêm ${formatMegabytes(left)}.`,
    [{ path: 'file', message: `Hồ sơ chỉ còn được thêm ${formatMegabytes(left)}.` }],
  );
}
