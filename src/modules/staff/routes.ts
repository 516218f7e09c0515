import { z } from 'zod';
import type { AppContext, ZodApp } from '../../platform/http/context.ts';
import { requireOfficer } from '../auth/guards.ts';
import {
  createCourse,
  getCourse,
  listCourses,
  listTopics,
  removeParticipant,
  saveParticipants,
  saveTopic,
  updateCourse,
} from './courses.ts';
import { importOfficials, receiveXlsx, templateFor } from './import-officials.ts';
import { createOfficial, getOfficial, listOfficials, updateOfficial } from './officials.ts';
import {
  courseInput,
  courseView,
  importReport,
  indicatorsView,
  officialInput,
  officialsQuery,
  officialView,
  participantsInput,
  participantView,
  scopeQuery,
  topicInput,
  topicView,
  trainingOfOfficial,
} from './staff.types.ts';
import { agenciesInScope, agenciesInScopeView } from './staff-access.ts';
import { indicatorOfficials, staffIndicators } from './staff-figures.ts';
import { vietnamDate } from './staff-indicators.ts';

// Staff capacity (docs/api.md "Staff capacity"): the officials register, training courses and attendance, the
// plan's staff targets as indicators, and the Excel import.

const XLSX = 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet';
const idParams = z.object({ id: z.uuid('Mã không hợp lệ.') });
const asOfQuery = z.iso.date('Ngày tính không hợp lệ (định dạng YYYY-MM-DD).').optional();
const courseDetail = z.object({ course: courseView, participants: z.array(participantView) });

