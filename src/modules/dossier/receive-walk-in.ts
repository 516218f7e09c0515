import { randomUUID } from 'node:crypto';
import { sql } from 'drizzle-orm';
import { alias } from 'drizzle-orm/pg-core';
import type { Db } from '../../platform/db/connect.ts';
import { preparedStatement } from '../../platform/db/prepared.ts';
import { forbidden, invalid, notFound } from '../../platform/http/errors.ts';
import { citizenIdProblem, normalizePhone } from '../auth/identifiers.ts';
import type { Principal } from '../auth/permissions.ts';
import { users } from '../auth/schema.ts';
import { workingCalendar } from '../calendar/calendar-store.ts';
import { procedureAgencies, procedures } from '../catalog/schema.ts';
import { prepareNewDossierNotice } from '../notify/enqueue.ts';
import type { NotificationChannel } from '../notify/schema.ts';
import { agencies } from '../org/schema.ts';
import { type ActionEnv, type AlsoWrite, actorOf, noChannels, runTransition } from './act-on-dossier.ts';
import type { IntakeBody } from './dossier.types.ts';
import {
  applicantColumns,
  columnsOf,
  insertNewDossier,
  nextDossierCode,
  procedureColumns,
} from './dossier-store.ts';
import type { DossierAction } from './lifecycle/actions.ts';
import {
  type DossierSnapshot,
  holdingAgencyId,
  newDossier,
  type StatutoryTime,
} from './lifecycle/snapshot.ts';

type ProcedureRow = typeof procedures.$inferSelect;

/** Stands for the receipt code where the code changes nothing (where the dossier is held; a supplement request). */
const PROVISIONAL_CODE = 'chua-cap-ma';
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

/** What an intake reads before writing: the procedure, the receiving agency, the competent agency's default. */
interface IntakeFacts {
  procedureId: string | null;
  procedureCode: string;
  procedureName: string;
  field: string;
  published: boolean | null;
  processingTimeValue: number | null;
  processingTimeUnit: ProcedureRow['processingTimeUnit'];
  internalProcess: ProcedureRow['internalProcess'];
  feeAmountVnd: number | null;
  receivingId: string | null;
  receivingUnitId: string;
  receivingParentId: string | null;
  /** The agency of the receiving unit that carries the procedure out (a ward's committee or police). */
  defaultCompetentId: string | null;
  /** Whether the competent agency the desk chose exists. */
  competentKnown: boolean;
  /** For the receipt's notice: the names of the agencies that may hold the dossier, and of the desk officer. */
  receivingName: string | null;
  receivingAddress: string | null;
  agencyNames: Record<string, string> | null;
  officerName: string | null;
}

const receiving = alias(agencies, 'receiving');
const competent = alias(agencies, 'competent');
const chosen = alias(agencies, 'chosen');

