import type { FastifyRequest } from 'fastify';
import { z } from 'zod';
import { receiveUpload } from '../../platform/files/receive-upload.ts';
import { defaultUploadLimits } from '../../platform/files/upload-limits.ts';
import type { AppContext, ZodApp } from '../../platform/http/context.ts';
import { requireUser } from '../auth/guards.ts';
import { applicantInput } from './dossier.types.ts';
import { dossierFormPdf } from './dossier-forms.ts';
import { dossierFile } from './dossier-forms-files.ts';
import type { DbOrTx } from './dossier-store.ts';
import { lookupDossier } from './lookup.ts';
import { listMyDossiers, viewMyDossier } from './my-dossier-view.ts';
import {
  actAsApplicant,
  applicationInfo,
  attachDocument,
  createDraft,
  detachDocument,
  discardDraft,
  rememberRequest,
  replayedDossier,
  saveDraft,
} from './online-application.ts';

// Citizens' online services (docs/api.md, "Online applications"): apply, save drafts, upload, submit, supplement,
// withdraw, follow "Hồ sơ của tôi", and the public look-up by code and check value.

const idParams = z.object({ id: z.uuid('Mã hồ sơ không hợp lệ.') });
const fileId = z
  .string()
  .regex(/^[0-9a-fA-F]{64}$/, 'Mã tệp phải là 64 ký tự thập lục phân (SHA-256).')
  .transform((v) => v.toLowerCase());
const idempotencyHeaders = z.object({
  'idempotency-key': z
    .string()
    .regex(/^[A-Za-z0-9_.:-]{8,100}$/, 'Idempotency-Key gồm 8–100 ký tự chữ, số, dấu chấm, gạch.')
    .optional(),
});
const looseObject = z.object({}).loose();
const publicBaseUrl = (request: FastifyRequest) => `${request.protocol}://${request.host}`;

const applicantActionSchema = z.discriminatedUnion('type', [
  z.strictObject({ type: z.literal('submit') }),
  z.strictObject({ type: z.literal('supply_supplement'), note: z.string().trim().max(2000).optional() }),
  z.strictObject({ type: z.literal('withdraw'), reason: z.string().trim().max(2000).optional() }),
]);

