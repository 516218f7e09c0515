// The deadline reminders job: for each open occurrence of an active plan, the reminder N days before its
// deadline and the overdue alert from the day after, to the lead agency's heads, leaders and reform focal point
// (and those of its successor agencies), plus the reform office's overdue digest — in-app always, email / SMS /
// Zalo as each officer chose, through modules/notify's outbox.
//
// Exactly once per occurrence × kind × recipient: each message's row in `reform_task_reminders` is inserted with
// `on conflict do nothing` in the same transaction as the message and its deliveries. A second process running
// the same day waits on the unique index and inserts nothing; a crash before the commit leaves nothing, and the
// next run writes it all; a crash after the commit leaves pending deliveries for the worker.
import { randomUUID } from 'node:crypto';
import { and, eq, gte, inArray, lte, sql } from 'drizzle-orm';
import { loadPublicLinkConfig } from '../../platform/config.ts';
import type { Db } from '../../platform/db/connect.ts';
import type { Role } from '../auth/schema.ts';
import { roleAssignments, users } from '../auth/schema.ts';
import type { DbOrTx } from '../dossier/dossier-store.ts';
import { chooseDeliveries } from '../notify/channels.ts';
import { writeOutbox } from '../notify/enqueue.ts';
import { type NotificationChannel, notificationPreferences } from '../notify/schema.ts';
import { agencies } from '../org/schema.ts';
import {
  overdueDigestText,
  type ReminderOccurrence,
  type ReminderText,
  reminderText,
} from './reminder-messages.ts';
import {
  defaultReminderSettings,
  dueDateWindow,
  type ReminderSettings,
  reminderDue,
} from './reminder-schedule.ts';
import { vietnamToday } from './schedule.ts';
import { reformPlans, reformTaskOccurrences, reformTaskReminders, reformTasks } from './schema.ts';
import { loadSuccession, type Succession } from './succession.ts';

/** Who in the lead agency is reminded: those who answer for the work and the agency's reform focal point. */
export const leadRecipientRoles: Role[] = ['head_of_office', 'signing_leader', 'reform_officer'];
/** Who in the plan's coordinating agency (the reform office, Phòng Nội vụ) gets the overdue digest. */
export const digestRecipientRoles: Role[] = ['reform_officer'];

export const boardPath = '/quan-tri/viec-cua-co-quan';
export const planPath = (planId: string) => `/quan-tri/ke-hoach-cchc/${planId}`;

export interface ReminderRunOptions {
  /** The moment the run is for (its Vietnam date decides what is due); default now. */
  now?: Date;
  settings?: ReminderSettings;
  /** External channels this deployment has configured (in-app is always written). */
  channels: ReadonlySet<NotificationChannel>;
  /** Base of the links put in emails and SMS (PUBLIC_BASE_URL). */
  publicBaseUrl?: string;
}

export interface ReminderRunResult {
  date: string;
  /** Occurrences looked at (open, in a reminder window, of an active plan). */
  occurrences: number;
  /** Messages written by this run (0 when another run already sent them). */
  messages: number;
  deliveries: number;
}

interface Officer {
  userId: string;
  agencyId: string;
  role: Role;
  email: string | null;
  phone: string | null;
  hasPreferences: boolean;
  prefEmail: boolean | null;
  prefSms: boolean | null;
  prefZalo: boolean | null;
  zaloUserId: string | null;
}

async function officersOf(db: Db, agencyIds: string[], roles: Role[]): Promise<Officer[]> {
  if (agencyIds.length === 0) return [];
  const rows = await db
    .select({
      userId: users.id,
      agencyId: sql<string>`${roleAssignments.agencyId}`,
      role: roleAssignments.role,
      email: users.email,
      phone: users.phone,
      hasPreferences: sql<boolean>`${notificationPreferences.userId} is not null`,
      prefEmail: notificationPreferences.email,
      prefSms: notificationPreferences.sms,
      prefZalo: notificationPreferences.zalo,
      zaloUserId: notificationPreferences.zaloUserId,
    })
    .from(roleAssignments)
    .innerJoin(users, eq(users.id, roleAssignments.userId))
    .leftJoin(notificationPreferences, eq(notificationPreferences.userId, users.id))
    .where(
      and(
        inArray(roleAssignments.agencyId, agencyIds),
        inArray(roleAssignments.role, roles),
        eq(users.active, true),
        eq(users.kind, 'officer'),
      ),
    );
  return rows;
}