export function registerStaffRoutes(app: ZodApp, context: AppContext): void {
  const { db } = context;
  const tags = ['staff capacity'];

  app.get(
    '/api/office/staff/agencies',
    {
      schema: {
        tags,
        summary: 'The agencies whose officials I may read, and whether I may change them',
        response: { 200: agenciesInScopeView },
      },
    },
    async (request) => agenciesInScope(db, requireOfficer(request)),
  );

  app.get(
    '/api/office/staff/officials',
    {
      schema: {
        tags,
        summary:
          'Officials in a scope (agency, or unit in the historical or current organisation), filtered, paged',
        querystring: officialsQuery,
        response: { 200: z.object({ total: z.number(), items: z.array(officialView) }) },
      },
    },
    async (request) => listOfficials(db, requireOfficer(request), request.query),
  );

  app.post(
    '/api/office/staff/officials',
    {
      schema: {
        tags,
        summary: 'Add an official (reform office, administrators, or the head of the agency)',
        body: officialInput,
        response: { 201: officialView },
      },
    },
    async (request, reply) =>
      reply.status(201).send(await createOfficial(db, requireOfficer(request), request.body)),
  );

  app.get(
    '/api/office/staff/officials/import-template',
    {
      schema: {
        tags,
        summary: 'The Excel template for importing officials (Vietnamese headers, drop-downs)',
      },
    },
    async (request, reply) => {
      const principal = requireOfficer(request);
      const bytes = await templateFor(db, principal, vietnamDate(new Date()));
      return reply
        .type(XLSX)
        .header('content-disposition', 'attachment; filename="mau-nhap-danh-sach-can-bo.xlsx"')
        .send(bytes);
    },
  );

  app.post(
    '/api/office/staff/officials/import',
    {
      schema: {
        tags,
        summary: 'Import officials from the Excel template: valid rows upserted, rejected rows reported',
        description:
          'Multipart, one field `file` (.xlsx, at most 5 MB). Rows are matched on agency + full name (ignoring case ' +
          'and diacritics) + birth date: an existing official is updated, otherwise added. All valid rows are ' +
          'written in one transaction.',
        response: { 200: importReport },
      },
    },
    async (request) => {
      const principal = requireOfficer(request);
      return importOfficials(db, principal, await receiveXlsx(request));
    },
  );

  app.get(
    '/api/office/staff/officials/:id',
    {
      schema: {
        tags,
        summary: 'One official with their training records',
        params: idParams,
        response: { 200: z.object({ official: officialView, trainings: z.array(trainingOfOfficial) }) },
      },
    },
    async (request) => getOfficial(db, requireOfficer(request), request.params.id),
  );

  app.put(
    '/api/office/staff/officials/:id',
    {
      schema: {
        tags,
        summary: 'Edit an official (set the end date when they leave: they stay in the history)',
        params: idParams,
        body: officialInput,
        response: { 200: officialView },
      },
    },
    async (request) => updateOfficial(db, requireOfficer(request), request.params.id, request.body),
  );

  app.get(
    '/api/office/staff/topics',
    { schema: { tags, summary: 'Training topics', response: { 200: z.array(topicView) } } },
    async (request) => {
      requireOfficer(request);
      return listTopics(db);
    },
  );

  app.put(
    '/api/office/staff/topics/:key',
    {
      schema: {
        tags,
        summary: 'Add or rename a training topic (reform office, administrators)',
        params: z.object({
          key: z.string().regex(/^[a-z0-9_]{2,40}$/, 'Mã chủ đề gồm chữ thường không dấu, số, gạch dưới.'),
        }),
        body: topicInput,
        response: { 200: z.array(topicView) },
      },
    },
    async (request) => saveTopic(db, requireOfficer(request), request.params.key, request.body),
  );

  app.get(
    '/api/office/staff/courses',
    {
      schema: {
        tags,
        summary: 'Training courses, newest first, with participant counts',
        querystring: z.object({ year: z.coerce.number().int().min(2000).max(2100).optional() }),
        response: { 200: z.array(courseView) },
      },
    },
    async (request) => {
      requireOfficer(request);
      return listCourses(db, request.query.year);
    },
  );

  app.post(
    '/api/office/staff/courses',
    {
      schema: {
        tags,
        summary: 'Record a training course (reform office, administrators)',
        body: courseInput,
        response: { 201: courseView },
      },
    },
    async (request, reply) =>
      reply.status(201).send(await createCourse(db, requireOfficer(request), request.body)),
  );

  app.get(
    '/api/office/staff/courses/:id',
    {
      schema: {
        tags,
        summary: 'A course and the participants I may see',
        params: idParams,
        response: { 200: courseDetail },
      },
    },
    async (request) => getCourse(db, requireOfficer(request), request.params.id),
  );

  app.put(
    '/api/office/staff/courses/:id',
    {
      schema: {
        tags,
        summary: 'Edit a course',
        params: idParams,
        body: courseInput,
        response: { 200: courseView },
      },
    },
    async (request) => updateCourse(db, requireOfficer(request), request.params.id, request.body),
  );

  app.put(
    '/api/office/staff/courses/:id/participants',
    {
      schema: {
        tags,
        summary: 'Add participants or change their result (only officials of agencies I manage)',
        params: idParams,
        body: participantsInput,
        response: { 200: courseDetail },
      },
    },
    async (request) =>
      saveParticipants(
        db,
        requireOfficer(request),
        request.params.id,
        request.body.participants.map((p) => ({ ...p, certificateNo: p.certificateNo ?? null })),
      ),
  );

  app.delete(
    '/api/office/staff/courses/:id/participants/:officialId',
    {
      schema: {
        tags,
        summary: 'Remove a participant from a course',
        params: z.object({ id: z.uuid('Mã không hợp lệ.'), officialId: z.uuid('Mã cán bộ không hợp lệ.') }),
        response: { 200: courseDetail },
      },
    },
    async (request) =>
      removeParticipant(db, requireOfficer(request), request.params.id, request.params.officialId),
  );

  app.get(
    '/api/office/staff/indicators',
    {
      schema: {
        tags,
        summary:
          "The plan's staff targets: trained on the online-service software, university degree (as of a date)",
        querystring: scopeQuery.extend({ asOf: asOfQuery }),
        response: { 200: indicatorsView },
      },
    },
    async (request) => {
      const { asOf, ...scope } = request.query;
      return staffIndicators(db, requireOfficer(request), scope, asOf ?? vietnamDate(new Date()));
    },
  );

  app.get(
    '/api/office/staff/indicators/officials',
    {
      schema: {
        tags,
        summary: 'Drill-down: the serving officials counted (or not) by an indicator',
        querystring: scopeQuery.extend({
          asOf: asOfQuery,
          indicator: z.enum(['trained_online', 'university_degree']),
          counted: z.enum(['true', 'false']).default('true'),
        }),
        response: {
          200: z.array(
            z.object({
              id: z.string(),
              agencyId: z.string(),
              agencyName: z.string(),
              fullName: z.string(),
              position: z.string().nullable(),
              degreeLevel: z.string(),
            }),
          ),
        },
      },
    },
    async (request) => {
      const { asOf, indicator, counted, ...scope } = request.query;
      return indicatorOfficials(
        db,
        requireOfficer(request),
        scope,
        asOf ?? vietnamDate(new Date()),
        indicator,
        counted === 'true',
      );
    },
  );
}
