// The transactional outbox: the message and its deliveries, written in the caller's transaction right after the
// dossier event, so a state change and its notification commit (or vanish) together.
import { randomUUID } from 'node:crypto';
import { type SQL, sql } from 'drizzle-orm';
import { loadPublicLinkConfig } from '../../platform/config.ts';
import { preparedStatement } from '../../platform/db/prepared.ts';
import { users } from '../auth/schema.ts';
import type { DbOrTx } from '../dossier/dossier-store.ts';
import { type DossierSnapshot, holdingAgencyId } from '../dossier/lifecycle/snapshot.ts';
import { dossiers } from '../dossier/schema.ts';
import { agencies } from '../org/schema.ts';
import { ratingUrl } from '../ratings/rating-link.ts';
import { linkSecretOf, RATING_SETTINGS_ID } from '../ratings/rating-settings.ts';
import { ratingSettings } from '../ratings/schema.ts';
import { type ChannelChoice, chooseDeliveries, type PlannedDelivery } from './channels.ts';
import { factsOf } from './message-facts.ts';
import { buildMessage, invitesRating, type NotificationMessage, notificationKindOf } from './messages.ts';
import {
  type NotificationChannel,
  type NotificationSubject,
  notificationDeliveries,
  notificationPreferences,
  notifications,
} from './schema.ts';

export interface NoticeInput {
  ownerUnitId: string;
  /** The event's action type; actions that tell the applicant nothing enqueue nothing. */
  action: string;
  /** The dossier after the transition. */
  snapshot: DossierSnapshot;
  actorUserId: string;
  now: Date;
  /** External channels this deployment has configured. */
  channels: ReadonlySet<NotificationChannel>;
}

export interface EnqueueInput extends NoticeInput {
  /** The dossier event just written (its id makes the idempotency keys). */
  eventId: number;
}

/** A dossier event's notice, planned before it is written: the message and where it goes. */
export interface PlannedNotice {
  notificationId: string;
  userId: string | null;
  message: NotificationMessage;
  deliveries: PlannedDelivery[];
}

export interface Enqueued {
  notificationId: string;
  message: NotificationMessage;
  deliveries: PlannedDelivery[];
}

const uuidPattern = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;

interface Loaded {
  procedure_name: string;
  applicant_user_id: string | null;
  applicant_email: string | null;
  applicant_phone: string | null;
  receiving_name: string;
  receiving_address: string | null;
  handling_name: string | null;
  officer_name: string | null;
  account_email: string | null;
  account_phone: string | null;
  has_preferences: boolean;
  pref_email: boolean | null;
  pref_sms: boolean | null;
  pref_zalo: boolean | null;
  zalo_user_id: string | null;
  /** The rating links' secret kept in the database (null until the settings row is first made). */
  rating_link_secret: string | null;
}

/**
 * The facts of dossier `d` every notice needs but the holding agency's name (`Loaded` without `handling_name`):
 * its columns, the receiving agency, the acting officer (`officerId`), the applicant's account and channel
 * choice, and the rating links' secret. `ra`, `o`, `u`, `p` and `rs` are taken as aliases.
 */
const dossierFactsColumns = () => sql`d.procedure_name, d.applicant_user_id, d.applicant_email,
      d.applicant_phone, ra.name as receiving_name, ra.address as receiving_address,
      o.full_name as officer_name, u.email as account_email, u.phone as account_phone,
      p.user_id is not null as has_preferences, p.email as pref_email, p.sms as pref_sms,
      p.zalo as pref_zalo, p.zalo_user_id, rs.link_secret as rating_link_secret`;
const dossierFactsJoins = () => sql`join ${agencies} ra on ra.id = d.receiving_agency_id
    left join ${users} o on o.id = ${sql.placeholder('officerId')}::uuid
    left join ${users} u on u.id = d.applicant_user_id
    left join ${notificationPreferences} p on p.user_id = d.applicant_user_id
    left join ${ratingSettings} rs on rs.id = ${sql.raw(String(RATING_SETTINGS_ID))}`;

