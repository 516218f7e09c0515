import type { FastifyRequest } from 'fastify';
import { z } from 'zod';
import type { AppContext, ZodApp } from '../../platform/http/context.ts';
import { recordDossierRead, recordTrackingBookRead } from '../audit/personal-data-reads.ts';
import { requireOfficer } from '../auth/guards.ts';
import { dossierFormKinds, dossierFormPdf } from './dossier-forms.ts';
import { trackingBook, trackingBookQuery } from './dossier-forms-book.ts';
import { dossierFile } from './dossier-forms-files.ts';

// Printed forms of a dossier, the desk's tracking book and the files of dossiers (docs/api.md, one-stop desk).

const formParams = z.object({
  id: z.uuid('Mã hồ sơ không hợp lệ.'),
  kind: z.enum(dossierFormKinds, `Loại biểu mẫu phải là một trong: ${dossierFormKinds.join(', ')}.`),
});

const fileParams = z.object({
  fileId: z
    .string()
    .regex(/^[0-9a-fA-F]{64}$/, 'Mã tệp phải là 64 ký tự thập lục phân (SHA-256).')
    .transform((v) => v.toLowerCase()),
});

/** Where the portal is reached from, for the lookup URL printed as a QR code. */
const publicBaseUrl = (request: FastifyRequest) => `${request.protocol}://${request.host}`;

export function registerDossierFormRoutes(app: ZodApp, { db, files }: AppContext): void {
  app.get(
    '/api/office/dossiers/:id/forms/:kind',
    {
      schema: {
        tags: ['one-stop desk'],
        summary: "A statutory form of the dossier as PDF, under the dossier's rule profile",
        params: formParams,
      },
    },
    async (request, reply) => {
      const principal = requireOfficer(request);
      const { id, kind } = request.params;
      const { pdf, filename } = await dossierFormPdf(db, principal, id, kind, publicBaseUrl(request));
      await recordDossierRead(db, principal, { id }, `form:${kind}`);
      return reply
        .type('application/pdf')
        .header('content-disposition', `inline; filename="${filename}"`)
        .header('cache-control', 'private, no-store')
        .send(pdf);
    },
  );

  app.get(
    '/api/office/tracking-book',
    {
      schema: {
        tags: ['one-stop desk'],
        summary: 'The tracking book (Sổ theo dõi hồ sơ) of a desk for a period of at most a year',
        querystring: trackingBookQuery,
      },
    },
    async (request, reply) => {
      const principal = requireOfficer(request);
      const book = await trackingBook(db, principal, request.query);
      await recordTrackingBookRead(db, principal, request.query);
      const disposition = request.query.format === 'xlsx' ? 'attachment' : 'inline';
      return reply
        .type(book.mime)
        .header('content-disposition', `${disposition}; filename="${book.filename}"`)
        .header('cache-control', 'private, no-store')
        .send(book.bytes);
    },
  );

  app.get(
    '/api/office/files/:fileId',
    {
      schema: {
        tags: ['one-stop desk'],
        summary: 'A document or result file of a dossier I may see',
        params: fileParams,
      },
    },
    async (request, reply) => {
      const principal = requireOfficer(request);
      const { bytes, mime } = await dossierFile(db, files, principal, request.params.fileId);
      return reply
        .type(mime)
        .header('content-disposition', 'inline')
        .header('x-content-type-options', 'nosniff')
        .header('cache-control', 'private, max-age=3600')
        .send(bytes);
    },
  );
}
