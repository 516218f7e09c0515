// Survey rounds: creation (with the sample drawn from resolved dossiers), listing, closing, the sample list.
import { randomBytes } from 'node:crypto';
import { and, asc, desc, eq, gte, inArray, lt, ne, sql } from 'drizzle-orm';
import QRCode from 'qrcode';
import { loadPublicLinkConfig } from '../../platform/config.ts';
import type { Db } from '../../platform/db/connect.ts';
import { AppError, forbidden, invalid, notFound } from '../../platform/http/errors.ts';
import type { Principal } from '../auth/permissions.ts';
import type { DbOrTx } from '../dossier/dossier-store.ts';
import { dossiers } from '../dossier/schema.ts';
import { agencies } from '../org/schema.ts';
import { ROUND_STATUS_LABELS, roundStatus, vietnamDayEnd, vietnamDayStart } from './round-status.ts';
import { drawSample, newSeed } from './sampling.ts';
import { surveyResponses, surveyRounds, surveySampleMembers, surveyTemplates } from './schema.ts';
import { visibleRoundAgencies } from './survey-access.ts';
import { freezeTemplate, loadTemplate } from './templates.ts';

/** A sampling frame larger than this is refused (the frame's ids are read into memory to draw from). */
export const MAX_SAMPLE_FRAME = 500_000;

export interface RoundInput {
  templateId: string;
  name: string;
  agencyIds: string[];
  opensAt: Date;
  closesAt: Date;
  openLink: boolean;
  sample?:
    | {
        from: string;
        to: string;
        agencyRole: 'receiving' | 'competent';
        size: number;
        seed?: number | undefined;
      }
    | undefined;
}

export type RoundRow = typeof surveyRounds.$inferSelect;

const token = (bytes: number) => randomBytes(bytes).toString('base64url');

export const surveyUrl = (publicToken: string, respondentToken?: string) =>
  `${loadPublicLinkConfig().publicBaseUrl}/khao-sat/${publicToken}${respondentToken ? `?ma=${respondentToken}` : ''}`;

export async function loadRound(db: DbOrTx, id: string): Promise<RoundRow> {
  const [row] = await db.select().from(surveyRounds).where(eq(surveyRounds.id, id));
  if (!row) throw notFound('Không tìm thấy đợt khảo sát.');
  return row;
}

/** The round if the officer may read it: a manager, or an officer of one of its agencies. */
export async function roundForOfficer(db: Db, principal: Principal, id: string) {
  const round = await loadRound(db, id);
  const visible = visibleRoundAgencies(principal, round.agencyIds);
  if (visible.length === 0) throw forbidden('Bạn không có quyền xem đợt khảo sát này.');
  return { round, visible };
}

export async function agencyUnits(db: DbOrTx, ids: readonly string[]) {
  if (ids.length === 0) return new Map<string, { name: string; unitId: string }>();
  const rows = await db
    .select({ id: agencies.id, name: agencies.name, unitId: agencies.unitId })
    .from(agencies)
    .where(inArray(agencies.id, [...ids]));
  return new Map(rows.map((r) => [r.id, { name: r.name, unitId: r.unitId }]));
}

/** Dossiers resolved in the period by the agencies (in the role asked), in a stable order: the frame. */
async function samplingFrame(
  db: DbOrTx,
  input: NonNullable<RoundInput['sample']>,
  agencyIds: string[],
  unitIds: string[],
) {
  const agencyColumn =
    input.agencyRole === 'receiving' ? dossiers.receivingAgencyId : dossiers.competentAgencyId;
  const rows = await db
    .select({ ownerUnitId: dossiers.ownerUnitId, id: dossiers.id, agencyId: agencyColumn })
    .from(dossiers)
    .where(
      and(
        // Received dossiers are owned by the receiving agency's unit: the owner filter narrows to its shard.
        input.agencyRole === 'receiving' ? inArray(dossiers.ownerUnitId, unitIds) : undefined,
        inArray(agencyColumn, agencyIds),
        gte(dossiers.resolvedAt, vietnamDayStart(input.from)),
        lt(dossiers.resolvedAt, vietnamDayEnd(input.to)),
        ne(dossiers.state, 'draft'),
      ),
    )
    .orderBy(asc(dossiers.ownerUnitId), asc(dossiers.id))
    .limit(MAX_SAMPLE_FRAME + 1);
  if (rows.length > MAX_SAMPLE_FRAME)
    throw new AppError(
      'VALIDATION',
      'Số hồ sơ trong khung chọn mẫu quá lớn; vui lòng thu hẹp thời gian hoặc cơ quan.',
    );
  return rows;
}

