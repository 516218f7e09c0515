import type { FastifyInstance, FastifyReply, FastifyRequest } from 'fastify';

/**
 * The browser-side defences every answer carries (OWASP ASVS V14.4). Scripts only from our origin — the built app
 * has no inline script — while styles allow inline because antd writes its CSS-in-JS into <style> elements.
 * Swagger UI (/api/docs) ships its own page and keeps fastify-swagger-ui's policy.
 */
export const contentSecurityPolicy = [
  "default-src 'self'",
  "script-src 'self'",
  "style-src 'self' 'unsafe-inline'",
  "img-src 'self' data: blob:",
  "font-src 'self' data:",
  "connect-src 'self'",
  "frame-src 'self'",
  "worker-src 'self' blob:",
  "object-src 'none'",
  "base-uri 'self'",
  "frame-ancestors 'self'",
].join('; ');

const HSTS = 'max-age=31536000; includeSubDomains';

export function registerSecurityHeaders(app: FastifyInstance) {
  app.addHook('onSend', async (request: FastifyRequest, reply: FastifyReply, payload) => {
    reply.header('x-content-type-options', 'nosniff');
    reply.header('referrer-policy', 'strict-origin-when-cross-origin');
    reply.header('x-frame-options', 'SAMEORIGIN');
    reply.header('cross-origin-opener-policy', 'same-origin');
    reply.header('permissions-policy', 'camera=(), microphone=(), geolocation=(), payment=()');
    if (!request.url.startsWith('/api/docs')) reply.header('content-security-policy', contentSecurityPolicy);
    // Only over TLS (directly or as told by a trusted proxy): HSTS on plain HTTP would be ignored or harmful.
    if (request.protocol === 'https') reply.header('strict-transport-security', HSTS);
    return payload;
  });
}
