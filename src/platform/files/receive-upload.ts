import path from 'node:path';
import type { FastifyRequest } from 'fastify';
import { AppError, invalid } from '../http/errors.ts';
import { SlidingWindowLimiter } from '../http/rate-limit.ts';
import { type AcceptedMime, acceptedTypes } from './detect-type.ts';
import type { FileStore } from './file-store.ts';
import { prepareUpload } from './prepare-upload.ts';
import { defaultUploadLimits, formatMegabytes, type UploadLimits } from './upload-limits.ts';

export interface ReceivedUpload {
  /** SHA-256 of the stored bytes: what documents reference. */
  fileId: string;
  mime: AcceptedMime;
  sizeBytes: number;
  originalSizeBytes: number;
  /** The sender's file name, cleaned, its extension matching the stored type. */
  name: string;
  shrunk: boolean;
}

/**
 * Receives the one file of a multipart request (field `file`), checks and shrinks it (prepareUpload) and stores
 * it. Nothing is attached to anything here: the caller references `fileId` in its own transaction, so a request
 * that fails half way leaves at most an unreferenced file, never a document without its bytes.
 * Errors: 400 no file or empty, 413 over the per-file limit (stopped while streaming, nothing stored),
 * 415 not PDF/JPEG/PNG by content, 422 a corrupt or oversized image.
 */
export async function receiveUpload(
  request: FastifyRequest,
  context: { files: FileStore; uploadLimits?: UploadLimits | undefined },
  /** Narrower types for this use, checked before anything is stored (`refusal` is the 415 message). */
  only?: { accept: readonly AcceptedMime[]; refusal: string },
): Promise<ReceivedUpload> {
  const limits = context.uploadLimits ?? defaultUploadLimits;
  const { maxFileBytes } = limits;
  refuseTooFrequent(request, context.files, limits);
  // The limit applies while busboy streams the part: the request is cut off, not buffered whole.
  const part = await request
    .file({ limits: { fileSize: maxFileBytes, files: 1, fields: 10 } })
    .catch(() => undefined);
  if (!part) throw invalid('file', 'Vui lòng chọn một tệp để tải lên.');
  const received = await part.toBuffer().catch((error: { code?: string }) => {
    if (error.code === 'FST_REQ_FILE_TOO_LARGE') {
      throw new AppError(
        'PAYLOAD_TOO_LARGE',
        `Tệp quá lớn: mỗi tệp tối đa ${formatMegabytes(maxFileBytes)}. Vui lòng nén hoặc quét lại với độ phân giải thấp hơn.`,
      );
    }
    throw error;
  });
  const prepared = await prepareUpload(received);
  if (only && !only.accept.includes(prepared.mime)) {
    throw new AppError('UNSUPPORTED_MEDIA_TYPE', only.refusal, [{ path: 'file', message: only.refusal }]);
  }
  const fileId = await context.files.put(prepared.bytes);
  return {
    fileId,
    mime: prepared.mime,
    sizeBytes: prepared.sizeBytes,
    originalSizeBytes: prepared.originalSizeBytes,
    name: uploadName(part.filename, prepared.mime),
    shrunk: prepared.shrunk,
  };
}

// One limiter per file store, i.e. per app instance (tests build many apps in one process).
const uploadLimiters = new WeakMap<FileStore, SlidingWindowLimiter>();

/** Counted before the body is read: a refused upload costs neither bandwidth nor storage. */
function refuseTooFrequent(request: FastifyRequest, files: FileStore, limits: UploadLimits): void {
  const perWindow = limits.perSenderPer10Minutes ?? defaultUploadLimits.perSenderPer10Minutes ?? 120;
  let limiter = uploadLimiters.get(files);
  if (!limiter) {
    limiter = new SlidingWindowLimiter(perWindow, 10 * 60_000);
    uploadLimiters.set(files, limiter);
  }
  const sender = request.principal ? `account:${request.principal.userId}` : `ip:${request.ip}`;
  if (!limiter.hit(sender)) {
    throw new AppError(
      'THROTTLED',
      `Bạn đã tải lên quá ${perWindow} tệp trong 10 phút. Vui lòng chờ ít phút rồi tải tiếp.`,
    );
  }
}

/**
 * A display name from what the browser sent: no directories, no control characters, NFC (macOS sends NFD
 * Vietnamese), at most 200 characters, and the extension of the stored type (a PNG may have become a JPEG).
 */
export function uploadName(sent: string | undefined, mime: AcceptedMime): string {
  const base = path.posix
    .basename((sent ?? '').replaceAll('\\', '/'))
    .normalize('NFC')
    .replace(/[\p{Cc}\p{Cf}]/gu, '')
    .trim();
  const extension = /\.([a-z]{3,4})$/i.exec(base)?.[1]?.toLowerCase();
  const known = extension !== undefined && Object.hasOwn(extensionsOf, extension);
  const stem = (known ? base.slice(0, -extension.length - 1) : base).slice(0, 200).trim() || 'tep-tai-len';
  const kept = known && extensionsOf[extension] === mime;
  return `${stem}.${kept ? extension : acceptedTypes[mime].extension}`;
}

const extensionsOf: Record<string, AcceptedMime> = {
  pdf: 'application/pdf',
  png: 'image/png',
  jpg: 'image/jpeg',
  jpeg: 'image/jpeg',
  jpe: 'image/jpeg',
  jfif: 'image/jpeg',
};