/** Everything the message and the channel choice need, in one statement (prepared: it runs on every notice). */
const loadStatement = preparedStatement<Loaded>(
  'notify_dossier_facts',
  () => sql`
    select ${dossierFactsColumns()}, ha.name as handling_name
    from ${dossiers} d
    ${dossierFactsJoins()}
    left join ${agencies} ha on ha.id = ${sql.placeholder('holdingAgencyId')}::uuid
    where d.owner_unit_id = ${sql.placeholder('ownerUnitId')} and d.id = ${sql.placeholder('dossierId')}`,
);

async function load(tx: DbOrTx, input: NoticeInput): Promise<Loaded | undefined> {
  const s = input.snapshot;
  const [row] = await loadStatement(tx, {
    holdingAgencyId: holdingAgencyId(s),
    // System actors (`system:…`) have no user row.
    officerId: uuidPattern.test(input.actorUserId) ? input.actorUserId : null,
    ownerUnitId: input.ownerUnitId,
    dossierId: s.id,
  });
  return row;
}

/**
 * A dossier's notice facts read before an action on it, in the action's own read (`loadActionWithNoticeFacts`):
 * everything but the holding agency's name, which the action may change — the names of the agencies that may
 * hold it afterwards (the one holding it now, the competent one, the receiving one) come with it.
 */
export interface PreloadedNoticeFacts {
  facts: Omit<Loaded, 'handling_name'>;
  agencyNames: ReadonlyMap<string, string>;
}

interface ActionWithFactsRow extends Omit<Loaded, 'handling_name'> {
  ownerUnitId: string;
  procedureId: string;
  version: number;
  snapshot: DossierSnapshot;
  receiving_agency_id: string;
  current_agency_id: string | null;
  current_name: string | null;
  competent_agency_id: string;
  competent_name: string | null;
}

/** The action's read (as dossier-store's `loadForAction`) and the notice's facts, in one statement. */
const actionWithFactsStatement = preparedStatement<ActionWithFactsRow>(
  'dossier_load_for_action_with_notice_facts',
  () => sql`
    select d.owner_unit_id as "ownerUnitId", d.procedure_id as "procedureId", d.version as "version",
      d.snapshot as "snapshot", ${dossierFactsColumns()}, d.receiving_agency_id,
      d.current_agency_id, cur.name as current_name, d.competent_agency_id, cpa.name as competent_name
    from ${dossiers} d
    ${dossierFactsJoins()}
    left join ${agencies} cur on cur.id = d.current_agency_id
    left join ${agencies} cpa on cpa.id = d.competent_agency_id
    where d.id = ${sql.placeholder('id')}`,
);

/** An action's read of its dossier with its notice's facts (for actions that notify): one round trip for both. */
export async function loadActionWithNoticeFacts(tx: DbOrTx, dossierId: string, actorUserId: string) {
  const [row] = await actionWithFactsStatement(tx, {
    id: dossierId,
    officerId: uuidPattern.test(actorUserId) ? actorUserId : null,
  });
  if (!row) return undefined;
  const {
    ownerUnitId,
    procedureId,
    version,
    snapshot,
    receiving_agency_id,
    current_agency_id,
    current_name,
    competent_agency_id,
    competent_name,
    ...facts
  } = row;
  const agencyNames = new Map<string, string>([[receiving_agency_id, facts.receiving_name]]);
  if (current_agency_id && current_name) agencyNames.set(current_agency_id, current_name);
  if (competent_name) agencyNames.set(competent_agency_id, competent_name);
  const preloaded: PreloadedNoticeFacts = { facts, agencyNames };
  return { action: { ownerUnitId, procedureId, version, snapshot }, preloaded };
}

/**
 * The notice a dossier event gives the applicant (facts read in one prepared statement, or `preloaded` with the
 * action's read, the message built, the channels chosen), or null when the action tells the applicant nothing.
 * Nothing is written: `writeOutbox`, or the transition's own statement (`noticeCtes`), writes it with the event.
 */
