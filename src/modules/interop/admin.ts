import { randomBytes } from 'node:crypto';
import { and, desc, eq, inArray, type SQL } from 'drizzle-orm';
import type { Db } from '../../platform/db/connect.ts';
import { AppError, invalid, notFound } from '../../platform/http/errors.ts';
import { adminUnits, agencies } from '../org/schema.ts';
import { cidrProblem } from './cidr.ts';
import type { ClientInput, SubscriptionInput } from './interop.types.ts';
import {
  type InteropDeliveryStatus,
  interopClients,
  interopDeliveries,
  interopRejections,
  interopRequests,
  interopSubscriptions,
} from './schema.ts';
import { newApiKey } from './signing.ts';

// «Kết nối hệ thống»: the administrator's management of clients (keys shown once), webhook subscriptions,
// deliveries (with re-delivery) and the audit of refused calls.

async function checkScope(db: Db, input: { unitIds: string[]; agencyIds: string[] }) {
  if (input.unitIds.length) {
    const found = await db
      .select({ id: adminUnits.id })
      .from(adminUnits)
      .where(inArray(adminUnits.id, input.unitIds));
    if (found.length !== new Set(input.unitIds).size) throw invalid('unitIds', 'Có đơn vị không tồn tại.');
  }
  if (input.agencyIds.length) {
    const found = await db
      .select({ id: agencies.id })
      .from(agencies)
      .where(inArray(agencies.id, input.agencyIds));
    if (found.length !== new Set(input.agencyIds).size)
      throw invalid('agencyIds', 'Có cơ quan không tồn tại.');
  }
}

function checkCidrs(cidrs: string[]) {
  for (const c of cidrs) {
    const problem = cidrProblem(c);
    if (problem) throw invalid('allowedCidrs', problem);
  }
}

const clientView = (c: typeof interopClients.$inferSelect) => ({
  id: c.id,
  name: c.name,
  keyId: c.keyId,
  allowedCidrs: c.allowedCidrs,
  unitIds: c.unitIds,
  agencyIds: c.agencyIds,
  active: c.active,
  createdAt: c.createdAt.toISOString(),
  keyRotatedAt: c.keyRotatedAt.toISOString(),
});
export type ClientView = ReturnType<typeof clientView>;

export async function listClients(db: Db): Promise<ClientView[]> {
  return (await db.select().from(interopClients).orderBy(interopClients.name)).map(clientView);
}

/** Creates a client and returns its API key: the only time it is shown (only its hash is kept). */
export async function createClient(db: Db, input: ClientInput, userId: string) {
  checkCidrs(input.allowedCidrs);
  await checkScope(db, input);
  const key = newApiKey();
  const [row] = await db
    .insert(interopClients)
    .values({ ...input, keyId: key.keyId, keyHash: key.keyHash, createdBy: userId })
    .returning();
  if (!row) throw new Error('client not created');
  return { client: clientView(row), apiKey: key.apiKey };
}

export async function updateClient(db: Db, id: string, input: ClientInput) {
  checkCidrs(input.allowedCidrs);
  await checkScope(db, input);
  const [row] = await db.update(interopClients).set(input).where(eq(interopClients.id, id)).returning();
  if (!row) throw notFound('Không tìm thấy hệ thống kết nối.');
  return clientView(row);
}

/** A new key for a client (the old one stops working at once); shown once. */
export async function rotateKey(db: Db, id: string) {
  const key = newApiKey();
  const [row] = await db
    .update(interopClients)
    .set({ keyId: key.keyId, keyHash: key.keyHash, keyRotatedAt: new Date() })
    .where(eq(interopClients.id, id))
    .returning();
  if (!row) throw notFound('Không tìm thấy hệ thống kết nối.');
  return { client: clientView(row), apiKey: key.apiKey };
}

const subscriptionView = (s: typeof interopSubscriptions.$inferSelect) => ({
  id: s.id,
  clientId: s.clientId,
  url: s.url,
  eventKinds: s.eventKinds,
  unitIds: s.unitIds,
  ownDossiersOnly: s.ownDossiersOnly,
  active: s.active,
  createdAt: s.createdAt.toISOString(),
});
export type SubscriptionView = ReturnType<typeof subscriptionView>;

