import { z } from 'zod';
import type { AppContext, ZodApp } from '../../platform/http/context.ts';
import { AppError } from '../../platform/http/errors.ts';
import { requireAdmin, requireOfficer } from '../auth/guards.ts';
import { saveAppraisal, saveSelfScore, viewEvaluation } from './dossier-evaluation.ts';
import { evaluationListQuery, listEvaluations } from './evaluation-list.ts';
import { evaluationSettingsOf, saveEvaluationSettings } from './evaluation-settings.ts';
import { evaluationsXlsx } from './evaluation-xlsx.ts';
import { bandProblems } from './grade.ts';
import { indicatorKeys } from './indicators.ts';

// The 9-indicator evaluation of how each dossier was handled (docs/api.md, "Evaluation").

const XLSX = 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet';
const idParams = z.object({ id: z.uuid('Mã hồ sơ không hợp lệ.') });

const points = z.union([z.literal(0), z.literal(1), z.literal(2)], {
  error: (issue) =>
    issue.input === undefined
      ? 'Vui lòng chấm điểm tiêu chí này.'
      : 'Điểm mỗi tiêu chí chỉ được là 0, 1 hoặc 2.',
});
const unknownIndicator = {
  error: (issue: { code: string; keys?: string[] }) =>
    issue.code === 'unrecognized_keys'
      ? `Không có tiêu chí ${(issue.keys ?? []).join(', ')}; chỉ có các tiêu chí từ 1 đến 9.`
      : undefined,
};
const scoresSchema = z.strictObject(
  {
    '1': points,
    '2': points,
    '3': points,
    '4': points,
    '5': points,
    '6': points,
    '7': points,
    '8': points,
    '9': points,
  },
  unknownIndicator,
);
const note = z.string().trim().max(1000, 'Ghi chú mỗi tiêu chí tối đa 1.000 ký tự.').optional();
const notesSchema = z.strictObject(
  Object.fromEntries(indicatorKeys.map((k) => [k, note])) as Record<
    (typeof indicatorKeys)[number],
    typeof note
  >,
  unknownIndicator,
);
const scoreBody = z.strictObject({
  version: z.number('Thiếu phiên bản phiếu đánh giá.').int().min(0),
  scores: scoresSchema,
  notes: notesSchema.optional(),
});

const bandSchema = z.object({
  key: z.string().regex(/^[a-z0-9_]{1,40}$/, 'Mã mức gồm chữ thường không dấu, số, gạch dưới (tối đa 40).'),
  label: z
    .string()
    .trim()
    .min(1, 'Vui lòng nhập tên mức xếp loại.')
    .max(40, 'Tên mức xếp loại tối đa 40 ký tự.'),
  min: z
    .number('Điểm tối thiểu phải là số.')
    .min(0, 'Điểm tối thiểu phải từ 0 đến 18.')
    .max(18, 'Điểm tối thiểu phải từ 0 đến 18.'),
});
const optionPoints = z.union([z.literal(0), z.literal(1), z.literal(2)], 'Số điểm chỉ được là 0, 1 hoặc 2.');
const settingsSchema = z.strictObject({
  bands: z.array(bandSchema).min(2, 'Cần ít nhất 2 mức xếp loại.').max(8, 'Tối đa 8 mức xếp loại.'),
  rules: z.strictObject({
    lateWithApologyPoints: optionPoints,
    deskOnlyContactPoints: optionPoints,
    deskIntakeReturnPoints: optionPoints,
  }),
});

export function registerEvaluationRoutes(app: ZodApp, { db }: AppContext): void {
  const tags = ['evaluation'];

  app.get(
    '/api/office/dossiers/:id/evaluation',
    {
      schema: {
        tags,
        summary:
          "A dossier's 9-indicator evaluation: suggestions from its records, self-score, appraisal, grade",
        params: idParams,
      },
    },
    async (request, reply) => {
      reply.header('cache-control', 'private, no-store');
      return viewEvaluation(db, requireOfficer(request), request.params.id);
    },
  );

  app.put(
    '/api/office/dossiers/:id/evaluation/self-score',
    {
      schema: {
        tags,
        summary: "The agency's self-score (head of office or leader of the receiving or competent agency)",
        params: idParams,
        body: scoreBody,
      },
    },
    async (request) => saveSelfScore(db, requireOfficer(request), request.params.id, request.body),
  );

  app.put(
    '/api/office/dossiers/:id/evaluation/appraisal',
    {
      schema: {
        tags,
        summary: "The reform office's appraised score (reform officer covering the dossier's unit, or admin)",
        params: idParams,
        body: scoreBody,
      },
    },
    async (request) => saveAppraisal(db, requireOfficer(request), request.params.id, request.body),
  );

  app.get(
    '/api/office/evaluations',
    {
      schema: {
        tags,
        summary: 'Evaluations of a period in my scope, with the per-agency summary, as JSON or XLSX',
        querystring: evaluationListQuery,
      },
    },
    async (request, reply) => {
      const principal = requireOfficer(request);
      const list = await listEvaluations(db, principal, request.query);
      reply.header('cache-control', 'private, no-store');
      if (request.query.format === 'json') return list;
      const scopeName = request.query.agencyId
        ? (list.summary.rows.find((r) => r.agencyId === request.query.agencyId)?.agencyName ??
          'Cơ quan đã chọn')
        : 'Các cơ quan trong phạm vi của tôi';
      const filename = `danh-gia-giai-quyet-tthc-${list.period.from}-${list.period.to}.xlsx`;
      return reply
        .type(XLSX)
        .header('content-disposition', `attachment; filename="${filename}"`)
        .send(await evaluationsXlsx(list, scopeName, new Date()));
    },
  );

  app.get(
    '/api/admin/evaluation-settings',
    {
      schema: {
        tags,
        summary: 'Grade bands and scoring options of the evaluation',
        response: { 200: settingsSchema },
      },
    },
    async (request) => {
      requireAdmin(request);
      return evaluationSettingsOf(db);
    },
  );

  app.put(
    '/api/admin/evaluation-settings',
    {
      schema: {
        tags,
        summary: 'Replace the grade bands and scoring options (stored evaluations are re-graded)',
        body: settingsSchema,
        response: { 200: settingsSchema },
      },
    },
    async (request) => {
      const principal = requireAdmin(request);
      const problems = bandProblems(request.body.bands);
      if (problems.length > 0) throw new AppError('VALIDATION', problems.join(' '));
      await saveEvaluationSettings(db, request.body, principal.userId);
      return evaluationSettingsOf(db);
    },
  );
}