export async function planNotice(
  tx: DbOrTx,
  input: NoticeInput,
  preloaded?: PreloadedNoticeFacts,
): Promise<PlannedNotice | null> {
  if (!notificationKindOf(input.action)) return null;
  const holdingName = preloaded?.agencyNames.get(holdingAgencyId(input.snapshot));
  if (preloaded && holdingName)
    return noticeFrom(tx, input, { ...preloaded.facts, handling_name: holdingName });
  const row = await load(tx, input);
  if (!row) throw new Error(`dossier ${input.snapshot.id} not found for its notification`);
  return noticeFrom(tx, input, row);
}

/** The facts of a dossier not written yet (an intake's): the agencies and the officer, by id. */
const newDossierFactsStatement = preparedStatement<
  Pick<Loaded, 'receiving_name' | 'receiving_address' | 'handling_name' | 'officer_name'>
>(
  'notify_new_dossier_facts',
  () => sql`
    select ra.name as receiving_name, ra.address as receiving_address, ha.name as handling_name,
      o.full_name as officer_name
    from (select 1) as one
    left join ${agencies} ra on ra.id = ${sql.placeholder('receivingAgencyId')}::uuid
    left join ${agencies} ha on ha.id = ${sql.placeholder('holdingAgencyId')}::uuid
    left join ${users} o on o.id = ${sql.placeholder('officerId')}::uuid`,
);

/** What a new dossier's notice needs of the dossier itself (it is not in the table yet). */
export interface NewDossierFacts {
  procedureName: string;
  applicantEmail: string | null;
  applicantPhone: string | null;
}

/**
 * The notice of a walk-in intake's receipt, planned before the dossier exists so that the receipt code's counter
 * is held for as short a time as possible: the agencies and officer are read here, before the transaction,
 * unless the caller `known` them already; `build` then makes the notice from the snapshot with its code, without
 * another read.
 */
export async function prepareNewDossierNotice(
  tx: DbOrTx,
  input: Omit<NoticeInput, 'action' | 'snapshot'> & { receivingAgencyId: string; holdingAgencyId: string },
  dossier: NewDossierFacts,
  /** The agencies' and officer's names when the caller read them already (the intake's first read). */
  known?: {
    receivingName: string;
    receivingAddress: string | null;
    agencyNames: Readonly<Record<string, string>>;
    officerName: string | null;
  },
) {
  const handlingName = known?.agencyNames[input.holdingAgencyId];
  const [facts] =
    known && handlingName
      ? [
          {
            receiving_name: known.receivingName,
            receiving_address: known.receivingAddress,
            handling_name: handlingName,
            officer_name: known.officerName,
          },
        ]
      : await newDossierFactsStatement(tx, {
          receivingAgencyId: input.receivingAgencyId,
          holdingAgencyId: input.holdingAgencyId,
          officerId: uuidPattern.test(input.actorUserId) ? input.actorUserId : null,
        });
  if (!facts?.receiving_name) throw new Error(`agency ${input.receivingAgencyId} not found for the notice`);
  const row: Loaded = {
    ...facts,
    receiving_name: facts.receiving_name,
    procedure_name: dossier.procedureName,
    // Walk-in applicants have no account: the desk acts for them.
    applicant_user_id: null,
    applicant_email: dossier.applicantEmail,
    applicant_phone: dossier.applicantPhone,
    account_email: null,
    account_phone: null,
    has_preferences: false,
    pref_email: null,
    pref_sms: null,
    pref_zalo: null,
    zalo_user_id: null,
    rating_link_secret: null,
  };
  return {
    /** The notice of `action` on `snapshot`; null when the action tells the applicant nothing. */
    build: async (action: string, snapshot: DossierSnapshot): Promise<PlannedNotice | null> => {
      if (!notificationKindOf(action)) return null;
      if (holdingAgencyId(snapshot) !== input.holdingAgencyId)
        throw new Error('prepareNewDossierNotice: the dossier is held by another agency than the one read');
      return noticeFrom(tx, { ...input, action, snapshot }, row);
    },
  };
}

