import type { FastifyInstance, FastifyRequest } from 'fastify';
import { forbidden } from './errors.ts';

const SAFE_METHODS = new Set(['GET', 'HEAD', 'OPTIONS']);

/**
 * Cross-site request forgery defence for cookie sessions (OWASP ASVS V4.2.2, V3.4.3). The session cookie is
 * SameSite=Lax already; on top of that, a state-changing request that carries cookies must come from our own
 * pages: browsers say so in Sec-Fetch-Site, and in Origin when they send one. Requests without cookies (other
 * systems with their own signatures, payment-gateway notifications) are not affected.
 */
export function isCrossSiteWrite(request: FastifyRequest): boolean {
  if (SAFE_METHODS.has(request.method)) return false;
  if (!request.headers.cookie) return false;
  const site = request.headers['sec-fetch-site'];
  if (site !== undefined && site !== 'same-origin' && site !== 'none') return true;
  const origin = request.headers.origin;
  if (origin === undefined) return false;
  if (origin === 'null') return true;
  try {
    return new URL(origin).host !== request.host;
  } catch {
    return true;
  }
}

export function registerCsrfCheck(app: FastifyInstance) {
  app.addHook('onRequest', async (request: FastifyRequest) => {
    if (!isCrossSiteWrite(request)) return;
    request.log.warn(
      { origin: request.headers.origin, site: request.headers['sec-fetch-site'] },
      'cross-site write refused',
    );
    throw forbidden(
      'Yêu cầu bị từ chối vì không xuất phát từ trang của hệ thống. Vui lòng tải lại trang và thử lại.',
    );
  });
}
