import type { FastifyRequest } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import { z } from 'zod';
import { defaultUploadLimits } from '../../platform/files/upload-limits.ts';
import type { AppContext, ZodApp } from '../../platform/http/context.ts';
import { AppError } from '../../platform/http/errors.ts';
import { requireAdmin } from '../auth/guards.ts';
import {
  createClient,
  createSubscription,
  listClients,
  listDeliveries,
  listRejections,
  listRequests,
  listSubscriptions,
  redeliver,
  rotateKey,
  updateClient,
  updateSubscription,
} from './admin.ts';
import { authenticateCall, type InteropClient, InteropRejection, recordRejection } from './authenticate.ts';
import { dossierStatusFor } from './dossier-status.ts';
import { fileInboundDossier } from './file-dossier.ts';
import {
  clientInput,
  dossierStatus,
  duplicateAnswer,
  errorAnswer,
  filedDossier,
  inboundDossier,
  subscriptionInput,
} from './interop.types.ts';
import { interopContract } from './openapi.ts';

// The interop API, version 1 (README): signed calls from other systems under /api/interop/v1/, and the
// administrator's «Kết nối hệ thống» under /api/admin/interop/.

export const interopTag = 'interop v1';
/** Inline base64 files make bodies large: up to the dossier limit, plus a third for base64. */
const inboundBodyLimit = Math.ceil((defaultUploadLimits.maxDossierBytes * 4) / 3) + 1024 * 1024;

const rawBodies = new WeakMap<FastifyRequest, Buffer>();
const callers = new WeakMap<FastifyRequest, InteropClient>();

function callerOf(request: FastifyRequest): InteropClient {
  const client = callers.get(request);
  if (!client) throw new AppError('UNAUTHENTICATED', 'Yêu cầu chưa được xác thực.');
  return client;
}

export interface InteropRouteOptions {
  /** Called after a dossier is filed (the worker's nudge: its webhooks go out without waiting for a poll). */
  filed?: () => void;
}

export function interopRoutes(options: InteropRouteOptions = {}) {
  return (app: ZodApp, context: AppContext) => registerInteropRoutes(app, context, options);
}

