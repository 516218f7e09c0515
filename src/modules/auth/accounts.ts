import { and, asc, eq, ne, or } from 'drizzle-orm';
import type { z } from 'zod';
import type { Db } from '../../platform/db/connect.ts';
import { AppError, conflict, invalid, unauthenticated } from '../../platform/http/errors.ts';
import { type AuditActor, cliActor, SYSTEM_CHAIN } from '../audit/audit.types.ts';
import { recordAudit } from '../audit/record.ts';
import { agencies } from '../org/schema.ts';
import type { changePasswordBody, createOfficerBody, Me, signupBody } from './auth.types.ts';
import type { AuthRuntime } from './auth-runtime.ts';
import { citizenIdProblem, normalizeEmail, normalizePhone } from './identifiers.ts';
import { decoyPasswordHash, hashPassword, verifyPassword } from './passwords.ts';
import { roleAssignments, users } from './schema.ts';
import { rolesWithAgencyNames } from './sessions.ts';
import { activeLockout, ipThrottled, lockoutMessage, recordFailure, recordSuccess } from './throttle.ts';

export async function getMe(db: Db, userId: string): Promise<Me> {
  const [user] = await db.select().from(users).where(eq(users.id, userId)).limit(1);
  if (!user) throw unauthenticated();
  return {
    id: user.id,
    kind: user.kind,
    fullName: user.fullName,
    email: user.email,
    phone: user.phone,
    citizenId: user.citizenId,
    roles: await rolesWithAgencyNames(db, user.id),
  };
}

/** Checks that no other account uses the email, phone or citizen ID. */
async function assertUnique(
  db: Db,
  fields: { email: string | null; phone: string | null; citizenId: string | null },
) {
  const { email, phone, citizenId } = fields;
  const clauses = [
    email ? eq(users.email, email) : undefined,
    phone ? eq(users.phone, phone) : undefined,
    citizenId ? eq(users.citizenId, citizenId) : undefined,
  ].filter((c) => c !== undefined);
  if (clauses.length === 0) return;
  const [taken] = await db
    .select({ email: users.email, phone: users.phone, citizenId: users.citizenId })
    .from(users)
    .where(or(...clauses))
    .limit(1);
  if (!taken) return;
  if (email && taken.email === email) throw conflict('Email này đã được dùng cho một tài khoản khác.');
  if (phone && taken.phone === phone)
    throw conflict('Số điện thoại này đã được dùng cho một tài khoản khác.');
  throw conflict('Số CCCD này đã được dùng cho một tài khoản khác.');
}

/** Citizens and businesses register themselves. */
export async function signUpCitizen(db: Db, input: z.infer<typeof signupBody>): Promise<string> {
  const email = input.email ? normalizeEmail(input.email) : null;
  const phone = input.phone ? normalizePhone(input.phone) : null;
  if (input.phone && !phone) {
    throw invalid(
      'phone',
      'Số điện thoại di động không hợp lệ (10 chữ số, bắt đầu bằng 03, 05, 07, 08 hoặc 09).',
    );
  }
  if (!email && !phone) throw invalid('email', 'Vui lòng nhập email hoặc số điện thoại.');
  const citizenId = input.citizenId || null;
  const idProblem = citizenId ? citizenIdProblem(citizenId) : null;
  if (idProblem) throw invalid('citizenId', idProblem);
  await assertUnique(db, { email, phone, citizenId });
  const passwordHash = await hashPassword(input.password);
  try {
    const [created] = await db
      .insert(users)
      .values({ kind: 'citizen', fullName: input.fullName, email, phone, citizenId, passwordHash })
      .returning({ id: users.id });
    if (!created) throw new Error('insert returned nothing');
    return created.id;
  } catch (error) {
    // A concurrent sign-up with the same identifier loses on the unique index.
    if (String((error as { code?: string }).code) === '23505' || /unique/i.test(String(error))) {
      throw conflict('Email, số điện thoại hoặc số CCCD đã được dùng cho một tài khoản khác.');
    }
    throw error;
  }
}

/**
 * Verifies credentials with throttling and lockouts; returns the user id. Too many failures lock the identifier
 * (and its account) for a while, and the refusal says until when.
 */