export async function createRound(db: Db, principal: Principal, input: RoundInput) {
  if (input.closesAt <= input.opensAt)
    throw invalid('closesAt', 'Thời điểm kết thúc phải sau thời điểm bắt đầu.');
  const agencyIds = [...new Set(input.agencyIds)];
  const units = await agencyUnits(db, agencyIds);
  const missing = agencyIds.filter((id) => !units.has(id));
  if (missing.length > 0)
    throw invalid('agencyIds', 'Có cơ quan không tồn tại trong danh sách được khảo sát.');
  if (input.sample && input.sample.from > input.sample.to)
    throw invalid('sample.to', 'Ngày cuối của kỳ chọn mẫu phải sau ngày đầu.');
  if (!input.openLink && !input.sample?.size)
    throw invalid('openLink', 'Đợt khảo sát không mở công khai cần có mẫu người trả lời.');
  return db.transaction(async (tx) => {
    const template = await loadTemplate(tx, input.templateId);
    const sample = input.sample;
    const seed = sample ? (sample.seed ?? newSeed()) : null;
    const frame =
      sample && sample.size > 0
        ? await samplingFrame(tx, sample, agencyIds, [...new Set([...units.values()].map((u) => u.unitId))])
        : [];
    const drawn = sample && seed !== null ? drawSample(frame, sample.size, seed) : [];
    const [round] = await tx
      .insert(surveyRounds)
      .values({
        templateId: template.id,
        name: input.name,
        publicToken: token(12),
        agencyIds,
        opensAt: input.opensAt,
        closesAt: input.closesAt,
        openLink: input.openLink,
        sampleFrom: sample?.from ?? null,
        sampleTo: sample?.to ?? null,
        sampleAgencyRole: sample?.agencyRole ?? null,
        sampleRequested: sample?.size ?? 0,
        sampleSeed: seed,
        sampleFrameSize: frame.length,
        createdBy: principal.userId,
      })
      .returning();
    if (!round) throw new Error('insert returned nothing');
    const members = drawn.map((d, i) => ({
      ownerUnitId: units.get(d.agencyId)?.unitId ?? d.ownerUnitId,
      roundId: round.id,
      dossierId: d.id,
      dossierOwnerUnitId: d.ownerUnitId,
      agencyId: d.agencyId,
      drawOrder: i,
      respondentToken: token(15),
    }));
    for (let i = 0; i < members.length; i += 500) {
      await tx.insert(surveySampleMembers).values(members.slice(i, i + 500));
    }
    await freezeTemplate(tx, template.id);
    return round;
  });
}

export async function closeRound(db: Db, id: string, now = new Date()) {
  const round = await loadRound(db, id);
  if (roundStatus(round, now) === 'closed') throw new AppError('CONFLICT', 'Đợt khảo sát đã kết thúc.');
  await db.update(surveyRounds).set({ closedAt: now }).where(eq(surveyRounds.id, id));
  return loadRound(db, id);
}

