import type { FastifyRequest } from 'fastify';
import { z } from 'zod';
import { receiveUpload } from '../../platform/files/receive-upload.ts';
import type { AppContext, ZodApp } from '../../platform/http/context.ts';
import { AppError, invalid } from '../../platform/http/errors.ts';
import { recordDossierRead } from '../audit/personal-data-reads.ts';
import { requireOfficer } from '../auth/guards.ts';
import { canSeeAgency } from '../auth/permissions.ts';
import { roles } from '../auth/schema.ts';
import {
  idempotencyHeaders,
  idempotencyOf,
  markReplay,
  once,
  storeAnswer,
} from '../idempotency/idempotency.ts';
import { actOnDossier } from './act-on-dossier.ts';
import { assignDossier, officersWithRole } from './assign-dossier.ts';
import { actionBody, assignBody, dossierSummarySchema, intakeBody, listQuery } from './dossier.types.ts';
import { viewDossier } from './dossier-view.ts';
import type { DossierSnapshot } from './lifecycle/snapshot.ts';
import { STATE_LABELS } from './lifecycle/states.ts';
import { listDossiers } from './list-dossiers.ts';
import { receiveWalkIn } from './receive-walk-in.ts';

const idParams = z.object({ id: z.uuid('Mã hồ sơ không hợp lệ.') });
// The detail is large; its main fields are typed here, nested parts follow the lifecycle's own types.
const dossierDetailSchema = z
  .object({
    id: z.string(),
    code: z.string().nullable(),
    state: z.string(),
    stateLabel: z.string(),
    version: z.number().int(),
    assigneeUserId: z.string().nullable().optional(),
    assigneeName: z.string().nullable().optional(),
    canClaim: z.boolean().optional(),
    canAssign: z.boolean().optional(),
    availableActions: z.array(z.object({ type: z.string(), label: z.string() })),
  })
  .loose();

const receivedUploadSchema = z.object({
  fileId: z.string(),
  mime: z.string(),
  sizeBytes: z.number().int(),
  originalSizeBytes: z.number().int(),
  name: z.string(),
  shrunk: z.boolean(),
});

// RFC 7240: integrations and bulk clients can skip the full page view they do not need.
const wantsMinimal = (request: FastifyRequest) => /return=minimal/.test(String(request.headers.prefer ?? ''));
const minimalView = (s: DossierSnapshot) => ({
  id: s.id,
  code: s.code,
  state: s.state,
  stateLabel: STATE_LABELS[s.state],
  version: s.version,
  availableActions: [],
});

