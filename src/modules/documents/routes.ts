import type { FastifyRequest } from 'fastify';
import { z } from 'zod';
import type { AppContext, ZodApp } from '../../platform/http/context.ts';
import { AppError, invalid } from '../../platform/http/errors.ts';
import { requireOfficer } from '../auth/guards.ts';
import {
  archiveDocument,
  archiveDocumentBody,
  documentHistory,
  updateDocument,
  updateDocumentBody,
} from './document-edits.ts';
import { documentInput } from './document-input.ts';
import { createDocument, importDocuments, listDocuments } from './documents-register.ts';
import { exchangeShare } from './exchange-share.ts';
import { registerIsoRoutes } from './iso-routes.ts';
import { registerLegalReviewRoutes } from './legal-review-routes.ts';
import { formatOf, readCsv, readXlsx, templateCsv, templateXlsx } from './register-files.ts';
import { parseSheet } from './register-rows.ts';
import { counterpartKinds, documentDirections, documentStatuses } from './schema.ts';

// Official documents register (docs/api.md, "Documents, ISO and legal review").

const MAX_IMPORT_BYTES = 5 * 1024 * 1024;
const MAX_IMPORT_ROWS = 20_000;

const month = z.string().regex(/^\d{4}-(0[1-9]|1[0-2])$/, 'Tháng không hợp lệ (YYYY-MM).');
const day = z.string().regex(/^\d{4}-\d{2}-\d{2}$/, 'Ngày không hợp lệ (YYYY-MM-DD).');
const agencyIdSchema = z.uuid('Mã cơ quan không hợp lệ.');
const flag = z.enum(['true', 'false']).transform((v) => v === 'true');

const documentView = z.object({
  id: z.string(),
  agencyId: z.string(),
  agencyName: z.string().optional(),
  direction: z.enum(documentDirections),
  number: z.string(),
  symbol: z.string(),
  issuedOn: z.string(),
  summary: z.string(),
  counterpartKind: z.enum(counterpartKinds),
  counterpartAgencyId: z.string().nullable(),
  counterpartName: z.string(),
  electronic: z.boolean(),
  digitallySigned: z.boolean(),
  dueOn: z.string().nullable(),
  handler: z.string().nullable(),
  status: z.enum(documentStatuses),
  source: z.string(),
  createdAt: z.date(),
  /** Send it back with an edit (optimistic concurrency). */
  version: z.number(),
});
const shareFields = {
  total: z.number(),
  electronic: z.number(),
  share: z.number().nullable(),
  meetsTarget: z.boolean().nullable(),
};
const importReport = z.object({
  mode: z.enum(['all_or_nothing', 'valid_rows']),
  total: z.number(),
  imported: z.number(),
  rejected: z.array(z.object({ row: z.number(), reason: z.string() })),
});

async function uploadedBytes(request: FastifyRequest): Promise<Buffer> {
  const part = await request
    .file({ limits: { fileSize: MAX_IMPORT_BYTES, files: 1 } })
    .catch(() => undefined);
  if (!part) throw invalid('file', 'Vui lòng chọn tệp CSV hoặc Excel để nhập.');
  const bytes = await part.toBuffer().catch((error: { code?: string }) => {
    if (error.code === 'FST_REQ_FILE_TOO_LARGE') {
      throw new AppError('PAYLOAD_TOO_LARGE', 'Tệp quá lớn: tối đa 5 MB. Vui lòng chia thành nhiều tệp.');
    }
    throw error;
  });
  if (bytes.length === 0) throw invalid('file', 'Tệp rỗng.');
  return bytes;
}

