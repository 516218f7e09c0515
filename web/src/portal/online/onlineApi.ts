import { ApiError, api, toApiError } from '../../api';
import type { MyDossier, UploadedDocumentFile } from './onlineTypes';

// Requests of the online application that the shared `api` helper does not cover: an Idempotency-Key header
// (a double tap never creates two drafts or submits twice) and uploads with progress.

const networkError = () =>
  new ApiError(
    0,
    'NETWORK',
    'Không kết nối được máy chủ. Vui lòng kiểm tra mạng (3G/4G, Wi-Fi) rồi thử lại.',
  );

/** A random key for the Idempotency-Key header; crypto.randomUUID needs https, getRandomValues does not. */
export function newRequestKey(): string {
  if (typeof crypto.randomUUID === 'function') return crypto.randomUUID();
  const bytes = crypto.getRandomValues(new Uint8Array(16));
  return Array.from(bytes, (b) => b.toString(16).padStart(2, '0')).join('');
}

/** POSTs JSON with an Idempotency-Key: repeating the same key answers the first result. */
export async function postOnce<T>(path: string, body: unknown, key: string): Promise<T> {
  let response: Response;
  try {
    response = await fetch(path, {
      method: 'POST',
      credentials: 'same-origin',
      headers: { 'Content-Type': 'application/json', 'Idempotency-Key': key },
      body: JSON.stringify(body),
    });
  } catch {
    throw networkError();
  }
  if (!response.ok) throw await toApiError(response);
  return (await response.json()) as T;
}

export async function deleteRequest<T>(path: string): Promise<T> {
  let response: Response;
  try {
    response = await fetch(path, { method: 'DELETE', credentials: 'same-origin' });
  } catch {
    throw networkError();
  }
  if (!response.ok) throw await toApiError(response);
  return (await response.json()) as T;
}

export const maxUploadBytes = 10 * 1024 * 1024;
export const acceptAttribute = '.pdf,.png,.jpg,.jpeg,application/pdf,image/png,image/jpeg';

/** Why a chosen file cannot be sent, checked before spending the network on it (the server checks again). */
export function fileProblem(file: File): string | null {
  const typeOk = ['application/pdf', 'image/png', 'image/jpeg'].includes(file.type);
  if (!typeOk && !/\.(pdf|png|jpe?g)$/i.test(file.name)) {
    return 'Chỉ nhận tệp PDF, JPG hoặc PNG. Bạn có thể chụp ảnh giấy tờ bằng điện thoại rồi chọn ảnh đó.';
  }
  if (file.size === 0) return 'Tệp rỗng. Vui lòng chọn lại tệp khác.';
  if (file.size > maxUploadBytes) {
    return 'Tệp quá lớn: mỗi tệp tối đa 10 MB. Hãy chụp lại với độ phân giải thấp hơn hoặc chia nhỏ tệp PDF.';
  }
  return null;
}

function errorFromXhr(xhr: XMLHttpRequest): ApiError {
  let parsed: { error?: { code?: string; message?: string; fields?: { path: string; message: string }[] } };
  try {
    parsed = JSON.parse(xhr.responseText);
  } catch {
    parsed = {};
  }
  const status = xhr.status;
  const fallback =
    status === 413
      ? 'Tệp quá lớn: mỗi tệp tối đa 10 MB.'
      : status === 415
        ? 'Tệp không phải PDF, JPG hoặc PNG. Vui lòng chọn tệp khác.'
        : status === 401
          ? 'Phiên đăng nhập đã hết. Vui lòng đăng nhập lại rồi tải tệp lên.'
          : `Tải tệp lên không thành công (mã ${status}). Vui lòng thử lại.`;
  return new ApiError(
    status,
    (parsed.error?.code as ApiError['code'] | undefined) ??
      (status === 401 ? 'UNAUTHENTICATED' : 'VALIDATION'),
    parsed.error?.message ?? fallback,
    parsed.error?.fields ?? [],
  );
}

/** Uploads one file (POST /api/my/files, field "file"), reporting progress from 0 to 100. */
export function uploadFile(
  file: File,
  onProgress: (percent: number) => void,
  signal?: AbortSignal,
): Promise<UploadedDocumentFile> {
  return new Promise((resolve, reject) => {
    const xhr = new XMLHttpRequest();
    xhr.open('POST', '/api/my/files');
    xhr.withCredentials = true;
    xhr.setRequestHeader('Accept', 'application/json');
    xhr.upload.onprogress = (event) => {
      if (event.lengthComputable) onProgress(Math.min(99, Math.round((event.loaded / event.total) * 100)));
    };
    xhr.onload = () => {
      if (xhr.status >= 200 && xhr.status < 300) {
        onProgress(100);
        try {
          resolve(JSON.parse(xhr.responseText) as UploadedDocumentFile);
        } catch {
          reject(new ApiError(xhr.status, 'INTERNAL', 'Máy chủ trả lời không đúng. Vui lòng thử lại.'));
        }
      } else reject(errorFromXhr(xhr));
    };
    xhr.onerror = () => reject(networkError());
    xhr.onabort = () => reject(new DOMException('Đã hủy tải lên.', 'AbortError'));
    signal?.addEventListener('abort', () => xhr.abort());
    const form = new FormData();
    form.append('file', file);
    xhr.send(form);
  });
}

/** Attaches an uploaded file to the dossier: to a checklist slot, or as another document with a name. */
export function attachFile(dossierId: string, body: { fileId: string; slot?: string; name?: string }) {
  return api.post<MyDossier>(`/api/my/dossiers/${dossierId}/documents`, body);
}

export function removeDocument(dossierId: string, documentId: string) {
  return deleteRequest<MyDossier>(`/api/my/dossiers/${dossierId}/documents/${documentId}`);
}

export const fileUrl = (fileId: string) => `/api/my/files/${fileId}`;
export const formUrl = (dossierId: string, kind: string) => `/api/my/dossiers/${dossierId}/forms/${kind}`;

/** The message shown after a 409: someone (or another device) changed the dossier. */
export const conflictMessage =
  'Hồ sơ vừa có thay đổi (trên thiết bị khác hoặc do cơ quan vừa xử lý). Trang đã tải lại thông tin mới nhất; vui lòng xem lại rồi làm tiếp.';

export function isConflict(error: unknown): boolean {
  return error instanceof ApiError && error.status === 409;
}