export async function listSubscriptions(db: Db): Promise<SubscriptionView[]> {
  return (await db.select().from(interopSubscriptions).orderBy(interopSubscriptions.createdAt)).map(
    subscriptionView,
  );
}

async function requireClient(db: Db, clientId: string) {
  const [client] = await db.select().from(interopClients).where(eq(interopClients.id, clientId));
  if (!client) throw notFound('Không tìm thấy hệ thống kết nối.');
  return client;
}

/** Creates a webhook subscription and returns its signing secret (shown once). */
export async function createSubscription(db: Db, clientId: string, input: SubscriptionInput) {
  await requireClient(db, clientId);
  await checkScope(db, { unitIds: input.unitIds, agencyIds: [] });
  const secret = `whs_${randomBytes(24).toString('base64url')}`;
  const [row] = await db
    .insert(interopSubscriptions)
    .values({ clientId, secret, ...input })
    .returning();
  if (!row) throw new Error('subscription not created');
  return { subscription: subscriptionView(row), secret };
}

export async function updateSubscription(db: Db, id: string, input: SubscriptionInput) {
  await checkScope(db, { unitIds: input.unitIds, agencyIds: [] });
  const [row] = await db
    .update(interopSubscriptions)
    .set(input)
    .where(eq(interopSubscriptions.id, id))
    .returning();
  if (!row) throw notFound('Không tìm thấy đăng ký nhận thông báo.');
  return subscriptionView(row);
}

export async function listDeliveries(
  db: Db,
  filter: { status?: InteropDeliveryStatus | undefined; subscriptionId?: string | undefined; limit: number },
) {
  const d = interopDeliveries;
  const where: SQL[] = [];
  if (filter.status) where.push(eq(d.status, filter.status));
  if (filter.subscriptionId) where.push(eq(d.subscriptionId, filter.subscriptionId));
  const rows = await db
    .select()
    .from(d)
    .where(where.length ? and(...where) : undefined)
    .orderBy(desc(d.createdAt), desc(d.id))
    .limit(filter.limit);
  return rows.map((r) => ({
    ownerUnitId: r.ownerUnitId,
    id: r.id,
    subscriptionId: r.subscriptionId,
    dossierId: r.dossierId,
    dossierCode: (r.payload.dossier as { code?: string | null } | undefined)?.code ?? null,
    eventId: String(r.payload.eventId ?? ''),
    kind: r.kind,
    sequence: r.sequence,
    status: r.status,
    attempts: r.attempts,
    nextAttemptAt: r.nextAttemptAt.toISOString(),
    lastStatusCode: r.lastStatusCode,
    lastError: r.lastError,
    deliveredAt: r.deliveredAt?.toISOString() ?? null,
    createdAt: r.createdAt.toISOString(),
  }));
}

/** Puts a failed delivery back in the queue, due now, with a fresh retry window. */
export async function redeliver(db: Db, ownerUnitId: string, id: number, now = new Date()) {
  const d = interopDeliveries;
  const [row] = await db
    .select({ status: d.status })
    .from(d)
    .where(and(eq(d.ownerUnitId, ownerUnitId), eq(d.id, id)));
  if (!row) throw notFound('Không tìm thấy lần gửi này.');
  if (row.status !== 'failed') {
    throw new AppError(
      'CONFLICT',
      'Chỉ gửi lại được lần gửi đã thất bại (đang chờ gửi hoặc đã gửi thành công thì thôi).',
    );
  }
  await db
    .update(d)
    .set({ status: 'pending', nextAttemptAt: now, firstAttemptAt: null, lockedUntil: null })
    .where(and(eq(d.ownerUnitId, ownerUnitId), eq(d.id, id), eq(d.status, 'failed')));
}

export async function listRejections(db: Db, limit: number) {
  const rows = await db.select().from(interopRejections).orderBy(desc(interopRejections.id)).limit(limit);
  return rows.map((r) => ({ ...r, at: r.at.toISOString() }));
}

export async function listRequests(db: Db, limit: number) {
  const rows = await db.select().from(interopRequests).orderBy(desc(interopRequests.createdAt)).limit(limit);
  return rows.map((r) => ({
    clientId: r.clientId,
    externalId: r.externalId,
    sourceSystem: r.sourceSystem,
    dossierId: r.dossierId,
    createdAt: r.createdAt.toISOString(),
  }));
}
