import type { FastifyError, FastifyInstance, FastifyReply, FastifyRequest } from 'fastify';
import { hasZodFastifySchemaValidationErrors } from 'fastify-type-provider-zod';

export type ErrorCode =
  | 'VALIDATION'
  | 'NOT_FOUND'
  | 'UNAUTHENTICATED'
  | 'FORBIDDEN'
  | 'CONFLICT'
  | 'THROTTLED'
  | 'PAYLOAD_TOO_LARGE'
  | 'UNSUPPORTED_MEDIA_TYPE'
  | 'RULE'
  | 'INTERNAL';

const statusOf: Record<ErrorCode, number> = {
  VALIDATION: 400,
  NOT_FOUND: 404,
  UNAUTHENTICATED: 401,
  FORBIDDEN: 403,
  CONFLICT: 409,
  THROTTLED: 429,
  PAYLOAD_TOO_LARGE: 413,
  /** A file whose content is not one of the accepted types, whatever its name says. */
  UNSUPPORTED_MEDIA_TYPE: 415,
  /** A well-formed request that a business rule forbids (e.g. a second supplement request). */
  RULE: 422,
  INTERNAL: 500,
};

export interface FieldError {
  path: string;
  message: string;
}

/** An error meant for the user: its message is Vietnamese and is sent as is. */
export class AppError extends Error {
  readonly status: number;
  constructor(
    readonly code: ErrorCode,
    message: string,
    readonly fields?: FieldError[],
  ) {
    super(message);
    this.status = statusOf[code];
  }
}

export const notFound = (message: string) => new AppError('NOT_FOUND', message);
export const forbidden = (message = 'Bạn không có quyền thực hiện thao tác này.') =>
  new AppError('FORBIDDEN', message);
export const unauthenticated = (message = 'Vui lòng đăng nhập để tiếp tục.') =>
  new AppError('UNAUTHENTICATED', message);
export const conflict = (message: string) => new AppError('CONFLICT', message);
export const invalid = (path: string, message: string) =>
  new AppError('VALIDATION', `Trường «${path}»: ${message}`, [{ path, message }]);

const partName: Record<string, string> = {
  body: 'nội dung yêu cầu',
  querystring: 'tham số truy vấn',
  params: 'đường dẫn',
  headers: 'tiêu đề',
};

export function registerErrorHandler(app: FastifyInstance): void {
  app.setErrorHandler((error: FastifyError | AppError, request, reply) => {
    if (error instanceof AppError) {
      return reply.status(error.status).send({
        error: {
          code: error.code,
          message: error.message,
          ...(error.fields ? { fields: error.fields } : {}),
        },
      });
    }
    if (hasZodFastifySchemaValidationErrors(error)) {
      const part = partName[error.validationContext ?? ''] ?? 'dữ liệu';
      const fields = error.validation.map((issue) => ({
        path: issue.instancePath.replace(/^\//, '').replaceAll('/', '.') || part,
        message: issue.message ?? 'không hợp lệ',
      }));
      const first = fields[0];
      const message = first
        ? `Dữ liệu không hợp lệ — trường «${first.path}»: ${first.message}`
        : 'Dữ liệu không hợp lệ.';
      return reply.status(400).send({ error: { code: 'VALIDATION', message, fields } });
    }
    const status = error.statusCode ?? 500;
    if (status === 413 || error.code === 'FST_ERR_CTP_BODY_TOO_LARGE') {
      return reply
        .status(413)
        .send({ error: { code: 'PAYLOAD_TOO_LARGE', message: 'Dữ liệu gửi lên quá lớn.' } });
    }
    if (status >= 400 && status < 500) {
      // Fastify's own client errors: malformed JSON, wrong content type, and the like.
      const message =
        error.code === 'FST_ERR_CTP_INVALID_JSON_BODY' || error instanceof SyntaxError
          ? 'Nội dung yêu cầu không phải JSON hợp lệ.'
          : error.code === 'FST_ERR_CTP_INVALID_MEDIA_TYPE'
            ? 'Kiểu nội dung (Content-Type) không được hỗ trợ.'
            : error.code === 'FST_ERR_CTP_EMPTY_JSON_BODY'
              ? 'Nội dung yêu cầu JSON không được để trống.'
              : 'Yêu cầu không hợp lệ.';
      return reply.status(status).send({ error: { code: 'VALIDATION', message } });
    }
    if (isNulCharacterError(error)) {
      // PostgreSQL text cannot hold U+0000: a NUL in a path, query or body string is bad input, not a fault.
      return reply.status(400).send({
        error: { code: 'VALIDATION', message: 'Dữ liệu gửi lên chứa ký tự không hợp lệ (ký tự NUL).' },
      });
    }
    request.log.error({ err: error }, 'unhandled error');
    return reply
      .status(500)
      .send({ error: { code: 'INTERNAL', message: 'Hệ thống gặp lỗi, vui lòng thử lại sau.' } });
  });
}

/** PostgreSQL's refusal of a NUL character (22021 in text, 22P05 in jsonb), anywhere in the error's causes. */
function isNulCharacterError(error: unknown): boolean {
  for (let e = error, depth = 0; e && depth < 5; e = (e as { cause?: unknown }).cause, depth++) {
    const code = (e as { code?: unknown }).code;
    if (code === '22021' || code === '22P05') return true;
  }
  return false;
}

/**
 * Errors raised by Fastify's router before any route runs: a path that does not decode (a lone surrogate's bytes,
 * a stray `%`), a path parameter longer than the router allows.
 */
export function sendFrameworkError(error: FastifyError, _request: FastifyRequest, reply: FastifyReply) {
  if (error.code === 'FST_ERR_MAX_PARAM_LENGTH') {
    return reply.status(414).send({ error: { code: 'VALIDATION', message: 'Địa chỉ yêu cầu quá dài.' } });
  }
  if (error.code === 'FST_ERR_BAD_URL') {
    return reply
      .status(400)
      .send({ error: { code: 'VALIDATION', message: 'Địa chỉ yêu cầu không hợp lệ (không giải mã được).' } });
  }
  return reply.status(400).send({ error: { code: 'VALIDATION', message: 'Yêu cầu không hợp lệ.' } });
}

export function sendRouteNotFound(request: FastifyRequest, reply: FastifyReply) {
  return reply.status(404).send({
    error: {
      code: 'NOT_FOUND',
      message: `Không tìm thấy địa chỉ ${request.method} ${request.url.split('?')[0]}.`,
    },
  });
}
