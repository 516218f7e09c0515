import type { FastifyInstance, FastifyRequest } from 'fastify';
import type { Db } from '../../platform/db/connect.ts';
import { forbidden, unauthenticated } from '../../platform/http/errors.ts';
import { isGlobalAdmin, type Principal } from './permissions.ts';
import { principalForToken, sessionCookieName } from './sessions.ts';

declare module 'fastify' {
  interface FastifyRequest {
    principal: Principal | null;
  }
}

/** Resolves the session cookie to a principal once per request, before any handler runs. */
export function registerSessionHook(app: FastifyInstance, db: Db): void {
  app.decorateRequest('principal', null);
  app.addHook('onRequest', async (request) => {
    const token = request.cookies[sessionCookieName];
    request.principal = token ? await principalForToken(db, token) : null;
  });
}

export function requireUser(request: FastifyRequest): Principal {
  if (!request.principal) throw unauthenticated();
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
