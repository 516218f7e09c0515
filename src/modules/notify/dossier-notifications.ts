// What an officer sees of a dossier's notifications: each message and the state of its deliveries.
import { and, asc, eq } from 'drizzle-orm';
import type { Db } from '../../platform/db/connect.ts';
import { notFound } from '../../platform/http/errors.ts';
import type { Principal } from '../auth/permissions.ts';
import { canSeeDossier } from '../dossier/dossier-access.ts';
import { loadDossier } from '../dossier/dossier-store.ts';
import { maskAddress } from './channels.ts';
import type { NotificationKind } from './messages.ts';
import { notificationDeliveries, notifications } from './schema.ts';

const iso = (d: Date | null) => (d ? d.toISOString() : null);

export async function dossierNotifications(db: Db, principal: Principal, dossierId: string) {
  const dossier = await loadDossier(db, dossierId);
  if (!dossier || !canSeeDossier(principal, dossier.snapshot)) throw notFound('Không tìm thấy hồ sơ.');
  const owner = dossier.ownerUnitId;
  const [messages, deliveries] = await Promise.all([
    db
      .select()
      .from(notifications)
      .where(and(eq(notifications.ownerUnitId, owner), eq(notifications.dossierId, dossierId)))
      .orderBy(asc(notifications.createdAt), asc(notifications.eventId)),
    db
      .select()
      .from(notificationDeliveries)
      .where(
        and(eq(notificationDeliveries.ownerUnitId, owner), eq(notificationDeliveries.dossierId, dossierId)),
      )
      .orderBy(asc(notificationDeliveries.id)),
  ]);
  return {
    items: messages.map((n) => ({
      id: n.id,
      kind: n.kind as NotificationKind,
      title: n.title,
      createdAt: n.createdAt.toISOString(),
      inApp: n.userId !== null,
      readAt: iso(n.readAt),
      deliveries: deliveries
        .filter((d) => d.notificationId === n.id)
        .map((d) => ({
          id: Number(d.id),
          channel: d.channel,
          address: maskAddress(d.channel, d.address),
          status: d.status,
          attempts: d.attempts,
          lastError: d.lastError,
          nextAttemptAt: d.status === 'pending' ? iso(d.nextAttemptAt) : null,
          sentAt: iso(d.sentAt),
        })),
    })),
  };
}