/** What the office shows of a round. */
export async function roundView(db: DbOrTx, round: RoundRow, now = new Date()) {
  const [template] = await db
    .select({ id: surveyTemplates.id, version: surveyTemplates.version, content: surveyTemplates.content })
    .from(surveyTemplates)
    .where(eq(surveyTemplates.id, round.templateId));
  const names = await agencyUnits(db, round.agencyIds);
  const [drawn] = await db
    .select({ n: sql<number>`count(*)::int` })
    .from(surveySampleMembers)
    .where(eq(surveySampleMembers.roundId, round.id));
  const status = roundStatus(round, now);
  return {
    id: round.id,
    name: round.name,
    template: { id: round.templateId, name: template?.content.name ?? '', version: template?.version ?? 1 },
    agencies: round.agencyIds.map((id) => ({ id, name: names.get(id)?.name ?? '' })),
    opensAt: round.opensAt,
    closesAt: round.closesAt,
    closedAt: round.closedAt,
    status,
    statusLabel: ROUND_STATUS_LABELS[status],
    openLink: round.openLink,
    publicToken: round.publicToken,
    publicUrl: surveyUrl(round.publicToken),
    sample: {
      from: round.sampleFrom,
      to: round.sampleTo,
      agencyRole: round.sampleAgencyRole,
      requested: round.sampleRequested,
      seed: round.sampleSeed,
      frameSize: round.sampleFrameSize,
      drawn: drawn?.n ?? 0,
    },
    createdAt: round.createdAt,
  };
}

export async function listRounds(db: Db, principal: Principal, now = new Date()) {
  const rows = await db.select().from(surveyRounds).orderBy(desc(surveyRounds.createdAt)).limit(500);
  const mine = rows.filter((r) => visibleRoundAgencies(principal, r.agencyIds).length > 0);
  return Promise.all(mine.map((r) => roundView(db, r, now)));
}

/** The sampled dossiers with the applicant's contact and personal link (personal data: own agencies only). */
export async function sampleList(db: Db, principal: Principal, id: string) {
  const { round, visible } = await roundForOfficer(db, principal, id);
  const members = await db
    .select()
    .from(surveySampleMembers)
    .where(and(eq(surveySampleMembers.roundId, round.id), inArray(surveySampleMembers.agencyId, visible)))
    .orderBy(asc(surveySampleMembers.drawOrder));
  if (members.length === 0) return [];
  const units = [...new Set(members.map((m) => m.ownerUnitId))];
  const details = await db
    .select({
      id: dossiers.id,
      code: dossiers.code,
      procedureName: dossiers.procedureName,
      applicantName: dossiers.applicantName,
      applicantPhone: dossiers.applicantPhone,
      applicantEmail: dossiers.applicantEmail,
      resolvedAt: dossiers.resolvedAt,
    })
    .from(dossiers)
    .where(
      and(
        inArray(dossiers.ownerUnitId, [...new Set(members.map((m) => m.dossierOwnerUnitId))]),
        inArray(
          dossiers.id,
          members.map((m) => m.dossierId),
        ),
      ),
    );
  const answered = await db
    .select({ dossierId: surveyResponses.sampleDossierId })
    .from(surveyResponses)
    .where(and(inArray(surveyResponses.ownerUnitId, units), eq(surveyResponses.roundId, round.id)));
  const done = new Set(answered.map((a) => a.dossierId));
  const byId = new Map(details.map((d) => [d.id, d]));
  const names = await agencyUnits(db, visible);
  return members.map((m) => {
    const d = byId.get(m.dossierId);
    return {
      dossierId: m.dossierId,
      drawOrder: m.drawOrder + 1,
      code: d?.code ?? null,
      procedureName: d?.procedureName ?? '',
      applicantName: d?.applicantName ?? '',
      phone: d?.applicantPhone ?? null,
      email: d?.applicantEmail ?? null,
      resolvedAt: d?.resolvedAt ?? null,
      agencyName: names.get(m.agencyId)?.name ?? '',
      link: surveyUrl(round.publicToken, m.respondentToken),
      responded: done.has(m.dossierId),
    };
  });
}

/** The public link as a PNG QR code, to print on posters and at the counters. */
export async function roundQrPng(round: RoundRow): Promise<Buffer> {
  return QRCode.toBuffer(surveyUrl(round.publicToken), {
    type: 'png',
    errorCorrectionLevel: 'M',
    margin: 2,
    scale: 8,
  });
}
