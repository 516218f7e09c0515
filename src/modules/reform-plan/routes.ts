import { z } from 'zod';
import { receiveUpload } from '../../platform/files/receive-upload.ts';
import type { AppContext, ZodApp } from '../../platform/http/context.ts';
import { requireAdmin, requireOfficer } from '../auth/guards.ts';
import { agencyBoard, planBoard } from './boards.ts';
import { requirePlanManager } from './plan-access.ts';
import {
  actualBody,
  addAreaBody,
  copyPlanBody,
  createPlanBody,
  createTargetBody,
  createTaskBody,
  fileIdSchema,
  progressBody,
  taskFilterQuery,
  updatePlanBody,
  updateTargetBody,
  updateTaskBody,
} from './plan-model.ts';
import { planView } from './plan-view.ts';
import { addArea, copyPlan, createPlan, listPlans, loadPlan, updatePlan } from './plans.ts';
import { reminderRunBody, reminderRunSchema, runRemindersNow } from './reminder-run.ts';
import { createTarget, enterActual, updateTarget } from './targets.ts';
import {
  createTask,
  deleteTask,
  listTasks,
  loadTask,
  reportProgress,
  taskEvidence,
  taskView,
  updateTask,
} from './tasks.ts';

// Reform plans (docs/api.md, "Reform plans"): plans with areas, targets and tasks; the reform office and
// administrators manage them, an agency's officers report progress on the tasks it leads, every officer reads.

const tags = ['reform-plans'];
const loose = z.object({}).loose();
const idParams = z.object({ id: z.uuid('Mã không hợp lệ.') });
const base = '/api/office/reform-plans';

