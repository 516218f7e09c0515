// Outbox rows for worker tests, written as `enqueueNotifications` writes them (no dossier needed).
import { randomUUID } from 'node:crypto';
import type { Db } from '../../../platform/db/connect.ts';
import type { PlannedDelivery } from '../channels.ts';
import { writeOutbox } from '../enqueue.ts';
import { buildMessage } from '../messages.ts';

export async function enqueueSample(
  db: Db,
  ownerUnitId: string,
  eventId: number,
  deliveries: PlannedDelivery[],
): Promise<void> {
  const message = buildMessage({
    kind: 'received',
    dossierCode: `001.01.92.H92-261125-${String(eventId).padStart(4, '0')}`,
    procedureName: 'Đăng ký khai sinh',
    receivingAgencyName: 'Trung tâm Phục vụ hành chính công phường Vị Thanh',
    receivingAgencyAddress: null,
    handlingAgencyName: 'UBND phường Vị Thanh',
    officerName: 'Nguyễn Thị Mai',
    channel: 'counter',
    receivedAt: new Date('2026-11-25T01:30:00Z'),
    dueAt: new Date('2026-11-27T10:00:00Z'),
    previousDueAt: null,
    returnedAt: null,
    returnChannel: null,
    reasons: [],
    legalBasis: null,
  });
  await db.transaction((tx) =>
    writeOutbox(tx, {
      ownerUnitId,
      notificationId: randomUUID(),
      userId: null,
      dossierId: randomUUID(),
      eventId,
      message,
      deliveries,
      now: new Date(),
    }),
  );
}