export function registerDocumentRoutes(app: ZodApp, context: AppContext): void {
  const { db } = context;
  const tags = ['documents'];

  app.get(
    '/api/office/documents',
    {
      schema: {
        tags,
        summary:
          'The documents register of the agencies I see (filters; the drill-down of the exchange figure)',
        querystring: z.object({
          agencyId: agencyIdSchema.optional(),
          direction: z.enum(documentDirections).optional(),
          month: month.optional(),
          from: day.optional(),
          to: day.optional(),
          electronic: flag.optional(),
          counterpartKind: z.enum(counterpartKinds).optional(),
          q: z.string().trim().max(100).optional(),
          page: z.coerce.number().int().min(1).default(1),
          pageSize: z.coerce.number().int().min(1).max(200).default(50),
        }),
        response: { 200: z.object({ total: z.number(), items: z.array(documentView) }) },
      },
    },
    async (request) => listDocuments(db, requireOfficer(request), request.query),
  );

  app.post(
    '/api/office/documents',
    {
      schema: {
        tags,
        summary:
          "Add an incoming or outgoing document to my agency's register (409 on the same number/symbol/date)",
        body: z.strictObject({ agencyId: agencyIdSchema, document: documentInput }),
        response: { 201: documentView },
      },
    },
    async (request, reply) => {
      const row = await createDocument(
        db,
        requireOfficer(request),
        request.body.agencyId,
        request.body.document,
      );
      return reply.status(201).send(row);
    },
  );

  app.patch(
    '/api/office/documents/:id',
    {
      schema: {
        tags,
        summary: "Correct an entry of my agency's register (the version read; stale → 409; history kept)",
        params: z.object({ id: z.uuid('Mã văn bản không hợp lệ.') }),
        body: updateDocumentBody,
        response: { 200: documentView },
      },
    },
    async (request) => updateDocument(db, requireOfficer(request), request.params.id, request.body),
  );

  app.post(
    '/api/office/documents/:id/archive',
    {
      schema: {
        tags,
        summary: 'Archive an entry entered in error: out of the register and its figures, history kept',
        params: z.object({ id: z.uuid('Mã văn bản không hợp lệ.') }),
        body: archiveDocumentBody,
        response: { 200: documentView },
      },
    },
    async (request) => archiveDocument(db, requireOfficer(request), request.params.id, request.body),
  );

  app.get(
    '/api/office/documents/:id/history',
    {
      schema: {
        tags,
        summary: "An entry's corrections and archiving, oldest first",
        params: z.object({ id: z.uuid('Mã văn bản không hợp lệ.') }),
      },
    },
    async (request) => documentHistory(db, requireOfficer(request), request.params.id),
  );

  app.post(
    '/api/office/documents/import',
    {
      schema: {
        tags,
        summary:
          "Import an agency's own register from CSV or Excel (template: GET /api/office/documents/template)",
        description:
          'Multipart, one field `file` (CSV UTF-8 or XLSX, at most 5 MB). `mode=all_or_nothing` (default) writes ' +
          'nothing when any row is rejected; `mode=valid_rows` writes the valid rows. Rejected rows are reported ' +
          'with their row number (header = row 1) and reason.',
        querystring: z.object({
          agencyId: agencyIdSchema,
          mode: z.enum(['all_or_nothing', 'valid_rows']).default('all_or_nothing'),
        }),
        response: { 200: importReport },
      },
    },
    async (request) => {
      const principal = requireOfficer(request);
      const bytes = await uploadedBytes(request);
      const format = formatOf(bytes);
      if (!format) {
        throw new AppError('UNSUPPORTED_MEDIA_TYPE', 'Chỉ nhận tệp CSV (UTF-8) hoặc Excel (.xlsx).');
      }
      const table = format === 'xlsx' ? await readXlsx(bytes).catch(() => null) : readCsv(bytes);
      if (!table) throw new AppError('UNSUPPORTED_MEDIA_TYPE', 'Không đọc được tệp Excel (.xlsx).');
      const sheet = parseSheet(table);
      if (sheet.headerError) throw invalid('file', sheet.headerError);
      if (sheet.rows.length === 0) throw invalid('file', 'Tệp không có dòng dữ liệu nào.');
      if (sheet.rows.length > MAX_IMPORT_ROWS) {
        throw invalid('file', `Mỗi lần nhập tối đa ${MAX_IMPORT_ROWS.toLocaleString('vi-VN')} dòng.`);
      }
      return importDocuments(db, principal, request.query.agencyId, sheet.rows, request.query.mode);
    },
  );

  app.get(
    '/api/office/documents/template',
    {
      schema: {
        tags,
        summary: 'The import template (Vietnamese headers and one example row), as CSV or XLSX',
        querystring: z.object({ format: z.enum(['csv', 'xlsx']).default('xlsx') }),
      },
    },
    async (request, reply) => {
      requireOfficer(request);
      if (request.query.format === 'csv') {
        return reply
          .header('content-type', 'text/csv; charset=utf-8')
          .header('content-disposition', 'attachment; filename="mau-so-van-ban.csv"')
          .send(templateCsv());
      }
      return reply
        .header('content-type', 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet')
        .header('content-disposition', 'attachment; filename="mau-so-van-ban.xlsx"')
        .send(await templateXlsx());
    },
  );

  app.get(
    '/api/office/documents/e-exchange',
    {
      schema: {
        tags,
        summary:
          'Share of documents between agencies exchanged electronically, per agency and month (target 95%)',
        querystring: z
          .object({ from: month, to: month, agencyId: agencyIdSchema.optional() })
          .refine((q) => q.from <= q.to, {
            message: 'Tháng bắt đầu phải trước tháng kết thúc.',
            path: ['to'],
          }),
        response: {
          200: z.object({
            target: z.number(),
            overall: z.object(shareFields),
            months: z.array(z.object({ month: z.string(), ...shareFields })),
            agencies: z.array(z.object({ agencyId: z.string(), agencyName: z.string(), ...shareFields })),
            rows: z.array(
              z.object({ agencyId: z.string(), agencyName: z.string(), month: z.string(), ...shareFields }),
            ),
          }),
        },
      },
    },
    async (request) => exchangeShare(db, requireOfficer(request), request.query),
  );

  registerIsoRoutes(app, context);
  registerLegalReviewRoutes(app, context);
}