export async function authenticate(
  rt: AuthRuntime,
  identifierRaw: string,
  password: string,
  client: { ip: string; userAgent: string | undefined },
): Promise<string> {
  const { db } = rt;
  const now = rt.now();
  const phone = normalizePhone(identifierRaw);
  const identifier = phone ?? normalizeEmail(identifierRaw);
  if (await ipThrottled(db, client.ip, now)) {
    throw new AppError(
      'THROTTLED',
      'Có quá nhiều lần đăng nhập sai từ địa chỉ mạng này. Vui lòng thử lại sau 15 phút hoặc liên hệ quản trị viên.',
    );
  }
  const [user] = await db
    .select({ id: users.id, passwordHash: users.passwordHash, active: users.active })
    .from(users)
    .where(phone ? eq(users.phone, phone) : eq(users.email, identifier))
    .limit(1);
  const userId = user?.id ?? null;
  const locked = await activeLockout(db, { identifier, userId }, now);
  if (locked) throw new AppError('THROTTLED', lockoutMessage(locked, now));
  const ok = await verifyPassword(user?.passwordHash ?? (await decoyPasswordHash()), password);
  const attempt = { identifier, userId, kind: 'password' as const, ...client };
  if (!user || !ok) {
    const lockout = await recordFailure(db, attempt, now);
    const wrong = 'Email/số điện thoại hoặc mật khẩu không đúng.';
    throw unauthenticated(lockout ? `${wrong} ${lockoutMessage(lockout, now)}` : wrong);
  }
  if (!user.active) throw unauthenticated('Tài khoản đã bị khóa. Vui lòng liên hệ quản trị viên.');
  await recordSuccess(db, attempt, now);
  return user.id;
}

export async function changePassword(db: Db, userId: string, input: z.infer<typeof changePasswordBody>) {
  const [user] = await db
    .select({ passwordHash: users.passwordHash })
    .from(users)
    .where(eq(users.id, userId));
  if (!user || !(await verifyPassword(user.passwordHash, input.currentPassword))) {
    throw invalid('currentPassword', 'Mật khẩu hiện tại không đúng.');
  }
  if (input.currentPassword === input.newPassword) {
    throw invalid('newPassword', 'Mật khẩu mới phải khác mật khẩu hiện tại.');
  }
  await db
    .update(users)
    .set({ passwordHash: await hashPassword(input.newPassword), passwordChangedAt: new Date() })
    .where(eq(users.id, userId));
}

/** Officers are created by an administrator, with roles scoped to agencies. */
export async function createOfficer(
  db: Db,
  input: z.infer<typeof createOfficerBody>,
  actor: AuditActor = cliActor,
): Promise<string> {
  const email = normalizeEmail(input.email);
  const phone = input.phone ? normalizePhone(input.phone) : null;
  if (input.phone && !phone) throw invalid('phone', 'Số điện thoại di động không hợp lệ.');
  for (const [i, grant] of input.roles.entries()) {
    if (grant.role !== 'admin' && !grant.agencyId) {
      throw invalid(`roles.${i}.agencyId`, 'Vai trò này phải gắn với một cơ quan.');
    }
    if (grant.agencyId) {
      const [agency] = await db
        .select({ id: agencies.id })
        .from(agencies)
        .where(eq(agencies.id, grant.agencyId));
      if (!agency) throw invalid(`roles.${i}.agencyId`, 'Không tìm thấy cơ quan.');
    }
  }
  await assertUnique(db, { email, phone, citizenId: null });
  const passwordHash = await hashPassword(input.password);
  return db.transaction(async (tx) => {
    const [created] = await tx
      .insert(users)
      .values({ kind: 'officer', fullName: input.fullName, email, phone, passwordHash })
      .returning({ id: users.id });
    if (!created) throw new Error('insert returned nothing');
    const grants = new Map(input.roles.map((g) => [`${g.role}:${g.agencyId}`, g]));
    await tx.insert(roleAssignments).values([...grants.values()].map((g) => ({ userId: created.id, ...g })));
    await recordAudit(tx, {
      unitId: SYSTEM_CHAIN,
      actor,
      action: 'account.create',
      subjectType: 'account',
      subjectId: created.id,
      detail: { roles: [...grants.values()].map((g) => ({ role: g.role, agencyId: g.agencyId ?? null })) },
    });
    return created.id;
  });
}

export async function listOfficers(db: Db, agencyId?: string) {
  const rows = await db
    .select({
      id: users.id,
      fullName: users.fullName,
      email: users.email,
      phone: users.phone,
      active: users.active,
      role: roleAssignments.role,
      agencyId: roleAssignments.agencyId,
      agencyName: agencies.name,
    })
    .from(users)
    .innerJoin(roleAssignments, eq(roleAssignments.userId, users.id))
    .leftJoin(agencies, eq(agencies.id, roleAssignments.agencyId))
    .where(and(ne(users.kind, 'citizen'), agencyId ? eq(roleAssignments.agencyId, agencyId) : undefined))
    .orderBy(asc(users.fullName));
  const byUser = new Map<string, OfficerRow>();
  for (const row of rows) {
    const entry = byUser.get(row.id) ?? {
      id: row.id,
      fullName: row.fullName,
      email: row.email,
      phone: row.phone,
      active: row.active,
      roles: [],
    };
    entry.roles.push({ role: row.role, agencyId: row.agencyId, agencyName: row.agencyName });
    byUser.set(row.id, entry);
  }
  return [...byUser.values()];
}

type OfficerRow = Omit<Me, 'kind' | 'citizenId'> & { active: boolean };
