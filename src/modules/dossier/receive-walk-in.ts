import { randomUUID } from 'node:crypto';
import { and, eq } from 'drizzle-orm';
import type { Db } from '../../platform/db/connect.ts';
import { forbidden, invalid, notFound } from '../../platform/http/errors.ts';
import { citizenIdProblem, normalizePhone } from '../auth/identifiers.ts';
import type { Principal } from '../auth/permissions.ts';
import { workingCalendar } from '../calendar/calendar-store.ts';
import { procedureAgencies, procedures } from '../catalog/schema.ts';
import type { NotificationChannel } from '../notify/schema.ts';
import { agencies } from '../org/schema.ts';
import { type ActionEnv, type AlsoWrite, actorOf, applyAction, noChannels } from './act-on-dossier.ts';
import type { IntakeBody } from './dossier.types.ts';
import { columnsOf } from './dossier-store.ts';
import { type DossierSnapshot, newDossier, type StatutoryTime } from './lifecycle/snapshot.ts';
import { dossierDocuments, dossiers } from './schema.ts';
import { newTrackingCheck } from './tracking-check.ts';

type ProcedureRow = typeof procedures.$inferSelect;
export interface WalkIn {
  snapshot: DossierSnapshot;
  statutoryAssumed: boolean;
}

/**
 * The statutory time as the lifecycle counts it. Units the catalog left unconfirmed (none, calendar "Ngày",
 * plain hours) are counted as working days/hours — the same assumption as the default internal process — and
 * reported as assumed, so the desk sees it and the administrator's review list still holds the flag.
 */
export function statutoryOf(p: Pick<ProcedureRow, 'processingTimeValue' | 'processingTimeUnit'>): {
  statutory: StatutoryTime;
  assumed: boolean;
} | null {
  const value = p.processingTimeValue;
  if (value === null) return null;
  const assumed = p.processingTimeUnit !== 'working_days' && p.processingTimeUnit !== 'working_hours';
  if (p.processingTimeUnit === 'working_hours' || p.processingTimeUnit === 'hours') {
    return {
      // 0 hours is a same-day procedure, which the lifecycle counts as 0 working days.
      statutory: { value, unit: value === 0 ? 'working_days' : 'working_hours' },
      assumed,
    };
  }
  return Number.isInteger(value)
    ? { statutory: { value, unit: 'working_days' }, assumed }
    : { statutory: { value: value * 8, unit: 'working_hours' }, assumed };
}

/** The agency of the receiving unit that carries the procedure out (a ward's committee or police). */
async function defaultCompetentAgency(
  db: Db,
  procedureId: string,
  unitId: string,
): Promise<string | undefined> {
  const [row] = await db
    .select({ id: agencies.id })
    .from(procedureAgencies)
    .innerJoin(agencies, eq(agencies.id, procedureAgencies.agencyId))
    .where(and(eq(procedureAgencies.procedureId, procedureId), eq(agencies.unitId, unitId)))
    .limit(1);
  return row?.id;
}

/**
 * A walk-in (or postal) dossier at a one-stop desk: created, submitted on the applicant's behalf and either
 * received with a receipt at once or answered with a supplement request — all in one transaction.
 */