export function registerOnlineRoutes(app: ZodApp, context: AppContext): void {
  const { db, files, notify } = context;
  const limits = context.uploadLimits ?? defaultUploadLimits;

  app.post(
    '/api/my/files',
    {
      schema: {
        tags: ['online services'],
        summary: 'Upload a document (PDF, JPEG, PNG; checked by content, images shrunk) before attaching it',
        response: {
          201: z.object({
            fileId: z.string(),
            mime: z.string(),
            sizeBytes: z.number().int(),
            originalSizeBytes: z.number().int(),
            name: z.string(),
            shrunk: z.boolean(),
          }),
        },
      },
    },
    async (request, reply) => {
      requireUser(request);
      return reply.status(201).send(await receiveUpload(request, context));
    },
  );

  app.get(
    '/api/procedures/:code/application',
    {
      schema: {
        tags: ['online services'],
        summary: 'What applying online for a procedure takes: its form, upload slots and where to file',
        params: z.object({ code: z.string().trim().min(1).max(30) }),
        response: { 200: looseObject },
      },
    },
    async (request) => applicationInfo(db, request.params.code),
  );

  app.post(
    '/api/my/dossiers',
    {
      schema: {
        tags: ['online services'],
        summary: 'Start an online application (a draft prefilled from the account)',
        description: 'With an `Idempotency-Key` header, repeating the request answers the same draft.',
        headers: idempotencyHeaders,
        body: z.strictObject({
          procedureCode: z.string().trim().min(1, 'Vui lòng chọn thủ tục.').max(30),
          receivingAgencyId: z.uuid('Vui lòng chọn nơi nộp hồ sơ.'),
        }),
        response: { 201: looseObject },
      },
    },
    async (request, reply) => {
      const principal = requireUser(request);
      const id = await createDraft(db, principal, request.body, request.headers['idempotency-key']);
      return reply.status(201).send(await viewMyDossier(db, principal, id));
    },
  );

  app.get(
    '/api/my/dossiers',
    {
      schema: {
        tags: ['online services'],
        summary: 'Hồ sơ của tôi: every dossier of the account, newest first',
        querystring: z.object({
          page: z.coerce.number().int().min(1).max(10000).default(1),
          pageSize: z.coerce.number().int().min(1).max(100).default(20),
        }),
        response: { 200: looseObject },
      },
    },
    async (request) => listMyDossiers(db, requireUser(request), request.query.page, request.query.pageSize),
  );

  app.get(
    '/api/my/dossiers/:id',
    {
      schema: {
        tags: ['online services'],
        summary: 'One of my dossiers: status, what to do now, history, forms, result',
        params: idParams,
        response: { 200: looseObject },
      },
    },
    async (request) => viewMyDossier(db, requireUser(request), request.params.id),
  );

  app.delete(
    '/api/my/dossiers/:id',
    {
      schema: {
        tags: ['online services'],
        summary: 'Discard a draft that was never submitted',
        params: idParams,
        response: { 204: z.null() },
      },
    },
    async (request, reply) => {
      await discardDraft(db, requireUser(request), request.params.id);
      return reply.status(204).send(null);
    },
  );

  app.put(
    '/api/my/dossiers/:id/draft',
    {
      schema: {
        tags: ['online services'],
        summary: "Save a draft's applicant data and form answers (optimistic concurrency on version)",
        params: idParams,
        body: z.strictObject({
          version: z.number().int().min(0),
          applicant: applicantInput.partial().optional(),
          formData: z.record(z.string().max(40), z.union([z.string().max(5000), z.number()])).optional(),
        }),
        response: { 200: looseObject },
      },
    },
    async (request) => {
      const principal = requireUser(request);
      await saveDraft(db, principal, request.params.id, request.body);
      return viewMyDossier(db, principal, request.params.id);
    },
  );

  app.post(
    '/api/my/dossiers/:id/documents',
    {
      schema: {
        tags: ['online services'],
        summary: 'Attach an uploaded file to a draft (or to an awaited supplement)',
        params: idParams,
        body: z.strictObject({
          fileId,
          slot: z.string().max(20).optional(),
          name: z.string().trim().max(3000).optional(),
        }),
        response: { 201: looseObject },
      },
    },
    async (request, reply) => {
      const principal = requireUser(request);
      await attachDocument(db, files, principal, request.params.id, request.body, {
        maxDossierBytes: limits.maxDossierBytes,
      });
      return reply.status(201).send(await viewMyDossier(db, principal, request.params.id));
    },
  );

  app.delete(
    '/api/my/dossiers/:id/documents/:documentId',
    {
      schema: {
        tags: ['online services'],
        summary: 'Remove an attachment added in the current phase',
        params: idParams.extend({ documentId: z.uuid('Mã giấy tờ không hợp lệ.') }),
        response: { 200: looseObject },
      },
    },
    async (request) => {
      const principal = requireUser(request);
      await detachDocument(db, principal, request.params.id, request.params.documentId);
      return viewMyDossier(db, principal, request.params.id);
    },
  );

  app.post(
    '/api/my/dossiers/:id/actions',
    {
      schema: {
        tags: ['online services'],
        summary: "The applicant's actions: submit, supply a supplement, withdraw",
        description: 'With an `Idempotency-Key` header, a repeated request answers the dossier as it is now.',
        params: idParams,
        headers: idempotencyHeaders,
        body: z.strictObject({ version: z.number().int().min(0), action: applicantActionSchema }),
        response: { 200: looseObject },
      },
    },
    async (request) => {
      const principal = requireUser(request);
      const { id } = request.params;
      const key = request.headers['idempotency-key'];
      const scope = `action:${id}:${request.body.action.type}`;
      if (await replayedDossier(db, principal.userId, key, scope)) return viewMyDossier(db, principal, id);
      try {
        const remember = key
          ? (tx: DbOrTx) => rememberRequest(tx, principal.userId, key, scope, id)
          : undefined;
        await actAsApplicant(
          db,
          principal,
          id,
          request.body.version,
          request.body.action,
          notify?.channels,
          remember,
        );
        notify?.queued();
      } catch (error) {
        // Two identical requests raced: the first one's key is there now, so this one is a replay.
        if (key && (await replayedDossier(db, principal.userId, key, scope).catch(() => null))) {
          return viewMyDossier(db, principal, id);
        }
        throw error;
      }
      return viewMyDossier(db, principal, id);
    },
  );

  app.get(
    '/api/my/dossiers/:id/forms/:kind',
    {
      schema: {
        tags: ['online services'],
        summary: 'A form of my dossier as PDF (receipt, supplement request, refusal, apology)',
        params: idParams.extend({
          kind: z.enum(
            ['receipt', 'supplement-request', 'refusal', 'apology', 'stop-notice'],
            'Loại biểu mẫu không hợp lệ.',
          ),
        }),
      },
    },
    async (request, reply) => {
      const principal = requireUser(request);
      const { id, kind } = request.params;
      const { pdf, filename } = await dossierFormPdf(db, principal, id, kind, publicBaseUrl(request));
      return reply
        .type('application/pdf')
        .header('content-disposition', `inline; filename="${filename}"`)
        .header('cache-control', 'private, no-store')
        .send(pdf);
    },
  );

  app.get(
    '/api/my/files/:fileId',
    {
      schema: {
        tags: ['online services'],
        summary:
          'A document or the electronic result of one of my dossiers (inline; `?download=1` to save it)',
        params: z.object({ fileId }),
        querystring: z.object({ download: z.enum(['0', '1']).optional() }),
      },
    },
    async (request, reply) => {
      const principal = requireUser(request);
      const { bytes, mime } = await dossierFile(db, files, principal, request.params.fileId);
      const extension = mime === 'application/pdf' ? 'pdf' : mime === 'image/png' ? 'png' : 'jpg';
      const disposition = request.query.download === '1' ? 'attachment' : 'inline';
      return reply
        .type(mime)
        .header('content-disposition', `${disposition}; filename="tai-lieu-ho-so.${extension}"`)
        .header('x-content-type-options', 'nosniff')
        .header('cache-control', 'private, max-age=3600')
        .send(bytes);
    },
  );

  app.get(
    '/api/dossiers/lookup',
    {
      schema: {
        tags: ['online services'],
        summary: 'Public status of a dossier from its code and the check value on the receipt',
        description:
          'The check value is printed on the receipt, or the last 4 digits of the applicant phone. A wrong code and a wrong check get the same 404. Limited to 30 look-ups a minute and 10 failures in 15 minutes per client (per process).',
        querystring: z.object({
          code: z.string().trim().min(5, 'Vui lòng nhập mã hồ sơ.').max(60),
          check: z.string().trim().min(4, 'Vui lòng nhập mã kiểm tra (hoặc 4 số cuối điện thoại).').max(12),
        }),
        response: { 200: looseObject },
      },
    },
    async (request, reply) => {
      const { code, check } = request.query;
      const found = await lookupDossier(db, code, check, request.ip);
      reply.header('cache-control', 'no-store');
      return found;
    },
  );
}