/** One recipient per user (an officer with two roles in the agencies gets one message). */
function distinctUsers(officers: Officer[]): Officer[] {
  const byUser = new Map<string, Officer>();
  for (const o of officers) if (!byUser.has(o.userId)) byUser.set(o.userId, o);
  return [...byUser.values()].sort((a, b) => a.userId.localeCompare(b.userId));
}

function deliveriesFor(o: Officer, channels: ReadonlySet<NotificationChannel>) {
  return chooseDeliveries(
    {
      accountId: o.userId,
      accountEmail: o.email,
      accountPhone: o.phone,
      dossierEmail: null,
      dossierPhone: null,
      preferences: o.hasPreferences
        ? { email: !!o.prefEmail, sms: !!o.prefSms, zalo: !!o.prefZalo, zaloUserId: o.zaloUserId }
        : null,
    },
    channels,
  );
}

interface Planned {
  ownerUnitId: string;
  occurrenceIds: string[];
  ledgerKind: string;
  recipient: Officer;
  text: (occurrenceIds: string[]) => ReminderText;
  subject: { kind: 'reform_occurrence' | 'reform_plan'; id: string };
  link: string;
}

/**
 * Writes one message (and its ledger rows) in the caller's transaction, unless an earlier run already did: the
 * ledger rows that were new decide what the message says (a digest lists only the occurrences new to it).
 */
async function writeOnce(
  tx: DbOrTx,
  p: Planned,
  today: string,
  now: Date,
  channels: ReadonlySet<NotificationChannel>,
): Promise<{ messages: number; deliveries: number }> {
  const notificationId = randomUUID();
  const inserted = await tx
    .insert(reformTaskReminders)
    .values(
      p.occurrenceIds.map((occurrenceId) => ({
        ownerUnitId: p.ownerUnitId,
        occurrenceId,
        kind: p.ledgerKind,
        userId: p.recipient.userId,
        notificationId,
        forDate: today,
        createdAt: now,
      })),
    )
    .onConflictDoNothing()
    .returning({ id: reformTaskReminders.id, occurrenceId: reformTaskReminders.occurrenceId });
  if (inserted.length === 0) return { messages: 0, deliveries: 0 };
  const text = p.text(inserted.map((r) => r.occurrenceId));
  const deliveries = deliveriesFor(p.recipient, channels);
  await writeOutbox(tx, {
    ownerUnitId: p.ownerUnitId,
    notificationId,
    userId: p.recipient.userId,
    dossierId: null,
    eventId: null,
    subject: p.subject,
    link: p.link,
    keyBase: `reminder-${Math.min(...inserted.map((r) => r.id))}`,
    message: text,
    deliveries,
    now,
  });
  return { messages: 1, deliveries: deliveries.length };
}

interface OpenOccurrence extends ReminderOccurrence {
  ownerUnitId: string;
  id: string;
  planId: string;
  leadAgencyId: string;
  coordinatingAgencyId: string | null;
  status: 'not_started' | 'in_progress';
}

async function openOccurrences(db: Db, from: string, to: string): Promise<OpenOccurrence[]> {
  const o = reformTaskOccurrences;
  const rows = await db
    .select({
      ownerUnitId: o.ownerUnitId,
      id: o.id,
      planId: o.planId,
      leadAgencyId: o.leadAgencyId,
      periodKey: o.periodKey,
      dueDate: o.dueDate,
      status: o.status,
      percent: o.percent,
      description: reformTasks.description,
      planTitle: reformPlans.title,
      coordinatingAgencyId: reformPlans.coordinatingAgencyId,
      agencyName: agencies.name,
    })
    .from(o)
    .innerJoin(reformTasks, and(eq(reformTasks.ownerUnitId, o.ownerUnitId), eq(reformTasks.id, o.taskId)))
    .innerJoin(reformPlans, and(eq(reformPlans.ownerUnitId, o.ownerUnitId), eq(reformPlans.id, o.planId)))
    .innerJoin(agencies, eq(agencies.id, o.leadAgencyId))
    .where(
      and(
        eq(reformPlans.status, 'active'),
        inArray(o.status, ['not_started', 'in_progress']),
        gte(o.dueDate, from),
        lte(o.dueDate, to),
      ),
    )
    .orderBy(o.dueDate, o.id);
  return rows as OpenOccurrence[];
}

