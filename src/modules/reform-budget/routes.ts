import { z } from 'zod';
import type { AppContext, ZodApp } from '../../platform/http/context.ts';
import { requireOfficer } from '../auth/guards.ts';
import {
  lineDetail,
  lineEdit,
  lineInput,
  linesQuery,
  lineView,
  settingsInput,
  settingsView,
  stepActions,
  summaryView,
  yearSchema,
} from './budget.types.ts';
import { budgetTasks } from './budget-tasks.ts';
import { createLine, editLine, getLine, listLines, takeStep } from './lines.ts';
import { loadSettings, mayConfigure, saveSettings } from './settings.ts';
import { budgetSummary, budgetXlsx } from './summary.ts';

// The reform budget (plan III.6, VI.3): budget lines of the plan's tasks per year through proposal, appraisal,
// approval, disbursements and settlement; the summary with flags; the finance office's workbook.

const XLSX = 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet';
const idParams = z.object({ id: z.uuid('Mã dòng kinh phí không hợp lệ.') });
const stepParams = idParams.extend({
  action: z.enum(stepActions as [string, ...string[]], 'Thao tác không hợp lệ.'),
});
const yearQuery = z.object({
  year: z.coerce.number('Năm không hợp lệ.').pipe(yearSchema).optional(),
  planId: z.uuid('Mã kế hoạch không hợp lệ.').optional(),
});
const ok = z.object({ ok: z.literal(true) });

export function registerReformBudgetRoutes(app: ZodApp, context: AppContext): void {
  const { db } = context;
  const tags = ['reform budget'];

  app.get(
    '/api/office/reform-budget/settings',
    {
      schema: {
        tags,
        summary: 'Finance office, approving committee, unspent rule',
        response: { 200: settingsView },
      },
    },
    async (request) => {
      const principal = requireOfficer(request);
      const s = await loadSettings(db);
      return {
        financeAgencyId: s.financeAgencyId,
        approvingAgencyId: s.approvingAgencyId,
        unspentPercent: s.rule.percent,
        unspentMonth: s.rule.month,
        unspentDay: s.rule.day,
        version: s.version,
        canEdit: mayConfigure(principal),
      };
    },
  );

  app.put(
    '/api/office/reform-budget/settings',
    {
      schema: {
        tags,
        summary: 'Change the settings (reform office, administrators; version 0 the first time)',
        body: settingsInput,
        response: { 200: ok },
      },
    },
    async (request) => {
      await saveSettings(db, requireOfficer(request), request.body);
      return { ok: true as const };
    },
  );

  app.get(
    '/api/office/reform-budget/tasks',
    {
      schema: {
        tags,
        summary: "The plans' tasks of a year a line can be proposed for",
        querystring: z.object({ year: z.coerce.number('Năm không hợp lệ.').pipe(yearSchema) }),
      },
    },
    async (request) => budgetTasks(db, requireOfficer(request), request.query.year),
  );

  app.get(
    '/api/office/reform-budget/lines',
    {
      schema: {
        tags,
        summary: 'Budget lines I may read, filtered by year, plan, area, lead agency, status',
        querystring: linesQuery,
        response: { 200: z.object({ items: z.array(lineView) }) },
      },
    },
    async (request) => listLines(db, requireOfficer(request), request.query),
  );

  app.post(
    '/api/office/reform-budget/lines',
    {
      schema: {
        tags,
        summary: "Draft a budget line for a task and year (the task's lead agency)",
        body: lineInput,
        response: { 201: z.object({ id: z.string() }) },
      },
    },
    async (request, reply) =>
      reply.status(201).send(await createLine(db, requireOfficer(request), request.body)),
  );

  app.get(
    '/api/office/reform-budget/lines/:id',
    {
      schema: {
        tags,
        summary: 'A line with its figures, disbursements, history and the steps open to me',
        params: idParams,
        response: { 200: lineDetail },
      },
    },
    async (request) => getLine(db, requireOfficer(request), request.params.id),
  );

  app.put(
    '/api/office/reform-budget/lines/:id',
    {
      schema: {
        tags,
        summary: 'Edit a draft or returned line (lead agency; 409 when stale)',
        params: idParams,
        body: lineEdit,
        response: { 200: ok },
      },
    },
    async (request) => {
      await editLine(db, requireOfficer(request), request.params.id, request.body);
      return { ok: true as const };
    },
  );

  app.post(
    '/api/office/reform-budget/lines/:id/:action',
    {
      schema: {
        tags,
        summary: 'Take a step: propose, cancel, return, appraise, approve, disburse, settle',
        description:
          'Each step has its own body (see budget.types.ts actionBodies) with the version read. propose and cancel: ' +
          'the lead agency; return, appraise, disburse, settle: the finance and planning office; approve: the ' +
          'leaders of the approving committee. 403 for anyone else, 409 when the version is stale, 422 when the ' +
          'line is not in a state that allows the step.',
        params: stepParams,
        body: z.record(z.string(), z.unknown()),
        response: { 200: ok },
      },
    },
    async (request) => {
      const { id, action } = request.params;
      await takeStep(db, requireOfficer(request), id, action as (typeof stepActions)[number], request.body);
      return { ok: true as const };
    },
  );

  app.get(
    '/api/office/reform-budget/summary',
    {
      schema: {
        tags,
        summary: 'Planned against spent per task, area and agency for a year, with overrun and unspent flags',
        querystring: yearQuery,
        response: { 200: summaryView },
      },
    },
    async (request) => budgetSummary(db, requireOfficer(request), request.query),
  );

  app.get(
    '/api/office/reform-budget/export.xlsx',
    {
      schema: {
        tags,
        summary: 'The year as Excel for the finance office, with the totals rows',
        querystring: yearQuery,
      },
    },
    async (request, reply) => {
      const { bytes, year } = await budgetXlsx(db, requireOfficer(request), request.query);
      return reply
        .type(XLSX)
        .header('content-disposition', `attachment; filename="kinh-phi-cchc-${year}.xlsx"`)
        .send(bytes);
    },
  );
}
