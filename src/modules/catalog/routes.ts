import { z } from 'zod';
import type { AppContext, ZodApp } from '../../platform/http/context.ts';
import { requireAdmin } from '../auth/guards.ts';
import {
  adminProcedureDetailSchema,
  adminProcedureSummarySchema,
  adminSearchQuery,
  codeParams,
  flagSchema,
  procedureDetailSchema,
  procedureInput,
  procedureSummarySchema,
  procedureUpdate,
  resolveFlagBody,
  searchQuery,
} from './catalog.types.ts';
import { formSchemaSchema } from './form-schema.ts';
import { getFormSchema, putFormSchema } from './form-schema-store.ts';
import { listFlags, resolveFlag } from './procedure-flags.ts';
import {
  createProcedure,
  getProcedureForAdmin,
  getPublishedProcedure,
  setPublished,
  updateProcedure,
} from './procedures.ts';
import { listFields, searchProcedures } from './search-procedures.ts';

const formSchemaAnswer = z.object({
  procedureName: z.string(),
  formSchema: formSchemaSchema,
  documentSlots: z.array(
    z.object({
      slot: z.string(),
      group: z.string().nullable(),
      name: z.string(),
      originals: z.number(),
      copies: z.number(),
      uploadable: z.boolean(),
      required: z.boolean(),
    }),
  ),
  version: z.number().int(),
});
const page = <T extends z.ZodType>(item: T) => z.object({ items: z.array(item), total: z.number().int() });

export function registerCatalogRoutes(app: ZodApp, { db }: AppContext): void {
  app.get(
    '/api/procedures',
    {
      schema: {
        tags: ['catalog'],
        summary: 'Search published procedures',
        querystring: searchQuery,
        response: { 200: page(procedureSummarySchema) },
      },
    },
    async (request) => searchProcedures(db, { ...request.query, published: true }),
  );

  app.get(
    '/api/procedures/fields',
    {
      schema: {
        tags: ['catalog'],
        summary: 'Fields of published procedures with counts',
        response: { 200: z.array(z.object({ field: z.string(), count: z.number().int() })) },
      },
    },
    async () => listFields(db),
  );

  app.get(
    '/api/procedures/:code',
    {
      schema: {
        tags: ['catalog'],
        summary: 'A published procedure by national code',
        params: codeParams,
        response: { 200: procedureDetailSchema },
      },
    },
    async (request) => getPublishedProcedure(db, request.params.code),
  );

  app.get(
    '/api/admin/procedures',
    {
      schema: {
        tags: ['administration'],
        summary: 'All procedures, published or not',
        querystring: adminSearchQuery,
        response: { 200: page(adminProcedureSummarySchema) },
      },
    },
    async (request) => {
      requireAdmin(request);
      const { published, flagged, ...query } = request.query;
      return searchProcedures(db, {
        ...query,
        published: published === undefined ? undefined : published === 'true',
        flagged: flagged === undefined ? undefined : flagged === 'true',
      });
    },
  );

  app.get(
    '/api/admin/procedures/:code',
    {
      schema: {
        tags: ['administration'],
        summary: 'A procedure with its review flags',
        params: codeParams,
        response: { 200: adminProcedureDetailSchema },
      },
    },
    async (request) => {
      requireAdmin(request);
      return getProcedureForAdmin(db, request.params.code);
    },
  );

  app.post(
    '/api/admin/procedures',
    {
      schema: {
        tags: ['administration'],
        summary: 'Add a procedure (unpublished)',
        body: procedureInput,
        response: { 201: adminProcedureDetailSchema },
      },
    },
    async (request, reply) => {
      requireAdmin(request);
      return reply.status(201).send(await createProcedure(db, request.body));
    },
  );

  app.put(
    '/api/admin/procedures/:code',
    {
      schema: {
        tags: ['administration'],
        summary: 'Edit a procedure (optimistic concurrency on version)',
        params: codeParams,
        body: procedureUpdate,
        response: { 200: adminProcedureDetailSchema },
      },
    },
    async (request) => {
      requireAdmin(request);
      return updateProcedure(db, request.params.code, request.body);
    },
  );

  app.get(
    '/api/admin/procedures/:code/form-schema',
    {
      schema: {
        tags: ['administration'],
        summary: "A procedure's online application form (fields and document rules)",
        params: codeParams,
        response: { 200: formSchemaAnswer },
      },
    },
    async (request) => {
      requireAdmin(request);
      return getFormSchema(db, request.params.code);
    },
  );

  app.put(
    '/api/admin/procedures/:code/form-schema',
    {
      schema: {
        tags: ['administration'],
        summary: "Define a procedure's online application form, no code change needed",
        params: codeParams,
        body: z.strictObject({ version: z.number().int().min(1), formSchema: formSchemaSchema }),
        response: { 200: formSchemaAnswer },
      },
    },
    async (request) => {
      requireAdmin(request);
      return putFormSchema(db, request.params.code, request.body.version, request.body.formSchema);
    },
  );

  for (const [action, published] of [
    ['publish', true],
    ['unpublish', false],
  ] as const) {
    app.post(
      `/api/admin/procedures/:code/${action}`,
      {
        schema: {
          tags: ['administration'],
          summary: published ? 'Publish a procedure' : 'Withdraw a procedure from the portal',
          params: codeParams,
          response: { 200: adminProcedureDetailSchema },
        },
      },
      async (request) => {
        requireAdmin(request);
        return setPublished(db, request.params.code, published);
      },
    );
  }

  app.get(
    '/api/admin/procedure-flags',
    {
      schema: {
        tags: ['administration'],
        summary: 'Imported values waiting for confirmation',
        querystring: z.object({ status: z.enum(['open', 'confirmed', 'corrected']).optional() }),
        response: { 200: z.array(flagSchema) },
      },
    },
    async (request) => {
      requireAdmin(request);
      return listFlags(db, request.query.status);
    },
  );

  app.post(
    '/api/admin/procedure-flags/:id/resolve',
    {
      schema: {
        tags: ['administration'],
        summary: 'Confirm or mark corrected a doubtful value',
        params: z.object({ id: z.uuid('Mã mục không hợp lệ.') }),
        body: resolveFlagBody,
        response: { 200: flagSchema },
      },
    },
    async (request) => {
      const principal = requireAdmin(request);
      return resolveFlag(db, request.params.id, request.body, principal.userId);
    },
  );
}