/** The message and the deliveries of a notice, from its facts. */
async function noticeFrom(tx: DbOrTx, input: NoticeInput, row: Loaded): Promise<PlannedNotice | null> {
  const kind = notificationKindOf(input.action);
  if (!kind) return null;
  // A returned (or online-ready) result invites a rating through a signed link (modules/ratings).
  let ratingLink: string | null = null;
  if (invitesRating(kind, input.snapshot.channel)) {
    const links = loadPublicLinkConfig();
    const secret = links.linkSecret ?? row.rating_link_secret ?? (await linkSecretOf(tx, links));
    ratingLink = ratingUrl(links.publicBaseUrl, input.snapshot.id, secret);
  }
  const message = buildMessage({
    ...factsOf(kind, input.snapshot, {
      procedureName: row.procedure_name,
      receivingAgencyName: row.receiving_name,
      receivingAgencyAddress: row.receiving_address,
      handlingAgencyName: row.handling_name,
      officerName: row.officer_name,
    }),
    ratingUrl: ratingLink,
  });
  const preferences: ChannelChoice | null = row.has_preferences
    ? { email: !!row.pref_email, sms: !!row.pref_sms, zalo: !!row.pref_zalo, zaloUserId: row.zalo_user_id }
    : null;
  const deliveries = chooseDeliveries(
    {
      accountId: row.applicant_user_id,
      accountEmail: row.account_email,
      accountPhone: row.account_phone,
      dossierEmail: row.applicant_email,
      dossierPhone: row.applicant_phone,
      preferences,
    },
    input.channels,
  );
  return { notificationId: randomUUID(), userId: row.applicant_user_id, message, deliveries };
}

/**
 * Writes the in-app message and one pending delivery per external channel for a dossier event, inside the
 * caller's transaction (two statements). Returns null when the action tells the applicant nothing.
 * Idempotency key: `<event id>:<channel>`, unique per owner unit.
 */
export async function enqueueNotifications(tx: DbOrTx, input: EnqueueInput): Promise<Enqueued | null> {
  const notice = await planNotice(tx, input);
  if (!notice) return null;
  await writeOutbox(tx, {
    ownerUnitId: input.ownerUnitId,
    notificationId: notice.notificationId,
    userId: notice.userId,
    dossierId: input.snapshot.id,
    eventId: input.eventId,
    message: notice.message,
    deliveries: notice.deliveries,
    now: input.now,
  });
  return { notificationId: notice.notificationId, message: notice.message, deliveries: notice.deliveries };
}

/** What the outbox needs of a message: the in-app title and body, and the short unaccented SMS text. */
export interface OutboxMessage {
  kind: string;
  title: string;
  body: string;
  smsText: string;
}

export interface OutboxEntry {
  ownerUnitId: string;
  notificationId: string;
  userId: string | null;
  /** Dossier messages: the dossier and the event that caused the message. */
  dossierId: string | null;
  eventId: number | null;
  /** Other subjects (default `dossier`, with `dossierId` as its id). */
  subject?: { kind: NotificationSubject; id: string };
  /** Where the in-app message leads. */
  link?: string | null;
  /** The idempotency keys' prefix, unique per owner unit: `<event id>` by default (`<key>:<channel>`). */
  keyBase?: string;
  message: OutboxMessage;
  deliveries: PlannedDelivery[];
  now: Date;
}

export const idempotencyKeyOf = (eventId: number | string, channel: NotificationChannel) =>
  `${eventId}:${channel}`;

/** SMS carries the short unaccented text; Zalo the whole message (up to its 2,000 characters). */
function textFor(channel: NotificationChannel, message: OutboxMessage): string | undefined {
  if (channel === 'sms') return message.smsText;
  if (channel === 'zalo') return `${message.title}\n\n${message.body}`.slice(0, 2000);
  return undefined;
}

