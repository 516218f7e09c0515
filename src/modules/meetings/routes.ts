import { z } from 'zod';
import { receiveUpload } from '../../platform/files/receive-upload.ts';
import type { AppContext, ZodApp } from '../../platform/http/context.ts';
import { requireOfficer } from '../auth/guards.ts';
import {
  addDocument,
  addDocumentVersion,
  addTask,
  checkManager,
  confirmAttendance,
  createMeeting,
  invitableOfficers,
  listMeetings,
  meetingView,
  openDocumentVersion,
  recordAttendance,
  setConclusion,
  setTaskStatus,
  updateMeeting,
} from './meetings.ts';
import {
  attendanceBody,
  conclusionBody,
  documentQuery,
  listQuery,
  meetingInput,
  taskBody,
  updateMeetingBody,
} from './meetings.types.ts';
import { meetingTaskStatuses } from './schema.ts';

// Paperless meetings (src/modules/meetings/README.md). Every route is for officers; the service checks that the
// caller organises or is invited to the meeting.

const idParams = z.object({ id: z.uuid('Mã cuộc họp không hợp lệ.') });
const saved = z.object({ id: z.string(), version: z.number() });

export function registerMeetingRoutes(app: ZodApp, context: AppContext): void {
  const { db, files } = context;
  const tags = ['meetings'];

  app.get(
    '/api/office/meetings',
    {
      schema: {
        tags,
        summary: 'My meetings: organised by my agencies or where I am invited',
        querystring: listQuery,
      },
    },
    async (request) => listMeetings(db, requireOfficer(request), request.query.when),
  );

  app.get(
    '/api/office/meetings/invitable',
    { schema: { tags, summary: 'Officers who can be invited (name and agencies)' } },
    async (request) => {
      requireOfficer(request);
      return invitableOfficers(db);
    },
  );

  app.post(
    '/api/office/meetings',
    {
      schema: {
        tags,
        summary: 'Create a meeting of my agency',
        body: meetingInput,
        response: { 201: saved },
      },
    },
    async (request, reply) => {
      const m = await createMeeting(db, requireOfficer(request), request.body);
      return reply.status(201).send({ id: m.id, version: m.version });
    },
  );

  app.get(
    '/api/office/meetings/:id',
    {
      schema: {
        tags,
        summary: 'The meeting page (organisers see who read which document version)',
        params: idParams,
      },
    },
    async (request) => meetingView(db, requireOfficer(request), request.params.id),
  );

  app.put(
    '/api/office/meetings/:id',
    {
      schema: {
        tags,
        summary:
          'Edit a meeting: details, agenda (items with id keep their conclusion), invited officers; 409 if stale',
        params: idParams,
        body: updateMeetingBody,
        response: { 200: saved },
      },
    },
    async (request) => {
      const m = await updateMeeting(db, requireOfficer(request), request.params.id, request.body);
      return { id: m.id, version: m.version };
    },
  );

  app.post(
    '/api/office/meetings/:id/documents',
    {
      schema: {
        tags,
        summary: 'Distribute a document (multipart field `file`, PDF/PNG/JPEG checked by content)',
        params: idParams,
        querystring: documentQuery,
        response: { 201: z.object({ documentId: z.string(), versionNo: z.number() }) },
      },
    },
    async (request, reply) => {
      const principal = requireOfficer(request);
      // Access first: an outsider's upload is refused before anything is stored.
      await checkManager(db, principal, request.params.id);
      const upload = await receiveUpload(request, context);
      return reply
        .status(201)
        .send(await addDocument(db, principal, request.params.id, request.query.title, upload));
    },
  );

  app.post(
    '/api/office/meetings/:id/documents/:documentId/versions',
    {
      schema: {
        tags,
        summary: 'Upload a new version of a document; earlier versions are kept',
        params: idParams.extend({ documentId: z.uuid('Mã tài liệu không hợp lệ.') }),
        response: { 201: z.object({ documentId: z.string(), versionNo: z.number() }) },
      },
    },
    async (request, reply) => {
      const principal = requireOfficer(request);
      await checkManager(db, principal, request.params.id);
      const upload = await receiveUpload(request, context);
      return reply
        .status(201)
        .send(await addDocumentVersion(db, principal, request.params.id, request.params.documentId, upload));
    },
  );

  app.get(
    '/api/office/meetings/:id/versions/:versionId/file',
    {
      schema: {
        tags,
        summary: 'Open a document version (records who read it and when)',
        params: idParams.extend({ versionId: z.uuid('Mã phiên bản không hợp lệ.') }),
      },
    },
    async (request, reply) => {
      const v = await openDocumentVersion(
        db,
        requireOfficer(request),
        request.params.id,
        request.params.versionId,
      );
      const bytes = await files.get(v.fileId);
      return reply
        .header('content-type', v.mime)
        .header('cache-control', 'private, no-store')
        .header('x-content-type-options', 'nosniff')
        .header('content-disposition', `inline; filename*=UTF-8''${encodeURIComponent(v.name)}`)
        .send(bytes);
    },
  );

  app.put(
    '/api/office/meetings/:id/attendance',
    {
      schema: { tags, summary: 'Record attendance (the secretary)', params: idParams, body: attendanceBody },
    },
    async (request, reply) => {
      await recordAttendance(db, requireOfficer(request), request.params.id, request.body.entries);
      return reply.status(204).send();
    },
  );

  app.post(
    '/api/office/meetings/:id/confirm',
    { schema: { tags, summary: 'An invited officer confirms attending', params: idParams } },
    async (request, reply) => {
      await confirmAttendance(db, requireOfficer(request), request.params.id);
      return reply.status(204).send();
    },
  );

  app.put(
    '/api/office/meetings/:id/agenda/:itemId/conclusion',
    {
      schema: {
        tags,
        summary: 'The conclusion of an agenda item; 409 if the meeting version is stale',
        params: idParams.extend({ itemId: z.uuid('Mã nội dung không hợp lệ.') }),
        body: conclusionBody,
        response: { 200: saved },
      },
    },
    async (request) => {
      const m = await setConclusion(
        db,
        requireOfficer(request),
        request.params.id,
        request.params.itemId,
        request.body,
      );
      return { id: m.id, version: m.version };
    },
  );

  app.post(
    '/api/office/meetings/:id/tasks',
    {
      schema: {
        tags,
        summary: 'Assign a task from a conclusion (agency, deadline, optionally a reform-plan task)',
        params: idParams,
        body: taskBody,
        response: { 201: z.object({ taskId: z.string(), version: z.number() }) },
      },
    },
    async (request, reply) =>
      reply.status(201).send(await addTask(db, requireOfficer(request), request.params.id, request.body)),
  );

  app.put(
    '/api/office/meetings/:id/tasks/:taskId/status',
    {
      schema: {
        tags,
        summary: 'Mark a task done or open again',
        params: idParams.extend({ taskId: z.uuid('Mã nhiệm vụ không hợp lệ.') }),
        body: z.strictObject({ status: z.enum(meetingTaskStatuses) }),
      },
    },
    async (request, reply) => {
      await setTaskStatus(
        db,
        requireOfficer(request),
        request.params.id,
        request.params.taskId,
        request.body.status,
      );
      return reply.status(204).send();
    },
  );
}