/** One round trip for everything an intake checks before its transaction (drizzle renders an alias by name only). */
const intakeFactsStatement = preparedStatement<IntakeFacts>('dossier_intake_facts', () => {
  const p = procedures;
  return sql`select ${p.id} as "procedureId", ${p.code} as "procedureCode", ${p.name} as "procedureName",
      ${p.field} as "field", ${p.published} as "published", ${p.processingTimeValue} as "processingTimeValue",
      ${p.processingTimeUnit} as "processingTimeUnit", ${p.internalProcess} as "internalProcess",
      ${p.feeAmountVnd} as "feeAmountVnd", ${receiving.id} as "receivingId",
      ${receiving.unitId} as "receivingUnitId", ${receiving.parentAgencyId} as "receivingParentId",
      (select ${competent.id} from ${procedureAgencies} join ${agencies} as ${sql.identifier('competent')} on ${competent.id} = ${procedureAgencies.agencyId}
        where ${procedureAgencies.procedureId} = ${p.id} and ${competent.unitId} = ${receiving.unitId} limit 1)
        as "defaultCompetentId",
      exists (select 1 from ${agencies} as ${sql.identifier('chosen')} where ${chosen.id} = ${sql.placeholder('competentAgencyId')}::uuid) as "competentKnown",
      ${receiving.name} as "receivingName", ${receiving.address} as "receivingAddress",
      (select json_object_agg(a.id, a.name) from ${agencies} a where a.id = ${receiving.id}
        or a.id = ${receiving.parentAgencyId} or a.id = ${sql.placeholder('competentAgencyId')}::uuid
        or a.id in (select ${procedureAgencies.agencyId} from ${procedureAgencies} where ${procedureAgencies.procedureId} = ${p.id}))
        as "agencyNames",
      (select u.full_name from ${users} u where u.id = ${sql.placeholder('officerId')}::uuid) as "officerName"
    from (select 1) as one
    left join ${p} on ${p.code} = ${sql.placeholder('procedureCode')}
    left join ${agencies} as ${sql.identifier('receiving')} on ${receiving.id} = ${sql.placeholder('receivingAgencyId')}::uuid`;
});

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
  const [facts] = await intakeFactsStatement(db, {
    procedureCode: input.procedureCode,
    receivingAgencyId: input.receivingAgencyId,
    competentAgencyId: input.competentAgencyId ?? null,
    officerId: principal.userId,
  });
  if (!facts?.procedureId || !facts.published)
    throw notFound(`Không tìm thấy thủ tục có mã ${input.procedureCode}.`);
  const procedure = { ...facts, id: facts.procedureId, code: facts.procedureCode, name: facts.procedureName };
  const time = statutoryOf(procedure);
  if (!time) {
    throw invalid(
      'procedureCode',
      'Thủ tục chưa có thời hạn giải quyết; quản trị viên cần cập nhật trước khi tiếp nhận.',
    );
  }
  if (!facts.receivingId) throw notFound('Không tìm thấy cơ quan tiếp nhận.');
  const receiving = { id: facts.receivingId, unitId: facts.receivingUnitId };
  const competentAgencyId = input.competentAgencyId ?? facts.defaultCompetentId ?? facts.receivingParentId;
  if (!competentAgencyId)
    throw invalid('competentAgencyId', 'Vui lòng chọn cơ quan có thẩm quyền giải quyết.');
  // Only an agency the desk chose needs checking: the defaults come from the database.
  if (input.competentAgencyId && !facts.competentKnown)
    throw invalid('competentAgencyId', 'Không tìm thấy cơ quan giải quyết.');

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
  // Submit and receipt (or the supplement request) are worked out before the transaction opens; inside it, the
  // receipt code is drawn (a failed intake consumes no number), then the dossier is written already past both
  // transitions, with its documents and both events, in one statement.
  const submitted = runTransition(draft, { type: 'submit' }, actor, env);
  // The notice's facts come with the first read (or are read here, before the transaction), so the receipt code's
  // counter row is locked only for the code, the one statement that writes everything, and the commit. Where the
  // dossier will be held does not depend on its code: the receipt is worked out once without it to know.
  const secondOf = (dossierCode: string): DossierAction =>
    input.complete
      ? { type: 'receive', dossierCode }
      : { type: 'request_intake_supplement', reasons: input.supplementReasons ?? [] };
  const provisional = runTransition(submitted.snapshot, secondOf(PROVISIONAL_CODE), actor, env);
  const applicantRow = applicantColumns(applicant);
  const notices = await prepareNewDossierNotice(
    db,
    {
      ownerUnitId: receiving.unitId,
      receivingAgencyId: receiving.id,
      holdingAgencyId: holdingAgencyId(provisional.snapshot),
      actorUserId: actor.userId,
      now,
      channels: env.channels,
    },
    {
      procedureName: procedure.name,
      applicantEmail: applicantRow.applicantEmail,
      applicantPhone: applicantRow.applicantPhone,
    },
    facts.receivingName
      ? {
          receivingName: facts.receivingName,
          receivingAddress: facts.receivingAddress,
          agencyNames: facts.agencyNames ?? {},
          officerName: facts.officerName,
        }
      : undefined,
  );
  return db.transaction(async (tx) => {
    const second = secondOf(input.complete ? await nextDossierCode(tx, receiving.id, now) : PROVISIONAL_CODE);
    const taken = runTransition(submitted.snapshot, second, actor, env);
    const notice = await notices.build(second.type, taken.snapshot);
    const eventIds = await insertNewDossier(
      tx,
      {
        ownerUnitId: receiving.unitId,
        id,
        ...procedureColumns(procedure),
        receivingAgencyId: receiving.id,
        competentAgencyId,
        assistingAgencyId: receiving.id,
        ...applicantRow,
        feeAmountVnd: input.feeAmountVnd ?? procedure.feeAmountVnd,
        ...columnsOf(taken.snapshot),
      },
      input.documents.map((d) => ({ ownerUnitId: receiving.unitId, dossierId: id, kind: 'submitted', ...d })),
      [submitted.event, taken.event],
      // Submitting at the desk tells the applicant nothing; the receipt (or the supplement request) does.
      { action: second.type, notice, now },
    );
    if (eventIds.length !== 2) throw new Error('intake events not written');
    const received: WalkIn = { snapshot: taken.snapshot, statutoryAssumed: time.assumed };
    if (options.alsoWrite) await options.alsoWrite(tx, received);
    return received;
  });
}