/** The message and its deliveries in one statement (a data-modifying CTE). */
export async function writeOutbox(tx: DbOrTx, e: OutboxEntry): Promise<void> {
  const keyBase = e.keyBase ?? (e.eventId === null ? null : String(e.eventId));
  if (keyBase === null) throw new Error('writeOutbox: a message without an event needs a keyBase');
  const insertMessage = tx.insert(notifications).values({
    ownerUnitId: e.ownerUnitId,
    id: e.notificationId,
    userId: e.userId,
    dossierId: e.dossierId,
    eventId: e.eventId,
    subjectKind: e.subject?.kind ?? 'dossier',
    subjectId: e.subject?.id ?? e.dossierId,
    link: e.link ?? null,
    kind: e.message.kind,
    title: e.message.title,
    body: e.message.body,
    createdAt: e.now,
  });
  if (e.deliveries.length === 0) {
    await insertMessage;
    return;
  }
  const insertDeliveries = tx
    .insert(notificationDeliveries)
    .values(
      e.deliveries.map((d) => {
        const text = textFor(d.channel, e.message);
        return {
          ownerUnitId: e.ownerUnitId,
          notificationId: e.notificationId,
          dossierId: e.dossierId,
          channel: d.channel,
          address: d.address,
          idempotencyKey: idempotencyKeyOf(keyBase, d.channel),
          ...(text ? { data: { text } } : {}),
        };
      }),
    )
    .onConflictDoNothing();
  await tx.execute(sql`with m as (${insertMessage.getSQL()}) ${insertDeliveries.getSQL()}`);
}

const column = (c: { name: string }) => sql.identifier(c.name);

/**
 * A planned notice written by the statement that writes its event: data-modifying CTEs over `events` (a CTE of
 * inserted `dossier_events` rows, `returning *`), so a transition and its notice are one statement and one
 * round trip, and the notice exists only if the event does. The idempotency keys take the event's id there.
 * Values are placeholders named `n_*` (`noticeValues`), or `values` given inline; a statement without a notice
 * leaves these CTEs out.
 */
export function noticeCtes(events: string, onlyAction?: SQL, values?: Record<string, unknown>): SQL[] {
  // Placeholders for a prepared statement, or the values themselves for a statement built once.
  const v = (name: string) => (values ? sql`${values[name]}` : sql.placeholder(name));
  const n = notifications;
  const d = notificationDeliveries;
  // An intake writes two events (submit and receipt): the notice belongs to the one named.
  const from = onlyAction
    ? sql`(select * from ${sql.raw(events)} where action = ${onlyAction}) as e`
    : sql`${sql.raw(events)} as e`;
  return [
    sql`notice_message as (insert into ${n} (${sql.join(
      [
        n.ownerUnitId,
        n.id,
        n.userId,
        n.dossierId,
        n.eventId,
        n.subjectKind,
        n.subjectId,
        n.kind,
        n.title,
        n.body,
        n.createdAt,
      ].map(column),
      sql`, `,
    )})
      select e.owner_unit_id, ${v('n_id')}::uuid, ${v('n_userId')}::uuid, e.dossier_id,
        e.id, 'dossier', e.dossier_id, ${v('n_kind')}::varchar, ${v('n_title')}::text,
        ${v('n_body')}::text, ${v('n_createdAt')}::timestamptz
      from ${from})`,
    sql`notice_deliveries as (insert into ${d} (${sql.join(
      [d.ownerUnitId, d.notificationId, d.dossierId, d.channel, d.address, d.idempotencyKey, d.data].map(
        column,
      ),
      sql`, `,
    )})
      select e.owner_unit_id, ${v('n_id')}::uuid, e.dossier_id, x.channel, x.address,
        e.id || ':' || x.channel, x.data
      from ${from}, jsonb_to_recordset(${v('n_deliveries')}::jsonb)
        as x(channel varchar, address varchar, data jsonb)
      on conflict do nothing)`,
  ];
}

/** The `n_*` values of `noticeCtes` for a planned notice. */
export function noticeValues(notice: PlannedNotice, now: Date): Record<string, unknown> {
  const deliveries = notice.deliveries.map((delivery) => {
    const text = textFor(delivery.channel, notice.message);
    return { channel: delivery.channel, address: delivery.address, data: text ? { text } : null };
  });
  return {
    n_id: notice.notificationId,
    n_userId: notice.userId,
    n_kind: notice.message.kind,
    n_title: notice.message.title,
    n_body: notice.message.body,
    n_createdAt: now.toISOString(),
    n_deliveries: JSON.stringify(deliveries),
  };
}