/** The lead agency and those that took over from it. */
const answeringAgencies = (succession: Succession, agencyId: string) => [
  agencyId,
  ...succession.successorsOf(agencyId),
];

/**
 * One run of the reminders for the Vietnam date of `now`: idempotent (a rerun, or a concurrent run in another
 * process, sends nothing twice). Tests and the admin endpoint call it directly; the app runs it on a timer.
 */
export async function runReformReminders(db: Db, options: ReminderRunOptions): Promise<ReminderRunResult> {
  const now = options.now ?? new Date();
  const settings = options.settings ?? defaultReminderSettings;
  const base = options.publicBaseUrl ?? loadPublicLinkConfig().publicBaseUrl;
  const today = vietnamToday(now);
  const window = dueDateWindow(today, settings);
  const candidates = await openOccurrences(db, window.from, window.to);
  const succession = await loadSuccession(db);
  const result: ReminderRunResult = { date: today, occurrences: 0, messages: 0, deliveries: 0 };
  const add = (r: { messages: number; deliveries: number }) => {
    result.messages += r.messages;
    result.deliveries += r.deliveries;
  };
  const overdueByPlan = new Map<string, OpenOccurrence[]>();

  for (const occurrence of candidates) {
    const due = reminderDue(occurrence, today, settings);
    if (!due) continue;
    result.occurrences++;
    if (due.kind === 'overdue') {
      const key = `${occurrence.ownerUnitId}/${occurrence.planId}`;
      overdueByPlan.set(key, [...(overdueByPlan.get(key) ?? []), occurrence]);
    }
    const recipients = distinctUsers(
      await officersOf(db, answeringAgencies(succession, occurrence.leadAgencyId), leadRecipientRoles),
    );
    if (recipients.length === 0) continue;
    const text = reminderText(occurrence, due, `${base}${boardPath}`, today);
    add(
      await db.transaction(async (tx) => {
        const sum = { messages: 0, deliveries: 0 };
        for (const recipient of recipients) {
          const r = await writeOnce(
            tx,
            {
              ownerUnitId: occurrence.ownerUnitId,
              occurrenceIds: [occurrence.id],
              ledgerKind: due.ledgerKind,
              recipient,
              text: () => text,
              subject: { kind: 'reform_occurrence', id: occurrence.id },
              link: boardPath,
            },
            today,
            now,
            options.channels,
          );
          sum.messages += r.messages;
          sum.deliveries += r.deliveries;
        }
        return sum;
      }),
    );
  }

  // The reform office's digest: per plan, the overdue occurrences not yet reported to each of its officers.
  for (const items of overdueByPlan.values()) {
    const first = items[0] as OpenOccurrence;
    if (!first.coordinatingAgencyId) continue;
    const recipients = distinctUsers(
      await officersOf(db, answeringAgencies(succession, first.coordinatingAgencyId), digestRecipientRoles),
    );
    if (recipients.length === 0) continue;
    const byId = new Map(items.map((o) => [o.id, o]));
    const link = planPath(first.planId);
    add(
      await db.transaction(async (tx) => {
        const sum = { messages: 0, deliveries: 0 };
        for (const recipient of recipients) {
          const r = await writeOnce(
            tx,
            {
              ownerUnitId: first.ownerUnitId,
              occurrenceIds: items.map((o) => o.id),
              ledgerKind: 'overdue_digest',
              recipient,
              text: (ids) =>
                overdueDigestText(
                  first.planTitle,
                  ids.map((id) => byId.get(id) as OpenOccurrence),
                  `${base}${link}`,
                  today,
                ),
              subject: { kind: 'reform_plan', id: first.planId },
              link,
            },
            today,
            now,
            options.channels,
          );
          sum.messages += r.messages;
          sum.deliveries += r.deliveries;
        }
        return sum;
      }),
    );
  }
  return result;
}
