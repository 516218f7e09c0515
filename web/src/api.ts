// Typed fetch helpers: the one place that talks to the server and turns failures into ApiError.

export interface FieldError {
  path: string;
  message: string;
}

export type ErrorCode =
  | 'VALIDATION'
  | 'NOT_FOUND'
  | 'UNAUTHENTICATED'
  | 'FORBIDDEN'
  | 'CONFLICT'
  | 'THROTTLED'
  | 'PAYLOAD_TOO_LARGE'
  | 'RULE'
  | 'INTERNAL'
  | 'NETWORK';

export class ApiError extends Error {
  readonly status: number;
  readonly code: ErrorCode;
  readonly fields: FieldError[];

  constructor(status: number, code: ErrorCode, message: string, fields: FieldError[] = []) {
    super(message);
    this.name = 'ApiError';
    this.status = status;
    this.code = code;
    this.fields = fields;
  }
}

const fallbackMessages: Record<number, string> = {
  400: 'Dữ liệu gửi lên chưa hợp lệ.',
  401: 'Bạn cần đăng nhập để tiếp tục.',
  403: 'Bạn không có quyền thực hiện thao tác này.',
  404: 'Không tìm thấy dữ liệu yêu cầu.',
  409: 'Dữ liệu đã được người khác thay đổi. Vui lòng tải lại.',
  413: 'Dữ liệu gửi lên quá lớn.',
  422: 'Thao tác không phù hợp với quy định đang áp dụng.',
  429: 'Bạn thao tác quá nhiều lần. Vui lòng thử lại sau ít phút.',
};

const codeByStatus: Record<number, ErrorCode> = {
  400: 'VALIDATION',
  401: 'UNAUTHENTICATED',
  403: 'FORBIDDEN',
  404: 'NOT_FOUND',
  409: 'CONFLICT',
  413: 'PAYLOAD_TOO_LARGE',
  422: 'RULE',
  429: 'THROTTLED',
};

export async function toApiError(response: Response): Promise<ApiError> {
  let body: unknown;
  try {
    body = await response.json();
  } catch {
    body = undefined;
  }
  const error = (
    body as { error?: { code?: ErrorCode; message?: string; fields?: FieldError[] } } | undefined
  )?.error;
  const status = response.status;
  return new ApiError(
    status,
    error?.code ?? codeByStatus[status] ?? 'INTERNAL',
    error?.message ??
      fallbackMessages[status] ??
      `Máy chủ đang gặp sự cố (mã ${status}). Vui lòng thử lại sau.`,
    Array.isArray(error?.fields) ? error.fields : [],
  );
}

/**
 * Told when a request that needs a session is refused with 401 (the session ended: idle, lifetime, signed out
 * elsewhere); the sign-in steps themselves answer 401 for wrong credentials and are not reported.
 */
let sessionEndedListener: ((message: string) => void) | undefined;
export function onSessionEnded(listener: ((message: string) => void) | undefined): void {
  sessionEndedListener = listener;
}
/** Told when the server refuses because the two-factor policy now requires an enrolment (turned on meanwhile). */
let enrolmentRequiredListener: (() => void) | undefined;
export function onEnrolmentRequired(listener: (() => void) | undefined): void {
  enrolmentRequiredListener = listener;
}
const enrolmentRequiredPrefix = 'Tài khoản cán bộ phải bật xác thực hai bước';
const signInPaths = ['/api/auth/login', '/api/auth/second-factor', '/api/auth/signup', '/api/auth/me'];

async function request<T>(method: string, path: string, body?: unknown, signal?: AbortSignal): Promise<T> {
  let response: Response;
  const multipart = body instanceof FormData;
  try {
    response = await fetch(path, {
      method,
      credentials: 'same-origin',
      // The browser sets the multipart boundary itself.
      headers:
        body === undefined || multipart
          ? { Accept: 'application/json' }
          : { 'Content-Type': 'application/json' },
      body: body === undefined ? undefined : multipart ? body : JSON.stringify(body),
      signal,
    });
  } catch (cause) {
    if (signal?.aborted) throw cause;
    throw new ApiError(0, 'NETWORK', 'Không kết nối được máy chủ. Vui lòng kiểm tra mạng và thử lại.');
  }
  if (!response.ok) {
    const error = await toApiError(response);
    if (error.status === 401 && !signInPaths.includes(path.split('?')[0] ?? ''))
      sessionEndedListener?.(error.message);
    if (error.status === 403 && error.message.startsWith(enrolmentRequiredPrefix))
      enrolmentRequiredListener?.();
    throw error;
  }
  if (response.status === 204) return undefined as T;
  const text = await response.text();
  return (text ? JSON.parse(text) : undefined) as T;
}

export const api = {
  get: <T>(path: string, signal?: AbortSignal) => request<T>('GET', path, undefined, signal),
  post: <T>(path: string, body?: unknown) => request<T>('POST', path, body ?? {}),
  put: <T>(path: string, body: unknown) => request<T>('PUT', path, body),
  patch: <T>(path: string, body: unknown) => request<T>('PATCH', path, body),
  delete: <T>(path: string) => request<T>('DELETE', path),
  /** POSTs one file as multipart/form-data under `field`. */
  upload: <T>(path: string, file: Blob, field = 'file') => {
    const form = new FormData();
    form.append(field, file);
    return request<T>('POST', path, form);
  },
};

/** Builds `path?a=1&b=2`, leaving out empty values. */
export function withQuery(
  path: string,
  params: Record<string, string | number | boolean | null | undefined>,
) {
  const query = new URLSearchParams();
  for (const [key, value] of Object.entries(params)) {
    if (value !== undefined && value !== null && value !== '') query.set(key, String(value));
  }
  const text = query.toString();
  return text ? `${path}?${text}` : path;
}

export function isAbort(error: unknown): boolean {
  return error instanceof DOMException && error.name === 'AbortError';
}

export function errorMessage(error: unknown): string {
  if (error instanceof ApiError) return error.message;
  return 'Đã có lỗi không mong muốn. Vui lòng thử lại.';
}
