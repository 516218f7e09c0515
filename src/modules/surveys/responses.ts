// Answering a round: the public page (open link or a sampled respondent's personal link) and paper forms
// entered by officers. Both check the answers against the round's template version and store nothing on error.
import { and, eq, inArray } from 'drizzle-orm';
import type { Db } from '../../platform/db/connect.ts';
import { AppError, conflict, forbidden, invalid, notFound } from '../../platform/http/errors.ts';
import type { Principal } from '../auth/permissions.ts';
import type { DbOrTx } from '../dossier/dossier-store.ts';
import { dossiers } from '../dossier/schema.ts';
import { checkAnswers } from './answer-rules.ts';
import {
  ROUND_STATUS_LABELS,
  refusalOf,
  roundStatus,
  vietnamDateOf,
  vietnamDayEnd,
  vietnamDayStart,
} from './round-status.ts';
import { agencyUnits, loadRound, type RoundRow } from './rounds.ts';
import { surveyAnswers, surveyResponses, surveyRounds, surveySampleMembers } from './schema.ts';
import { visibleRoundAgencies } from './survey-access.ts';
import type { Answers, ResponseChannel } from './survey-model.ts';
import { loadTemplate } from './templates.ts';

const ALREADY_ANSWERED =
  'Phiếu khảo sát của hồ sơ này đã được gửi trước đó; mỗi người được chọn chỉ trả lời một lần. Cảm ơn ông/bà!';
const BAD_PERSONAL_LINK = 'Liên kết khảo sát cá nhân không hợp lệ. Vui lòng kiểm tra lại đường dẫn đã nhận.';

type Member = typeof surveySampleMembers.$inferSelect;

async function roundByToken(db: Db, publicToken: string): Promise<RoundRow> {
  const [round] = await db.select().from(surveyRounds).where(eq(surveyRounds.publicToken, publicToken));
  if (!round) throw notFound('Không tìm thấy đợt khảo sát. Vui lòng kiểm tra lại đường dẫn hoặc mã QR.');
  return round;
}

async function memberByToken(db: Db, round: RoundRow, respondentToken: string): Promise<Member> {
  const [member] = await db
    .select()
    .from(surveySampleMembers)
    .where(
      and(
        eq(surveySampleMembers.respondentToken, respondentToken),
        eq(surveySampleMembers.roundId, round.id),
      ),
    );
  if (!member) throw notFound(BAD_PERSONAL_LINK);
  return member;
}

async function hasAnswered(db: DbOrTx, round: RoundRow, member: Pick<Member, 'ownerUnitId' | 'dossierId'>) {
  const [row] = await db
    .select({ id: surveyResponses.id })
    .from(surveyResponses)
    .where(
      and(
        eq(surveyResponses.ownerUnitId, member.ownerUnitId),
        eq(surveyResponses.roundId, round.id),
        eq(surveyResponses.sampleDossierId, member.dossierId),
      ),
    );
  return row !== undefined;
}

/** The public page's content: the questionnaire and whether it accepts an answer now (no personal data). */
export async function publicSurvey(db: Db, publicToken: string, respondentToken?: string, now = new Date()) {
  const round = await roundByToken(db, publicToken);
  const template = await loadTemplate(db, round.templateId);
  const member = respondentToken ? await memberByToken(db, round, respondentToken) : null;
  const status = roundStatus(round, now);
  const answered = member ? await hasAnswered(db, round, member) : false;
  const message =
    refusalOf(status, round.closesAt) ??
    (answered ? ALREADY_ANSWERED : null) ??
    (!member && !round.openLink
      ? 'Đợt khảo sát này chỉ dành cho người dân, tổ chức được chọn; vui lòng dùng đường dẫn cá nhân đã nhận.'
      : null);
  const names = await agencyUnits(db, round.agencyIds);
  return {
    name: round.name,
    status,
    statusLabel: ROUND_STATUS_LABELS[status],
    accepting: message === null,
    message,
    closesAt: round.closesAt,
    agencies: round.agencyIds.map((id) => ({ id, name: names.get(id)?.name ?? '' })),
    fixedAgencyId: member?.agencyId ?? null,
    template: {
      name: template.content.name,
      description: template.content.description,
      sections: template.content.sections,
    },
  };
}

interface StoreInput {
  round: RoundRow;
  agencyId: string;
  answers: Answers;
  channel: ResponseChannel;
  member: Pick<Member, 'ownerUnitId' | 'dossierId'> | null;
  enteredBy: string | null;
  submittedAt: Date;
}