export function registerDossierRoutes(app: ZodApp, context: AppContext): void {
  const { db, files, notify } = context;
  const channels = notify?.channels ? { channels: notify.channels } : {};
  app.post(
    '/api/office/dossiers',
    {
      schema: {
        tags: ['one-stop desk'],
        summary: 'Receive a walk-in or postal dossier at a one-stop desk',
        description:
          'Answers the full dossier view, or only id, state and version with `Prefer: return=minimal`. With an `Idempotency-Key` header a repeat answers the first response (`Idempotent-Replayed: true`); the same key with another body gets 422.',
        headers: idempotencyHeaders,
        body: intakeBody,
        response: { 201: dossierDetailSchema.extend({ statutoryAssumed: z.boolean() }) },
      },
    },
    async (request, reply) => {
      const principal = requireOfficer(request);
      const call = idempotencyOf(request, principal.userId);
      const outcome = await once(db, call, () =>
        receiveWalkIn(db, principal, request.body, {
          ...channels,
          ...(call && {
            alsoWrite: (tx, r) =>
              storeAnswer(tx, call, 201, {
                ...minimalView(r.snapshot),
                statutoryAssumed: r.statutoryAssumed,
              }),
          }),
        }),
      );
      if ('replay' in outcome) {
        markReplay(reply, outcome.replay);
        const stored = outcome.replay.response as ReturnType<typeof minimalView> & {
          statutoryAssumed: boolean;
        };
        if (wantsMinimal(request)) return stored;
        return {
          ...(await viewDossier(db, principal, stored.id)),
          statutoryAssumed: stored.statutoryAssumed,
        };
      }
      const { snapshot, statutoryAssumed } = outcome.done;
      notify?.queued();
      if (wantsMinimal(request))
        return reply.status(201).send({ ...minimalView(snapshot), statutoryAssumed });
      return reply.status(201).send({ ...(await viewDossier(db, principal, snapshot.id)), statutoryAssumed });
    },
  );

  app.get(
    '/api/office/dossiers',
    {
      schema: {
        tags: ['one-stop desk'],
        summary: "Work queue or list of the officer's agencies",
        querystring: listQuery,
        response: {
          200: z.object({
            items: z.array(dossierSummarySchema),
            total: z.number().int(),
            totalIsCapped: z.boolean(),
          }),
        },
      },
    },
    async (request) => listDossiers(db, requireOfficer(request), request.query),
  );

  app.get(
    '/api/office/dossiers/:id',
    {
      schema: {
        tags: ['one-stop desk'],
        summary: 'A dossier with its steps, history and the actions available to me',
        params: idParams,
        response: { 200: dossierDetailSchema },
      },
    },
    async (request) => {
      const principal = requireOfficer(request);
      const view = await viewDossier(db, principal, request.params.id);
      const agencyIds = [view.currentAgency?.id, view.receivingAgency?.id, view.competentAgency?.id];
      await recordDossierRead(db, principal, { id: view.id, code: view.code, agencyIds }, 'detail');
      return view;
    },
  );

  app.post(
    '/api/office/dossiers/:id/actions',
    {
      schema: {
        tags: ['one-stop desk'],
        summary: 'Take an action of the lifecycle (optimistic concurrency on version)',
        description:
          'Answers the full dossier view, or only id, state and version with `Prefer: return=minimal`. With an `Idempotency-Key` header a repeat answers the first response (`Idempotent-Replayed: true`; the full view shows the dossier as it is now); the same key with another body gets 422.',
        headers: idempotencyHeaders,
        params: idParams,
        body: actionBody,
        response: { 200: dossierDetailSchema },
      },
    },
    async (request, reply) => {
      const principal = requireOfficer(request);
      const { action, version } = request.body;
      if (action.type === 'issue_result' && !(await files.exists(action.resultFileId))) {
        throw invalid('action.resultFileId', 'Không tìm thấy tệp kết quả; vui lòng tải tệp lên trước.');
      }
      const call = idempotencyOf(request, principal.userId);
      const outcome = await once(db, call, () =>
        actOnDossier(db, principal, request.params.id, version, action, {
          ...channels,
          ...(call && { alsoWrite: (tx, s) => storeAnswer(tx, call, 200, minimalView(s)) }),
        }),
      );
      if ('replay' in outcome) {
        markReplay(reply, outcome.replay);
        if (wantsMinimal(request)) return outcome.replay.response as ReturnType<typeof minimalView>;
        return viewDossier(db, principal, request.params.id);
      }
      const snapshot = outcome.done;
      notify?.queued();
      if (wantsMinimal(request)) return minimalView(snapshot);
      return viewDossier(db, principal, request.params.id);
    },
  );

  app.post(
    '/api/office/dossiers/:id/assign',
    {
      schema: {
        tags: ['one-stop desk'],
        summary:
          'Claim, release or assign a dossier in its holding queue (optimistic concurrency on version)',
        params: idParams,
        body: assignBody,
        response: { 200: dossierDetailSchema },
      },
    },
    async (request) => {
      const principal = requireOfficer(request);
      const { version, userId } = request.body;
      await assignDossier(db, principal, request.params.id, version, userId);
      return viewDossier(db, principal, request.params.id);
    },
  );

  app.get(
    '/api/office/agencies/:id/officers',
    {
      schema: {
        tags: ['one-stop desk'],
        summary: 'Active officers of one of my agencies holding a role (the assign picker)',
        params: z.object({ id: z.uuid('Mã cơ quan không hợp lệ.') }),
        querystring: z.object({ role: z.enum(roles, 'Vai trò không hợp lệ.') }),
        response: { 200: z.array(z.object({ id: z.string(), fullName: z.string() })) },
      },
    },
    async (request) => {
      const principal = requireOfficer(request);
      if (!canSeeAgency(principal, request.params.id)) {
        throw new AppError('FORBIDDEN', 'Bạn không có quyền xem cán bộ của cơ quan này.');
      }
      return officersWithRole(db, request.params.id, request.query.role);
    },
  );

  app.post(
    '/api/office/files',
    {
      schema: {
        tags: ['one-stop desk'],
        summary: 'Upload a document or result (PDF, PNG, JPEG; type checked by content, large images shrunk)',
        description:
          'Multipart, one field `file`. 413 over UPLOAD_MAX_FILE_MB, 415 not PDF/JPEG/PNG by content, 422 a corrupt image.',
        response: { 201: receivedUploadSchema },
      },
    },
    async (request, reply) => {
      requireOfficer(request);
      return reply.status(201).send(await receiveUpload(request, context));
    },
  );
}
