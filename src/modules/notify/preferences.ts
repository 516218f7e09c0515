// Each account's choice of external channels (in-app is always on).
import { eq } from 'drizzle-orm';
import type { Db } from '../../platform/db/connect.ts';
import { AppError, notFound } from '../../platform/http/errors.ts';
import { users } from '../auth/schema.ts';
import { defaultChoice } from './channels.ts';
import type { PreferencesBody } from './notify.types.ts';
import { type NotificationChannel, notificationChannels, notificationPreferences } from './schema.ts';

async function account(db: Db, userId: string) {
  const [row] = await db
    .select({ email: users.email, phone: users.phone, preferences: notificationPreferences })
    .from(users)
    .leftJoin(notificationPreferences, eq(notificationPreferences.userId, users.id))
    .where(eq(users.id, userId));
  if (!row) throw notFound('Không tìm thấy tài khoản.');
  return row;
}

function view(row: Awaited<ReturnType<typeof account>>, available: ReadonlySet<NotificationChannel>) {
  const choice = row.preferences ?? defaultChoice(row.email);
  return {
    email: choice.email,
    sms: choice.sms,
    zalo: choice.zalo,
    zaloUserId: choice.zaloUserId,
    accountEmail: row.email,
    accountPhone: row.phone,
    availableChannels: notificationChannels.filter((c) => available.has(c)),
  };
}

export async function getPreferences(db: Db, userId: string, available: ReadonlySet<NotificationChannel>) {
  return view(await account(db, userId), available);
}

const noAddress = (field: string, message: string) =>
  new AppError('RULE', message, [{ path: field, message }]);

/** Saves the choice; a channel without an address to send to cannot be turned on. */
export async function savePreferences(
  db: Db,
  userId: string,
  input: PreferencesBody,
  available: ReadonlySet<NotificationChannel>,
) {
  const row = await account(db, userId);
  const zaloUserId =
    input.zaloUserId === undefined ? (row.preferences?.zaloUserId ?? null) : input.zaloUserId;
  if (input.email && !row.email)
    throw noAddress('email', 'Tài khoản chưa có địa chỉ email nên không thể nhận thông báo qua email.');
  if (input.sms && !row.phone)
    throw noAddress('sms', 'Tài khoản chưa có số điện thoại nên không thể nhận thông báo qua SMS.');
  if (input.zalo && !zaloUserId)
    throw noAddress(
      'zaloUserId',
      'Vui lòng nhập mã người dùng Zalo (đã quan tâm Zalo OA) để nhận thông báo qua Zalo.',
    );
  const values = { email: input.email, sms: input.sms, zalo: input.zalo, zaloUserId, updatedAt: new Date() };
  await db
    .insert(notificationPreferences)
    .values({ userId, ...values })
    .onConflictDoUpdate({ target: notificationPreferences.userId, set: values });
  return view({ ...row, preferences: { userId, ...values } }, available);
}