export async function receiveWalkIn(
  db: Db,
  principal: Principal,
  input: IntakeBody,
  options: { now?: Date; channels?: ReadonlySet<NotificationChannel>; alsoWrite?: AlsoWrite<WalkIn> } = {},
) {
  const now = options.now ?? new Date();
  const desk = principal.roles.find(
    (r) => r.role === 'desk_officer' && r.agencyId === input.receivingAgencyId,
  );
  if (!desk) throw forbidden('Bạn không phải cán bộ một cửa của cơ quan tiếp nhận này.');
  const [procedure] = await db.select().from(procedures).where(eq(procedures.code, input.procedureCode));
  if (!procedure?.published) throw notFound(`Không tìm thấy thủ tục có mã ${input.procedureCode}.`);
  const time = statutoryOf(procedure);
  if (!time) {
    throw invalid(
      'procedureCode',
      'Thủ tục chưa có thời hạn giải quyết; quản trị viên cần cập nhật trước khi tiếp nhận.',
    );
  }
  const [receiving] = await db.select().from(agencies).where(eq(agencies.id, input.receivingAgencyId));
  if (!receiving) throw notFound('Không tìm thấy cơ quan tiếp nhận.');
  const competentAgencyId =
    input.competentAgencyId ??
    (await defaultCompetentAgency(db, procedure.id, receiving.unitId)) ??
    receiving.parentAgencyId;
  if (!competentAgencyId)
    throw invalid('competentAgencyId', 'Vui lòng chọn cơ quan có thẩm quyền giải quyết.');
  // Only an agency the desk chose needs checking: the defaults come from the database.
  if (input.competentAgencyId) {
    const known = await db
      .select({ id: agencies.id })
      .from(agencies)
      .where(eq(agencies.id, competentAgencyId));
    if (known.length === 0) throw invalid('competentAgencyId', 'Không tìm thấy cơ quan giải quyết.');
  }

  const applicant = input.applicant;
  const phone = applicant.phone ? normalizePhone(applicant.phone) : null;
  if (applicant.phone && !phone) throw invalid('applicant.phone', 'Số điện thoại không hợp lệ.');
  const idProblem = applicant.citizenId ? citizenIdProblem(applicant.citizenId, now) : null;
  if (idProblem) throw invalid('applicant.citizenId', idProblem);
  if (!input.complete && !input.supplementReasons?.length) {
    throw invalid(
      'supplementReasons',
      'Hồ sơ chưa đầy đủ: vui lòng ghi rõ nội dung cần bổ sung, hoàn thiện.',
    );
  }

  const id = randomUUID();
  const draft = newDossier({
    id,
    procedureCode: procedure.code,
    // Walk-in applicants may have no account: the desk acts for them at the counter.
    applicantUserId: `counter:${id}`,
    channel: input.channel,
    receivingAgencyId: receiving.id,
    competentAgencyId,
    assistingAgencyId: receiving.id,
    statutory: time.statutory,
    process: procedure.internalProcess,
    createdAt: now,
  });
  const env: ActionEnv = {
    now,
    calendar: await workingCalendar(db),
    channels: options.channels ?? noChannels,
  };
  const actor = actorOf(principal);
  return db.transaction(async (tx) => {
    await tx.insert(dossiers).values({
      ownerUnitId: receiving.unitId,
      id,
      procedureId: procedure.id,
      procedureCode: procedure.code,
      procedureName: procedure.name,
      field: procedure.field,
      receivingAgencyId: receiving.id,
      competentAgencyId,
      assistingAgencyId: receiving.id,
      applicantKind: applicant.kind,
      applicantName: applicant.fullName,
      applicantCitizenId: applicant.citizenId || null,
      applicantPhone: phone,
      applicantEmail: applicant.email ? applicant.email.toLowerCase() : null,
      applicantAddress: applicant.address || null,
      feeAmountVnd: input.feeAmountVnd ?? procedure.feeAmountVnd,
      trackingCheck: newTrackingCheck(),
      ...columnsOf(draft),
    });
    if (input.documents.length) {
      await tx.insert(dossierDocuments).values(
        input.documents.map((d) => ({
          ownerUnitId: receiving.unitId,
          dossierId: id,
          kind: 'submitted',
          ...d,
        })),
      );
    }
    let snapshot = await applyAction(tx, receiving.unitId, draft, { type: 'submit' }, actor, env);
    snapshot = await applyAction(
      tx,
      receiving.unitId,
      snapshot,
      input.complete
        ? { type: 'receive', dossierCode: '' }
        : { type: 'request_intake_supplement', reasons: input.supplementReasons ?? [] },
      actor,
      env,
    );
    const received: WalkIn = { snapshot, statutoryAssumed: time.assumed };
    if (options.alsoWrite) await options.alsoWrite(tx, received);
    return received;
  });
}
