// The results of a round as an Excel workbook for analysts: sheet 1 one row per response and one column per
// question (headers are the questions, values the Vietnamese labels), sheet 2 the index per element and agency.
import { and, asc, eq, inArray } from 'drizzle-orm';
import ExcelJS from 'exceljs';
import type { Db } from '../../platform/db/connect.ts';
import { AppError } from '../../platform/http/errors.ts';
import type { Principal } from '../auth/permissions.ts';
import { users } from '../auth/schema.ts';
import { answerLabel, templateQuestions } from './answer-rules.ts';
import type { ElementIndex } from './index-formula.ts';
import { agencyUnits, roundForOfficer } from './rounds.ts';
import { surveyAnswers, surveyResponses } from './schema.ts';
import { surveyIndex } from './survey-index.ts';
import { CHANNEL_LABELS, ELEMENT_TITLES, ELEMENTS } from './survey-model.ts';
import { loadTemplate } from './templates.ts';

/** An export over more responses than this is refused (the workbook is built in memory). */
export const MAX_EXPORT_RESPONSES = 100_000;

export const RESPONSE_COLUMNS = [
  'STT',
  'Ngày trả lời',
  'Kênh trả lời',
  'Cơ quan được đánh giá',
  'Thuộc mẫu khảo sát',
  'Người nhập phiếu',
];

const vnDateTime = (d: Date) =>
  d.toLocaleString('vi-VN', { timeZone: 'Asia/Ho_Chi_Minh', dateStyle: 'short', timeStyle: 'short' });
const percent = (v: number | null) => (v === null ? null : Math.round(v * 10000) / 100);

export async function roundWorkbook(
  db: Db,
  principal: Principal,
  roundId: string,
): Promise<{ name: string; data: Buffer }> {
  const { round, visible } = await roundForOfficer(db, principal, roundId);
  const template = await loadTemplate(db, round.templateId);
  const agencyInfo = await agencyUnits(db, visible);
  const units = [...new Set([...agencyInfo.values()].map((a) => a.unitId))];
  const responses = await db
    .select({
      ownerUnitId: surveyResponses.ownerUnitId,
      id: surveyResponses.id,
      agencyId: surveyResponses.agencyId,
      channel: surveyResponses.channel,
      sampled: surveyResponses.sampleDossierId,
      submittedAt: surveyResponses.submittedAt,
      enteredBy: users.fullName,
    })
    .from(surveyResponses)
    .leftJoin(users, eq(users.id, surveyResponses.enteredBy))
    .where(
      and(
        inArray(surveyResponses.ownerUnitId, units),
        eq(surveyResponses.roundId, round.id),
        inArray(surveyResponses.agencyId, visible),
      ),
    )
    .orderBy(asc(surveyResponses.submittedAt), asc(surveyResponses.id))
    .limit(MAX_EXPORT_RESPONSES + 1);
  if (responses.length > MAX_EXPORT_RESPONSES)
    throw new AppError(
      'VALIDATION',
      'Đợt khảo sát có quá nhiều phiếu để xuất một lần; vui lòng liên hệ quản trị hệ thống.',
    );
  const answers = await db
    .select()
    .from(surveyAnswers)
    .where(
      and(
        inArray(surveyAnswers.ownerUnitId, units),
        eq(surveyAnswers.roundId, round.id),
        inArray(surveyAnswers.agencyId, visible),
      ),
    );
  const byResponse = new Map<string, Map<string, (typeof answers)[number]>>();
  for (const a of answers) {
    let own = byResponse.get(a.responseId);
    if (!own) {
      own = new Map();
      byResponse.set(a.responseId, own);
    }
    own.set(a.questionKey, a);
  }

  const questions = templateQuestions(template.content);
  const workbook = new ExcelJS.Workbook();
  workbook.creator = 'Motcua';
  workbook.title = round.name;
  const sheet = workbook.addWorksheet('Phiếu trả lời', {
    views: [{ state: 'frozen', ySplit: 1, xSplit: 1 }],
  });
  sheet.columns = [
    { width: 6 },
    { width: 18 },
    { width: 14 },
    { width: 40 },
    { width: 12 },
    { width: 22 },
    ...questions.map(() => ({ width: 28 })),
  ];
  const header = sheet.addRow([...RESPONSE_COLUMNS, ...questions.map((q) => q.text)]);
  header.font = { bold: true };
  header.alignment = { wrapText: true, vertical: 'top' };
  responses.forEach((r, i) => {
    const own = byResponse.get(r.id);
    sheet.addRow([
      i + 1,
      vnDateTime(r.submittedAt),
      CHANNEL_LABELS[r.channel],
      agencyInfo.get(r.agencyId)?.name ?? '',
      r.sampled ? 'Có' : 'Không',
      r.enteredBy ?? '',
      ...questions.map((q) => {
        const a = own?.get(q.key);
        return a ? answerLabel(q, a) : '';
      }),
    ]);
  });

  const index = await surveyIndex(db, { roundId: round.id, agencyIds: visible });
  const summary = workbook.addWorksheet('Chỉ số hài lòng');
  summary.columns = [{ width: 44 }, { width: 12 }, ...ELEMENTS.map(() => ({ width: 18 })), { width: 18 }];
  const top = summary.addRow([
    'Cơ quan',
    'Số phiếu',
    ...ELEMENTS.map((e) => ELEMENT_TITLES[e]),
    'Chỉ số chung (%)',
  ]);
  top.font = { bold: true };
  top.alignment = { wrapText: true, vertical: 'top' };
  const line = (name: string, responsesCount: number, elements: ElementIndex[], overall: number | null) =>
    summary.addRow([name, responsesCount, ...elements.map((e) => percent(e.index)), percent(overall)]);
  for (const a of index.byAgency) line(a.agencyName, a.responses, a.elements, a.overall);
  line('Tất cả cơ quan', index.responses, index.elements, index.overall).font = { bold: true };
  summary.addRow([]);
  summary.addRow(['Cách tính (chỉ số tính theo %):']).font = { italic: true };
  for (const text of index.formula) summary.addRow([text]);
  return {
    name: `ket-qua-khao-sat-${round.publicToken}.xlsx`,
    data: Buffer.from(await workbook.xlsx.writeBuffer()),
  };
}
