import type { Db } from '../../platform/db/connect.ts';
import { AppError, conflict, notFound } from '../../platform/http/errors.ts';
import type { Principal } from '../auth/permissions.ts';
import { workingCalendar } from '../calendar/calendar-store.ts';
import {
  enqueueNotifications,
  loadActionWithNoticeFacts,
  type PreloadedNoticeFacts,
  planNotice,
} from '../notify/enqueue.ts';
import { notificationKindOf } from '../notify/messages.ts';
import type { NotificationChannel } from '../notify/schema.ts';
import { interlinkRouteOf } from '../procedure-review/index.ts';
import { canSeeDossier } from './dossier-access.ts';
import { commitTransition, type DbOrTx, loadForAction, nextDossierCode } from './dossier-store.ts';
import type { Actor, DossierAction } from './lifecycle/actions.ts';
import type { DossierSnapshot } from './lifecycle/snapshot.ts';
import { type TransitionResult, transition } from './lifecycle/transition.ts';

export function actorOf(principal: Principal): Actor {
  return principal.kind === 'citizen'
    ? { kind: 'applicant', userId: principal.userId }
    : { kind: 'officer', userId: principal.userId, roles: principal.roles };
}

const refusalStatus = { ILLEGAL_STATE: 'CONFLICT', FORBIDDEN: 'FORBIDDEN', RULE: 'RULE' } as const;

export const staleDossier = () =>
  conflict('Hồ sơ vừa được người khác cập nhật. Vui lòng tải lại để xem trạng thái mới nhất.');

/**
 * Actions that write more than one statement (a receipt code drawn before the dossier). The applicant's notice
 * and the result document are written by the transition's own statement.
 */
function writesMore(action: DossierAction): boolean {
  return action.type === 'receive';
}

/** What an action runs with besides the dossier: the clock, the calendar, the notification channels. */
export interface ActionEnv {
  now: Date;
  calendar: Awaited<ReturnType<typeof workingCalendar>>;
  channels: ReadonlySet<NotificationChannel>;
}

/** A write that commits with the action or not at all (the Idempotency-Key's stored answer). */
export type AlsoWrite<T = DossierSnapshot> = (tx: DbOrTx, result: T) => Promise<void>;

export const noChannels: ReadonlySet<NotificationChannel> = new Set();

/** The state machine's answer to an action, or the refusal as an HTTP error. */
export function runTransition(
  snapshot: DossierSnapshot,
  action: DossierAction,
  actor: Actor,
  env: ActionEnv,
): Extract<TransitionResult, { ok: true }> {
  const result = transition(snapshot, action, actor, env.now, env.calendar);
  if (!result.ok) throw new AppError(refusalStatus[result.code], result.message);
  return result;
}

/** The applicant's notification of a saved event (in-app message and outbox deliveries), in the event's transaction. */
export async function notifyApplicant(
  tx: DbOrTx,
  ownerUnitId: string,
  eventId: number,
  action: DossierAction,
  snapshot: DossierSnapshot,
  actor: Actor,
  env: ActionEnv,
): Promise<void> {
  await enqueueNotifications(tx, {
    ownerUnitId,
    eventId,
    action: action.type,
    snapshot,
    actorUserId: actor.userId,
    now: env.now,
    channels: env.channels,
  });
}

/**
 * Runs one action of the state machine on a stored snapshot: the snapshot is saved with its event in one
 * statement if nobody changed the dossier since `snapshot` was read (optimistic, no row lock). Actions that
 * write more (`writesMore`) must run inside the caller's transaction: the receipt code is drawn there, so a
 * failed receipt consumes no number.
 */
export async function applyAction(
  tx: DbOrTx,
  ownerUnitId: string,
  snapshot: DossierSnapshot,
  action: DossierAction,
  actor: Actor,
  env: ActionEnv,
  /** The notice's facts read with the dossier (`loadActionWithNoticeFacts`), if they were. */
  preloaded?: PreloadedNoticeFacts,
): Promise<DossierSnapshot> {
  const effective =
    action.type === 'receive'
      ? { ...action, dossierCode: await nextDossierCode(tx, snapshot.receivingAgencyId, env.now) }
      : action;
  const result = runTransition(snapshot, effective, actor, env);
  // The applicant's notification is written by the event's own statement: it commits with the event, or not at all.
  const notice = await planNotice(
    tx,
    {
      ownerUnitId,
      action: effective.type,
      snapshot: result.snapshot,
      actorUserId: actor.userId,
      now: env.now,
      channels: env.channels,
    },
    preloaded,
  );
  // The digitised result is a document of the dossier like any other, written by the same statement.
  const resultDocument =
    effective.type === 'issue_result'
      ? { name: 'Kết quả giải quyết thủ tục hành chính', fileSha256: effective.resultFileId }
      : null;
  const eventId = await commitTransition(
    tx,
    ownerUnitId,
    snapshot.version,
    result.snapshot,
    result.event,
    notice,
    resultDocument,
  );
  if (eventId === null) throw staleDossier();
  return result.snapshot;
}

/**
 * An officer's or applicant's action on a dossier, with optimistic concurrency on `version`: one read and one
 * write statement for most actions (the transition throughput depends on round trips).
 */
export async function actOnDossier(
  db: Db,
  principal: Principal,
  dossierId: string,
  version: number,
  action: DossierAction,
  options: { now?: Date; channels?: ReadonlySet<NotificationChannel>; alsoWrite?: AlsoWrite } = {},
): Promise<DossierSnapshot> {
  const env: ActionEnv = {
    now: options.now ?? new Date(),
    calendar: await workingCalendar(db),
    channels: options.channels ?? noChannels,
  };
  // An action that tells the applicant reads the notice's facts with the dossier: one round trip for both.
  const withFacts = notificationKindOf(action.type)
    ? await loadActionWithNoticeFacts(db, dossierId, principal.userId)
    : undefined;
  const row = withFacts ? withFacts.action : await loadForAction(db, dossierId);
  if (!row || !canSeeDossier(principal, row.snapshot)) throw notFound('Không tìm thấy hồ sơ.');
  if (row.version !== version) throw staleDossier();
  if (action.type === 'transfer') await checkInterlinkRoute(db, row.procedureId, action.toAgencyId);
  const actor = actorOf(principal);
  const run = (q: DbOrTx) =>
    applyAction(q, row.ownerUnitId, row.snapshot, action, actor, env, withFacts?.preloaded);
  const { alsoWrite } = options;
  if (alsoWrite)
    return db.transaction(async (tx) => {
      const s = await run(tx);
      await alsoWrite(tx, s);
      return s;
    });
  return writesMore(action) ? db.transaction(run) : run(db);
}

/** A procedure on the interlinked list (procedure-review) is transferred only to the agencies the list names. */
async function checkInterlinkRoute(db: Db, procedureId: string, toAgencyId: string): Promise<void> {
  const route = await interlinkRouteOf(db, procedureId);
  if (route && !route.agencies.some((a) => a.id === toAgencyId))
    throw new AppError(
      'RULE',
      `Thủ tục này thuộc danh mục thủ tục liên thông: chỉ chuyển hồ sơ đến ${route.agencies
        .map((a) => a.name)
        .join(' → ')}.`,
    );
}
