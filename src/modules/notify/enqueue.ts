// The transactional outbox: the message and its deliveries, written in the caller's transaction right after the
// dossier event, so a state change and its notification commit (or vanish) together.
import { randomUUID } from 'node:crypto';
import { sql } from 'drizzle-orm';
import { preparedStatement } from '../../platform/db/prepared.ts';
import { users } from '../auth/schema.ts';
import type { DbOrTx } from '../dossier/dossier-store.ts';
import { type DossierSnapshot, holdingAgencyId } from '../dossier/lifecycle/snapshot.ts';
import { dossiers } from '../dossier/schema.ts';
import { agencies } from '../org/schema.ts';
import { ratingLinkOf } from '../ratings/rating-settings.ts';
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

export interface EnqueueInput {
  ownerUnitId: string;
  /** The dossier event just written (its id makes the idempotency keys). */
  eventId: number;
  /** The event's action type; actions that tell the applicant nothing enqueue nothing. */
  action: string;
  /** The dossier after the transition. */
  snapshot: DossierSnapshot;
  actorUserId: string;
  now: Date;
  /** External channels this deployment has configured. */
  channels: ReadonlySet<NotificationChannel>;
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
}

/** Everything the message and the channel choice need, in one statement (prepared: it runs on every notice). */
const loadStatement = preparedStatement<Loaded>(
  'notify_dossier_facts',
  () => sql`
    select d.procedure_name, d.applicant_user_id, d.applicant_email, d.applicant_phone,
      ra.name as receiving_name, ra.address as receiving_address, ha.name as handling_name,
      o.full_name as officer_name, u.email as account_email, u.phone as account_phone,
      p.user_id is not null as has_preferences, p.email as pref_email, p.sms as pref_sms,
      p.zalo as pref_zalo, p.zalo_user_id
    from ${dossiers} d
    join ${agencies} ra on ra.id = d.receiving_agency_id
    left join ${agencies} ha on ha.id = ${sql.placeholder('holdingAgencyId')}::uuid
    left join ${users} o on o.id = ${sql.placeholder('officerId')}::uuid
    left join ${users} u on u.id = d.applicant_user_id
    left join ${notificationPreferences} p on p.user_id = d.applicant_user_id
    where d.owner_unit_id = ${sql.placeholder('ownerUnitId')} and d.id = ${sql.placeholder('dossierId')}`,
);

async function load(tx: DbOrTx, input: EnqueueInput): Promise<Loaded | undefined> {
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
 * Writes the in-app message and one pending delivery per external channel for a dossier event, inside the
 * caller's transaction (two statements). Returns null when the action tells the applicant nothing.
 * Idempotency key: `<event id>:<channel>`, unique per owner unit.
 */
export async function enqueueNotifications(tx: DbOrTx, input: EnqueueInput): Promise<Enqueued | null> {
  const kind = notificationKindOf(input.action);
  if (!kind) return null;
  const row = await load(tx, input);
  if (!row) throw new Error(`dossier ${input.snapshot.id} not found for its notification`);
  // A returned (or online-ready) result invites a rating through a signed link (modules/ratings).
  const ratingUrl = invitesRating(kind, input.snapshot.channel)
    ? await ratingLinkOf(tx, input.snapshot.id)
    : null;
  const message = buildMessage({
    ...factsOf(kind, input.snapshot, {
      procedureName: row.procedure_name,
      receivingAgencyName: row.receiving_name,
      receivingAgencyAddress: row.receiving_address,
      handlingAgencyName: row.handling_name,
      officerName: row.officer_name,
    }),
    ratingUrl,
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
  const notificationId = randomUUID();
  await writeOutbox(tx, {
    ownerUnitId: input.ownerUnitId,
    notificationId,
    userId: row.applicant_user_id,
    dossierId: input.snapshot.id,
    eventId: input.eventId,
    message,
    deliveries,
    now: input.now,
  });
  return { notificationId, message, deliveries };
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
