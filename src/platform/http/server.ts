import { randomUUID } from 'node:crypto';
import fs from 'node:fs';
import path from 'node:path';
import fastifyCookie from '@fastify/cookie';
import fastifyMultipart from '@fastify/multipart';
import fastifyStatic from '@fastify/static';
import fastifySwagger from '@fastify/swagger';
import fastifySwaggerUi from '@fastify/swagger-ui';
import { sql } from 'drizzle-orm';
import Fastify, { type FastifyInstance } from 'fastify';
import {
  jsonSchemaTransform,
  serializerCompiler,
  validatorCompiler,
  type ZodTypeProvider,
} from 'fastify-type-provider-zod';
import { z } from 'zod';
import type { TrustProxy } from '../config.ts';
import type { AppContext, ZodApp } from './context.ts';
import { registerCsrfCheck } from './csrf.ts';
import { registerErrorHandler, sendFrameworkError, sendRouteNotFound } from './errors.ts';
import { HttpMetrics, registerMetrics } from './metrics.ts';
import { registerSecurityHeaders } from './security-headers.ts';
import '../validation.ts';

export interface ServerOptions {
  context: AppContext;
  /** Registers the domain modules' routes (kept out of platform/, which knows no domain words). */
  modules: ((app: ZodApp, context: AppContext) => void)[];
  /** Hooks that run before routes (e.g. resolving the session). */
  plugins?: ((app: FastifyInstance) => void)[];
  webDir?: string | undefined;
  logLevel?: string;
  /** Trust X-Forwarded-* from a reverse proxy (see TRUST_PROXY). */
  trustProxy?: TrustProxy;
  /** Request counters and module gauges served at /api/metrics (a fresh set when absent). */
  metrics?: HttpMetrics;
  /** METRICS_TOKEN: bearer token for /api/metrics; without it only loopback scrapers are answered. */
  metricsToken?: string | undefined;
}

/** A caller's X-Request-Id is kept (so a proxy's id follows the request into our logs) when it looks like one. */
const REQUEST_ID = /^[A-Za-z0-9._-]{8,64}$/;

export async function buildServer(options: ServerOptions): Promise<FastifyInstance> {
  const app = Fastify({
    logger: { level: options.logLevel ?? 'info' },
    bodyLimit: 1024 * 1024,
    trustProxy: fastifyTrustProxy(options.trustProxy ?? false),
    routerOptions: { maxParamLength: 200 },
    // The router's own refusals (an undecodable or overlong path) answer like every other error, in Vietnamese.
    frameworkErrors: sendFrameworkError,
    requestIdHeader: false,
    genReqId: (req) => {
      const given = req.headers['x-request-id'];
      return typeof given === 'string' && REQUEST_ID.test(given) ? given : randomUUID();
    },
  });
  app.addHook('onRequest', async (request, reply) => {
    reply.header('x-request-id', request.id);
  });
  registerSecurityHeaders(app);
  registerCsrfCheck(app);
  registerMetrics(app, options.metrics ?? new HttpMetrics(), options.metricsToken);
  app.setValidatorCompiler(validatorCompiler);
  app.setSerializerCompiler(serializerCompiler);
  registerErrorHandler(app);
  await app.register(fastifyCookie);
  await app.register(fastifyMultipart, { limits: { fileSize: 10 * 1024 * 1024, files: 1, fields: 10 } });
  await app.register(fastifySwagger, {
    openapi: {
      info: {
        title: 'Motcua API',
        description: 'Nền tảng một cửa và cải cách hành chính — HTTP API',
        version: '1.0.0',
      },
    },
    transform: jsonSchemaTransform,
  });
  await app.register(fastifySwaggerUi, { routePrefix: '/api/docs' });
  for (const plugin of options.plugins ?? []) plugin(app);

  const typed = app.withTypeProvider<ZodTypeProvider>();
  typed.get(
    '/api/health',
    {
      schema: {
        tags: ['platform'],
        summary: 'Liveness (the process answers) and database kind',
        response: { 200: z.object({ status: z.literal('ok'), database: z.enum(['pglite', 'postgres']) }) },
      },
    },
    async () => ({ status: 'ok' as const, database: options.context.dbKind }),
  );
  typed.get(
    '/api/ready',
    {
      schema: {
        tags: ['platform'],
        summary: 'Readiness: the database answers (503 otherwise, so a load balancer stops sending traffic)',
        response: {
          200: z.object({ status: z.literal('ready') }),
          503: z.object({ status: z.literal('unavailable'), message: z.string() }),
        },
      },
    },
    async (request, reply) => {
      try {
        await options.context.db.execute(sql`select 1`);
        return { status: 'ready' as const };
      } catch (err) {
        request.log.warn({ err }, 'readiness check failed');
        return reply
          .status(503)
          .send({ status: 'unavailable' as const, message: 'Cơ sở dữ liệu chưa sẵn sàng.' });
      }
    },
  );
  for (const register of options.modules) register(typed, options.context);

  if (options.webDir && fs.existsSync(path.join(options.webDir, 'index.html'))) {
    await serveWeb(app, options.webDir);
  } else {
    app.setNotFoundHandler(sendRouteNotFound);
  }
  return app;
}

/** A hop count becomes the function Fastify's types take: trust the nearest `n` proxies. */
function fastifyTrustProxy(
  trust: TrustProxy,
): boolean | string | ((address: string, hop: number) => boolean) {
  return typeof trust === 'number' ? (_address, hop) => hop < trust : trust;
}

/** The built single-page app: static assets, and index.html for every other non-API path. */
async function serveWeb(app: FastifyInstance, webDir: string) {
  await app.register(fastifyStatic, {
    root: webDir,
    wildcard: false,
    // The build writes .br and .gz beside each script and stylesheet: phones on slow networks get a third of the bytes.
    preCompressed: true,
    maxAge: '1h',
    setHeaders: (res, filePath) => {
      // Hashed assets never change; index.html must always be revalidated.
      if (filePath.includes(`${path.sep}assets${path.sep}`)) {
        res.header('cache-control', 'public, max-age=31536000, immutable');
      } else res.header('cache-control', 'no-cache');
    },
  });
  app.setNotFoundHandler((request, reply) => {
    if (request.url.startsWith('/api/') || request.method !== 'GET') {
      return sendRouteNotFound(request, reply);
    }
    return reply.header('cache-control', 'no-cache').sendFile('index.html');
  });
}