export function registerInteropRoutes(
  app: ZodApp,
  context: AppContext,
  options: InteropRouteOptions = {},
): void {
  const { db, files } = context;
  const limits = context.uploadLimits ?? defaultUploadLimits;
  const refusals = { 401: errorAnswer, 403: errorAnswer };

  app.register(async (plain) => {
    const scope = plain.withTypeProvider<ZodTypeProvider>();
    // The signature covers the exact bytes sent: keep them beside the parsed body.
    scope.removeContentTypeParser('application/json');
    scope.addContentTypeParser(
      'application/json',
      { parseAs: 'buffer', bodyLimit: inboundBodyLimit },
      (request, body, done) => {
        const bytes = body as Buffer;
        rawBodies.set(request, bytes);
        if (bytes.length === 0) return done(null, {});
        try {
          done(null, JSON.parse(bytes.toString('utf8')));
        } catch {
          done(new AppError('VALIDATION', 'Nội dung yêu cầu không phải JSON hợp lệ.'), undefined);
        }
      },
    );
    scope.addHook('preValidation', async (request) => {
      if (request.routeOptions.config && (request.routeOptions.config as { open?: boolean }).open) return;
      const client = await authenticateCall(db, {
        method: request.method,
        path: request.url,
        ip: request.ip,
        headers: request.headers,
        body: rawBodies.get(request) ?? Buffer.alloc(0),
        nowMs: Date.now(),
      });
      callers.set(request, client);
    });
    // A signed call refused later (a dossier outside the client's scope) is recorded like the others.
    scope.addHook('onError', async (request, _reply, error) => {
      const client = callers.get(request);
      if (client && error instanceof InteropRejection) {
        await recordRejection(
          db,
          { method: request.method, path: request.url, ip: request.ip },
          error,
          client,
        );
      }
    });

    scope.get(
      '/api/interop/v1/openapi.json',
      {
        config: { open: true },
        schema: { tags: [interopTag], summary: 'This contract (OpenAPI 3), without signing' },
      },
      async () => interopContract(app),
    );

    scope.post(
      '/api/interop/v1/dossiers',
      {
        bodyLimit: inboundBodyLimit,
        schema: {
          tags: [interopTag],
          summary: 'File a dossier submitted on another system (it enters the desk intake queue as online)',
          description:
            'Signed call (see the README of src/modules/interop). The dossier is validated like an online ' +
            'application and submitted; the desk then receives it (code assigned) or asks for a supplement. ' +
            'The same request sent again gets the same answer; another request with a used externalId gets 409 ' +
            'with the dossier already filed.',
          body: inboundDossier,
          response: {
            201: filedDossier,
            400: errorAnswer,
            ...refusals,
            409: duplicateAnswer,
            422: errorAnswer,
          },
        },
      },
      async (request, reply) => {
        const client = callerOf(request);
        const outcome = await fileInboundDossier(
          db,
          files,
          client,
          request.body,
          rawBodies.get(request) ?? Buffer.alloc(0),
          { limits, ...(context.notify ? { channels: context.notify.channels } : {}) },
        );
        if (outcome.kind === 'duplicate') {
          return reply.status(409).send({
            error: {
              code: 'CONFLICT' as const,
              message: `Mã hồ sơ bên gửi ${outcome.dossier.externalId} đã được dùng cho hồ sơ ${outcome.dossier.code ?? outcome.dossier.dossierId}.`,
              dossier: outcome.dossier,
            },
          });
        }
        if (outcome.kind === 'created') {
          context.notify?.queued();
          options.filed?.();
        }
        return reply.status(201).send(outcome.dossier);
      },
    );

    scope.get(
      '/api/interop/v1/dossiers/:code',
      {
        schema: {
          tags: [interopTag],
          summary: 'A dossier’s status and history, by its code (or by its id before it is received)',
          params: z.object({ code: z.string().min(1).max(100) }),
          response: { 200: dossierStatus, ...refusals, 404: errorAnswer },
        },
      },
      async (request) => dossierStatusFor(db, callerOf(request), request.params.code),
    );
  });

  // Administration («Kết nối hệ thống»).
  const adminTags = ['interop administration'];
  const idParams = z.object({ id: z.uuid('Mã không hợp lệ.') });
  const limitQuery = z.object({ limit: z.coerce.number().int().min(1).max(500).default(100) });

  app.get(
    '/api/admin/interop/clients',
    { schema: { tags: adminTags, summary: 'Connected systems' } },
    async (request) => {
      requireAdmin(request);
      return listClients(db);
    },
  );
  app.post(
    '/api/admin/interop/clients',
    {
      schema: {
        tags: adminTags,
        summary: 'Add a system; its API key is in this answer only',
        body: clientInput,
      },
    },
    async (request, reply) => {
      const admin = requireAdmin(request);
      return reply.status(201).send(await createClient(db, request.body, admin.userId));
    },
  );
  app.put(
    '/api/admin/interop/clients/:id',
    {
      schema: {
        tags: adminTags,
        summary: 'Change a system’s allow-list, scope or state',
        params: idParams,
        body: clientInput,
      },
    },
    async (request) => {
      requireAdmin(request);
      return updateClient(db, request.params.id, request.body);
    },
  );
  app.post(
    '/api/admin/interop/clients/:id/key',
    {
      schema: {
        tags: adminTags,
        summary: 'Issue a new API key (the old one stops working)',
        params: idParams,
      },
    },
    async (request) => {
      requireAdmin(request);
      return rotateKey(db, request.params.id);
    },
  );
  app.get(
    '/api/admin/interop/subscriptions',
    { schema: { tags: adminTags, summary: 'Webhook subscriptions' } },
    async (request) => {
      requireAdmin(request);
      return listSubscriptions(db);
    },
  );
  app.post(
    '/api/admin/interop/clients/:id/subscriptions',
    {
      schema: {
        tags: adminTags,
        summary: 'Subscribe a system to status changes; the signing secret is in this answer only',
        params: idParams,
        body: subscriptionInput,
      },
    },
    async (request, reply) => {
      requireAdmin(request);
      return reply.status(201).send(await createSubscription(db, request.params.id, request.body));
    },
  );
  app.put(
    '/api/admin/interop/subscriptions/:id',
    {
      schema: {
        tags: adminTags,
        summary: 'Change a subscription',
        params: idParams,
        body: subscriptionInput,
      },
    },
    async (request) => {
      requireAdmin(request);
      return updateSubscription(db, request.params.id, request.body);
    },
  );
  app.get(
    '/api/admin/interop/deliveries',
    {
      schema: {
        tags: adminTags,
        summary: 'Webhook deliveries, newest first',
        querystring: limitQuery.extend({
          status: z.enum(['pending', 'delivered', 'failed']).optional(),
          subscriptionId: z.uuid().optional(),
        }),
      },
    },
    async (request) => {
      requireAdmin(request);
      return listDeliveries(db, request.query);
    },
  );
  app.post(
    '/api/admin/interop/deliveries/:ownerUnitId/:id/redeliver',
    {
      schema: {
        tags: adminTags,
        summary: 'Send a failed delivery again',
        params: z.object({ ownerUnitId: z.uuid(), id: z.coerce.number().int().min(1) }),
      },
    },
    async (request, reply) => {
      requireAdmin(request);
      await redeliver(db, request.params.ownerUnitId, request.params.id);
      options.filed?.();
      return reply.status(204).send();
    },
  );
  app.get(
    '/api/admin/interop/rejections',
    { schema: { tags: adminTags, summary: 'Refused calls, newest first', querystring: limitQuery } },
    async (request) => {
      requireAdmin(request);
      return listRejections(db, request.query.limit);
    },
  );
  app.get(
    '/api/admin/interop/requests',
    {
      schema: {
        tags: adminTags,
        summary: 'Dossiers filed by connected systems, newest first',
        querystring: limitQuery,
      },
    },
    async (request) => {
      requireAdmin(request);
      return listRequests(db, request.query.limit);
    },
  );
}
