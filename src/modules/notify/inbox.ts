// The signed-in user's in-app messages.
import { and, count, desc, eq, isNull, sql } from 'drizzle-orm';
import type { Db } from '../../platform/db/connect.ts';
import { notFound } from '../../platform/http/errors.ts';
import type { InboxKind } from './messages.ts';
import type { InboxQuery } from './notify.types.ts';
import { notifications } from './schema.ts';

const iso = (d: Date | null) => (d ? d.toISOString() : null);

async function unreadCount(db: Db, userId: string): Promise<number> {
  const [row] = await db
    .select({ n: count() })
    .from(notifications)
    .where(and(eq(notifications.userId, userId), isNull(notifications.readAt)));
  return Number(row?.n ?? 0);
}

export async function listMyNotifications(db: Db, userId: string, { page, pageSize }: InboxQuery) {
  const rows = await db
    .select()
    .from(notifications)
    .where(eq(notifications.userId, userId))
    .orderBy(desc(notifications.createdAt), desc(notifications.id))
    .limit(pageSize)
    .offset((page - 1) * pageSize);
  const [totals] = await db
    .select({ total: count(), unread: sql<number>`count(*) filter (where ${notifications.readAt} is null)` })
    .from(notifications)
    .where(eq(notifications.userId, userId));
  return {
    items: rows.map((n) => ({
      id: n.id,
      dossierId: n.dossierId,
      subjectKind: n.subjectKind,
      link: n.link,
      kind: n.kind as InboxKind,
      title: n.title,
      body: n.body,
      createdAt: n.createdAt.toISOString(),
      readAt: iso(n.readAt),
    })),
    total: Number(totals?.total ?? 0),
    unread: Number(totals?.unread ?? 0),
  };
}

/** Marks one of the user's messages read (again is fine); answers the unread count. */
export async function markRead(db: Db, userId: string, id: string) {
  const updated = await db
    .update(notifications)
    .set({ readAt: sql`coalesce(${notifications.readAt}, now())` })
    .where(and(eq(notifications.userId, userId), eq(notifications.id, id)))
    .returning({ id: notifications.id });
  if (updated.length === 0) throw notFound('Không tìm thấy thông báo.');
  return { unread: await unreadCount(db, userId) };
}

export async function markAllRead(db: Db, userId: string) {
  await db
    .update(notifications)
    .set({ readAt: sql`now()` })
    .where(and(eq(notifications.userId, userId), isNull(notifications.readAt)));
  return { unread: 0 };
}