/** Checks the answers, then writes the response and its answers in one transaction. */
async function storeResponse(db: Db, input: StoreInput) {
  const template = await loadTemplate(db, input.round.templateId);
  const check = checkAnswers(template.content, input.answers);
  if (!check.ok) {
    const first = check.problems[0];
    throw new AppError(
      'VALIDATION',
      check.problems.length > 1
        ? `Phiếu trả lời chưa hợp lệ (${check.problems.length} lỗi): ${first?.message}`
        : `Phiếu trả lời chưa hợp lệ: ${first?.message}`,
      check.problems,
    );
  }
  const units = await agencyUnits(db, [input.agencyId]);
  const ownerUnitId = input.member?.ownerUnitId ?? units.get(input.agencyId)?.unitId;
  if (!ownerUnitId) throw invalid('agencyId', 'Cơ quan không tồn tại.');
  return db.transaction(async (tx) => {
    const [response] = await tx
      .insert(surveyResponses)
      .values({
        ownerUnitId,
        roundId: input.round.id,
        agencyId: input.agencyId,
        channel: input.channel,
        sampleDossierId: input.member?.dossierId ?? null,
        enteredBy: input.enteredBy,
        submittedAt: input.submittedAt,
      })
      // The partial unique index on the sampled dossier: a second answer for it inserts nothing.
      .onConflictDoNothing()
      .returning({ id: surveyResponses.id });
    if (!response) throw conflict(ALREADY_ANSWERED);
    if (check.rows.length > 0) {
      await tx.insert(surveyAnswers).values(
        check.rows.map((r) => ({
          ownerUnitId,
          responseId: response.id,
          roundId: input.round.id,
          agencyId: input.agencyId,
          submittedAt: input.submittedAt,
          ...r,
        })),
      );
    }
    return { id: response.id, submittedAt: input.submittedAt };
  });
}

export interface PublicAnswerInput {
  respondentToken?: string | undefined;
  agencyId?: string | undefined;
  answers: Answers;
}

export async function answerPublicSurvey(
  db: Db,
  publicToken: string,
  input: PublicAnswerInput,
  now = new Date(),
) {
  const round = await roundByToken(db, publicToken);
  const refusal = refusalOf(roundStatus(round, now), round.closesAt);
  if (refusal) throw new AppError('RULE', refusal);
  const member = input.respondentToken ? await memberByToken(db, round, input.respondentToken) : null;
  if (member && (await hasAnswered(db, round, member))) throw conflict(ALREADY_ANSWERED);
  if (!member && !round.openLink)
    throw new AppError(
      'RULE',
      'Đợt khảo sát này chỉ nhận phiếu qua đường dẫn cá nhân đã gửi cho người được chọn.',
    );
  const agencyId = member?.agencyId ?? input.agencyId;
  if (!agencyId || !round.agencyIds.includes(agencyId))
    throw invalid('agencyId', 'Vui lòng chọn cơ quan mà ông/bà đã đến giải quyết thủ tục.');
  return storeResponse(db, {
    round,
    agencyId,
    answers: input.answers,
    channel: 'online',
    member,
    enteredBy: null,
    submittedAt: now,
  });
}

export interface PaperInput {
  agencyId: string;
  /** The code of a sampled dossier written on the form, linking the answer to the sample. */
  dossierCode?: string | undefined;
  /** The date on the form (Vietnam-local); today when absent. */
  answeredOn?: string | undefined;
  answers: Answers;
}

/** A paper form keyed in by an officer of the rated agency (or the reform office), channel `paper`. */
export async function enterPaperResponse(
  db: Db,
  principal: Principal,
  roundId: string,
  input: PaperInput,
  now = new Date(),
) {
  const round = await loadRound(db, roundId);
  const visible = visibleRoundAgencies(principal, round.agencyIds);
  if (visible.length === 0) throw forbidden('Bạn không có quyền nhập phiếu cho đợt khảo sát này.');
  if (!round.agencyIds.includes(input.agencyId))
    throw invalid('agencyId', 'Cơ quan được đánh giá không thuộc đợt khảo sát.');
  if (!visible.includes(input.agencyId)) throw forbidden('Bạn chỉ nhập được phiếu của cơ quan mình.');
  if (roundStatus(round, now) === 'scheduled') throw new AppError('RULE', 'Đợt khảo sát chưa bắt đầu.');
  let submittedAt = now;
  if (input.answeredOn) {
    const start = vietnamDayStart(input.answeredOn);
    if (start < vietnamDayStart(vietnamDateOf(round.opensAt)) || start >= vietnamDayEnd(vietnamDateOf(now)))
      throw invalid('answeredOn', 'Ngày trả lời phải trong thời gian của đợt khảo sát và không sau hôm nay.');
    // Noon of that day: the date the form carries, whatever time it is keyed in.
    submittedAt = new Date(start.getTime() + 12 * 3600 * 1000);
  }
  let member: Member | null = null;
  if (input.dossierCode) {
    const [found] = await db
      .select({ member: surveySampleMembers })
      .from(surveySampleMembers)
      .innerJoin(
        dossiers,
        and(
          eq(dossiers.ownerUnitId, surveySampleMembers.dossierOwnerUnitId),
          eq(dossiers.id, surveySampleMembers.dossierId),
        ),
      )
      .where(
        and(
          eq(surveySampleMembers.roundId, round.id),
          inArray(surveySampleMembers.agencyId, [input.agencyId]),
          eq(dossiers.code, input.dossierCode.trim().toUpperCase()),
        ),
      );
    if (!found) throw invalid('dossierCode', 'Mã hồ sơ không thuộc mẫu khảo sát của cơ quan này trong đợt.');
    member = found.member;
    if (await hasAnswered(db, round, member)) throw conflict(ALREADY_ANSWERED);
  }
  return storeResponse(db, {
    round,
    agencyId: input.agencyId,
    answers: input.answers,
    channel: 'paper',
    member,
    enteredBy: principal.userId,
    submittedAt,
  });
}
