import type { FastifyInstance, FastifyRequest } from 'fastify';
import { forbidden, unauthenticated } from '../../platform/http/errors.ts';
import type { AuthRuntime } from './auth-runtime.ts';
import { isGlobalAdmin, type Principal } from './permissions.ts';
import { clearSessionCookie, resolveSession } from './sessions.ts';

declare module 'fastify' {
  interface FastifyRequest {
    principal: Principal | null;
    /** The request carried a session cookie whose session has ended (idle, lifetime, signed out elsewhere). */
    sessionExpired: boolean;
  }
}

export const sessionExpiredMessage = 'Phiên đăng nhập đã hết hạn. Vui lòng đăng nhập lại.';
export const enrolmentRequiredMessage =
  'Tài khoản cán bộ phải bật xác thực hai bước trước khi sử dụng hệ thống. Vui lòng bật xác thực hai bước.';

/** What an account that must still enrol a second factor may call: itself, the enrolment, signing out. */
const allowedBeforeEnrolment = [
  /^\/api\/auth\/me$/,
  /^\/api\/auth\/logout$/,
  /^\/api\/auth\/totp(\/(enrol|confirm))?$/,
  /^\/api\/auth\/oidc$/,
  /^\/api\/(health|ready)$/,
];

/**
 * Resolves the session cookie to a principal once per request, before any handler runs; an account that the
 * two-factor policy covers and that has no authenticator yet may only reach the enrolment.
 */
export function registerSessionHook(app: FastifyInstance, rt: AuthRuntime): void {
  app.decorateRequest('principal', null);
  app.decorateRequest('sessionExpired', false);
  app.addHook('onRequest', async (request, reply) => {
    const session = await resolveSession(rt, request, reply);
    request.principal = session.state === 'active' ? session.principal : null;
    if (session.state === 'expired') {
      request.sessionExpired = true;
      clearSessionCookie(reply);
    }
    const path = request.url.split('?')[0] ?? '';
    if (
      request.principal?.mustEnrolTotp &&
      path.startsWith('/api/') &&
      !allowedBeforeEnrolment.some((allowed) => allowed.test(path))
    ) {
      throw forbidden(enrolmentRequiredMessage);
    }
  });
}

export function requireUser(request: FastifyRequest): Principal {
  if (!request.principal) throw unauthenticated(request.sessionExpired ? sessionExpiredMessage : undefined);
  return request.principal;
}

export function requireOfficer(request: FastifyRequest): Principal {
  const principal = requireUser(request);
  if (principal.kind !== 'officer' || principal.roles.length === 0) {
    throw forbidden('Chức năng này dành cho cán bộ, công chức.');
  }
  return principal;
}

export function requireAdmin(request: FastifyRequest): Principal {
  const principal = requireOfficer(request);
  if (!isGlobalAdmin(principal)) throw forbidden('Chức năng này dành cho quản trị hệ thống.');
  return principal;
}