export function registerReformPlanRoutes(app: ZodApp, context: AppContext): void {
  const { db } = context;
  const ok = { 200: loose };

  app.get(
    base,
    { schema: { tags, summary: 'Reform plans, newest period first', response: ok } },
    async (request) => {
      requireOfficer(request);
      return listPlans(db);
    },
  );

  app.post(
    base,
    {
      schema: {
        tags,
        summary:
          'Create a plan (reform office, admins); without `areas`, the standard seven task areas and six solution lines',
        body: createPlanBody,
        response: { 201: loose },
      },
    },
    async (request, reply) => {
      const principal = requirePlanManager(requireOfficer(request));
      const plan = await createPlan(db, principal, request.body);
      return reply.status(201).send(await planView(db, principal, plan.id));
    },
  );

  app.get(
    `${base}/:id`,
    {
      schema: {
        tags,
        summary: 'A plan: areas, targets against actuals per year',
        params: idParams,
        response: ok,
      },
    },
    async (request) => planView(db, requireOfficer(request), request.params.id),
  );

  app.patch(
    `${base}/:id`,
    {
      schema: {
        tags,
        summary: 'Edit a plan (a new period regenerates the occurrences of recurring tasks)',
        params: idParams,
        body: updatePlanBody,
        response: ok,
      },
    },
    async (request) => {
      const principal = requirePlanManager(requireOfficer(request));
      const plan = await loadPlan(db, request.params.id);
      await updatePlan(db, principal, plan, request.body);
      return planView(db, principal, plan.id);
    },
  );

  app.post(
    `${base}/:id/copy`,
    {
      schema: {
        tags,
        summary:
          'Copy a plan into a new period (areas, targets, tasks; one-off deadlines shifted by whole years)',
        params: idParams,
        body: copyPlanBody,
        response: { 201: loose },
      },
    },
    async (request, reply) => {
      const principal = requirePlanManager(requireOfficer(request));
      const source = await loadPlan(db, request.params.id);
      const plan = await copyPlan(db, principal, source, request.body);
      return reply.status(201).send(await planView(db, principal, plan.id));
    },
  );

  app.post(
    `${base}/:id/areas`,
    {
      schema: {
        tags,
        summary: 'Add an area to a plan',
        params: idParams,
        body: addAreaBody,
        response: { 201: loose },
      },
    },
    async (request, reply) => {
      const principal = requirePlanManager(requireOfficer(request));
      const plan = await loadPlan(db, request.params.id);
      return reply.status(201).send(await addArea(db, principal, plan, request.body));
    },
  );

  app.post(
    `${base}/:id/targets`,
    {
      schema: {
        tags,
        summary: 'Add a target: a live indicator (`indicatorKey`) or figures entered with evidence',
        params: idParams,
        body: createTargetBody,
        response: { 201: loose },
      },
    },
    async (request, reply) => {
      const principal = requirePlanManager(requireOfficer(request));
      const plan = await loadPlan(db, request.params.id);
      return reply.status(201).send(await createTarget(db, principal, plan, request.body));
    },
  );

  app.patch(
    `${base}/targets/:id`,
    { schema: { tags, summary: 'Edit a target', params: idParams, body: updateTargetBody, response: ok } },
    async (request) =>
      updateTarget(db, requirePlanManager(requireOfficer(request)), request.params.id, request.body),
  );

  app.put(
    `${base}/targets/:id/actuals/:year`,
    {
      schema: {
        tags,
        summary: 'Enter the actual of a target without a live indicator for one year, with evidence files',
        params: idParams.extend({ year: z.coerce.number().int('Năm không hợp lệ.').min(2000).max(2100) }),
        body: actualBody,
        response: ok,
      },
    },
    async (request) =>
      enterActual(
        db,
        context.files,
        requirePlanManager(requireOfficer(request)),
        request.params.id,
        request.params.year,
        request.body,
      ),
  );

  app.get(
    `${base}/:id/tasks`,
    {
      schema: {
        tags,
        summary: 'Tasks of a plan with state and next due date; filter by area, lead agency, state, words',
        params: idParams,
        querystring: taskFilterQuery,
        response: ok,
      },
    },
    async (request) => {
      requireOfficer(request);
      return listTasks(db, await loadPlan(db, request.params.id), request.query);
    },
  );

  app.post(
    `${base}/:id/tasks`,
    {
      schema: {
        tags,
        summary: 'Add a task',
        params: idParams,
        body: createTaskBody,
        response: { 201: loose },
      },
    },
    async (request, reply) => {
      const principal = requirePlanManager(requireOfficer(request));
      const plan = await loadPlan(db, request.params.id);
      const task = await createTask(db, principal, plan, request.body);
      return reply.status(201).send(await taskView(db, principal, task.id));
    },
  );

  app.get(
    `${base}/:id/board`,
    {
      schema: {
        tags,
        summary: 'Plan board: progress by area, overdue tasks, targets vs actuals',
        params: idParams,
        response: ok,
      },
    },
    async (request) => {
      requireOfficer(request);
      return planBoard(db, await loadPlan(db, request.params.id));
    },
  );

  app.get(
    '/api/office/reform-board',
    {
      schema: {
        tags,
        summary:
          'Agency board: what the agency owes by when (open occurrences, overdue and due-in-7-days flags)',
        querystring: z.object({ agencyId: z.uuid('Cơ quan không hợp lệ.').optional() }),
        response: ok,
      },
    },
    async (request) => agencyBoard(db, requireOfficer(request), request.query.agencyId),
  );

  app.get(
    '/api/office/reform-tasks/:id',
    {
      schema: {
        tags,
        summary: 'A task: occurrences, progress updates, history',
        params: idParams,
        response: ok,
      },
    },
    async (request) => taskView(db, requireOfficer(request), request.params.id),
  );

  app.patch(
    '/api/office/reform-tasks/:id',
    { schema: { tags, summary: 'Edit a task', params: idParams, body: updateTaskBody, response: ok } },
    async (request) => {
      const principal = requirePlanManager(requireOfficer(request));
      const { task, plan } = await loadTask(db, request.params.id);
      await updateTask(db, principal, plan, task, request.body);
      return taskView(db, principal, task.id);
    },
  );

  app.delete(
    '/api/office/reform-tasks/:id',
    {
      schema: {
        tags,
        summary: 'Delete a task (its history stays)',
        params: idParams,
        response: { 204: z.null() },
      },
    },
    async (request, reply) => {
      const principal = requirePlanManager(requireOfficer(request));
      const { task, plan } = await loadTask(db, request.params.id);
      await deleteTask(db, principal, plan, task);
      return reply.status(204).send(null);
    },
  );

  app.post(
    '/api/office/reform-tasks/:id/progress',
    {
      schema: {
        tags,
        summary:
          'Report progress on one occurrence (lead agency or reform office): status, percent, note, evidence',
        params: idParams,
        body: progressBody,
        response: ok,
      },
    },
    async (request) =>
      reportProgress(db, context.files, requireOfficer(request), request.params.id, request.body),
  );

  app.post(
    '/api/office/reform-files',
    {
      schema: {
        tags,
        summary: 'Upload an evidence file (officers; PDF, JPEG, PNG checked by content)',
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
      requireOfficer(request);
      return reply.status(201).send(await receiveUpload(request, context));
    },
  );

  app.get(
    '/api/office/reform-tasks/:id/evidence/:fileId',
    {
      schema: {
        tags,
        summary: 'An evidence file of a task',
        params: idParams.extend({ fileId: fileIdSchema }),
      },
    },
    async (request, reply) => {
      requireOfficer(request);
      const file = await taskEvidence(db, request.params.id, request.params.fileId);
      const bytes = await context.files.get(file.fileId);
      return reply
        .type(file.mime)
        .header('content-disposition', `inline; filename*=UTF-8''${encodeURIComponent(file.name)}`)
        .header('x-content-type-options', 'nosniff')
        .header('cache-control', 'private, no-store')
        .send(bytes);
    },
  );

  app.post(
    '/api/office/reform-reminders/run',
    {
      schema: {
        tags,
        summary: 'Run the deadline reminders now (administrators): for today, or again for a missed past day',
        description:
          'The same idempotent run the server does every hour: a reminder or overdue alert already sent is not ' +
          'sent again. `date` (YYYY-MM-DD, Vietnam time, not in the future) reruns a day the server missed.',
        body: reminderRunBody,
        response: { 200: reminderRunSchema },
      },
    },
    async (request) => {
      requireAdmin(request);
      return runRemindersNow(db, context.notify, request.body);
    },
  );
}
