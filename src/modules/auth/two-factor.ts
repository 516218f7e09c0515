// Two-factor sign-in with a TOTP authenticator app: enrolment, confirmation, recovery codes, verification.
import { randomBytes } from 'node:crypto';
import { and, count, eq, isNull, lt, or } from 'drizzle-orm';
import QRCode from 'qrcode';
import { conflict, invalid, unauthenticated } from '../../platform/http/errors.ts';
import type { AuthRuntime } from './auth-runtime.ts';
import { verifyPassword } from './passwords.ts';
import { recoveryCodes, totpFactors, users } from './schema.ts';
import { codeHash, open, seal } from './secret-box.ts';
import { matchTotp, newTotpSecret, otpauthUri } from './totp.ts';

export const recoveryCodeCount = 10;
const issuer = 'Motcua';

/** Recovery codes: 10 characters from an unambiguous alphabet, shown as xxxxx-xxxxx (about 50 bits). */
const codeAlphabet = 'abcdefghjkmnpqrstuvwxyz23456789';
function newRecoveryCode(): string {
  const bytes = randomBytes(10);
  const chars = [...bytes].map((b) => codeAlphabet[b % codeAlphabet.length]).join('');
  return `${chars.slice(0, 5)}-${chars.slice(5)}`;
}
const normalizeRecoveryCode = (code: string) => code.toLowerCase().replace(/[^a-z0-9]/g, '');

export async function totpStatus(rt: AuthRuntime, userId: string) {
  const [factor] = await rt.db
    .select({ confirmedAt: totpFactors.confirmedAt })
    .from(totpFactors)
    .where(eq(totpFactors.userId, userId));
  const [left] = await rt.db
    .select({ n: count() })
    .from(recoveryCodes)
    .where(and(eq(recoveryCodes.userId, userId), isNull(recoveryCodes.usedAt)));
  return {
    enrolled: Boolean(factor?.confirmedAt),
    enrolledAt: factor?.confirmedAt ?? null,
    recoveryCodesLeft: factor?.confirmedAt ? Number(left?.n ?? 0) : 0,
  };
}

export async function hasConfirmedTotp(rt: AuthRuntime, userId: string): Promise<boolean> {
  return (await totpStatus(rt, userId)).enrolled;
}

/**
 * Starts (or restarts) an enrolment: a new secret, unconfirmed until the first code. The secret is shown only
 * now — as text and in the QR code — and never again.
 */
export async function startEnrolment(rt: AuthRuntime, userId: string) {
  const [user] = await rt.db
    .select({ email: users.email, phone: users.phone, fullName: users.fullName })
    .from(users)
    .where(eq(users.id, userId));
  if (!user) throw unauthenticated();
  if (await hasConfirmedTotp(rt, userId)) {
    throw conflict('Tài khoản đã bật xác thực hai bước. Muốn đổi thiết bị, hãy tắt rồi bật lại.');
  }
  const secret = newTotpSecret();
  const secretEnc = await seal(rt, secret, userId);
  await rt.db
    .insert(totpFactors)
    .values({ userId, secretEnc, createdAt: rt.now() })
    .onConflictDoUpdate({
      target: totpFactors.userId,
      set: { secretEnc, lastUsedStep: null, createdAt: rt.now() },
    });
  const uri = otpauthUri(secret, user.email ?? user.phone ?? user.fullName, issuer);
  return { secret, otpauthUri: uri, qrDataUrl: await QRCode.toDataURL(uri, { margin: 1, width: 220 }) };
}

/** The first correct code confirms the enrolment; returns the recovery codes (shown once, stored hashed). */
export async function confirmEnrolment(rt: AuthRuntime, userId: string, code: string): Promise<string[]> {
  const [factor] = await rt.db.select().from(totpFactors).where(eq(totpFactors.userId, userId));
  if (!factor) throw invalid('code', 'Chưa bắt đầu bật xác thực hai bước. Vui lòng tải lại trang.');
  if (factor.confirmedAt) throw conflict('Tài khoản đã bật xác thực hai bước.');
  const step = matchTotp(await open(rt, factor.secretEnc, userId), code.trim(), rt.now().getTime(), null);
  if (step === null) {
    throw invalid('code', 'Mã xác thực không đúng. Kiểm tra giờ trên điện thoại và nhập mã đang hiển thị.');
  }
  const codes = Array.from({ length: recoveryCodeCount }, newRecoveryCode);
  const hashes = await Promise.all(codes.map((c) => codeHash(rt, normalizeRecoveryCode(c))));
  await rt.db.transaction(async (tx) => {
    await tx
      .update(totpFactors)
      .set({ confirmedAt: rt.now(), lastUsedStep: step })
      .where(eq(totpFactors.userId, userId));
    await tx.delete(recoveryCodes).where(eq(recoveryCodes.userId, userId));
    await tx.insert(recoveryCodes).values(hashes.map((codeHash) => ({ userId, codeHash })));
  });
  return codes;
}

/**
 * Checks a second factor: a 6-digit TOTP code (each time step accepted once per account, atomically, so two
 * requests racing with one code cannot both pass) or an unused recovery code (then spent).
 */
export async function verifySecondFactor(
  rt: AuthRuntime,
  userId: string,
  input: string,
): Promise<'totp' | 'recovery' | null> {
  const code = input.trim().replace(/\s/g, '');
  const [factor] = await rt.db.select().from(totpFactors).where(eq(totpFactors.userId, userId));
  if (!factor?.confirmedAt) return null;
  if (/^\d{6}$/.test(code)) {
    const step = matchTotp(
      await open(rt, factor.secretEnc, userId),
      code,
      rt.now().getTime(),
      factor.lastUsedStep,
    );
    if (step === null) return null;
    const [taken] = await rt.db
      .update(totpFactors)
      .set({ lastUsedStep: step })
      .where(
        and(
          eq(totpFactors.userId, userId),
          or(isNull(totpFactors.lastUsedStep), lt(totpFactors.lastUsedStep, step)),
        ),
      )
      .returning({ step: totpFactors.lastUsedStep });
    return taken ? 'totp' : null;
  }
  const normalized = normalizeRecoveryCode(code);
  if (normalized.length !== 10) return null;
  const [spent] = await rt.db
    .update(recoveryCodes)
    .set({ usedAt: rt.now() })
    .where(
      and(
        eq(recoveryCodes.userId, userId),
        eq(recoveryCodes.codeHash, await codeHash(rt, normalized)),
        isNull(recoveryCodes.usedAt),
      ),
    )
    .returning({ id: recoveryCodes.id });
  return spent ? 'recovery' : null;
}

/** Turning two-factor off needs the password and a current code (or a recovery code). */
export async function disableTotp(rt: AuthRuntime, userId: string, password: string, code: string) {
  const [user] = await rt.db
    .select({ passwordHash: users.passwordHash })
    .from(users)
    .where(eq(users.id, userId));
  if (!user || !(await verifyPassword(user.passwordHash, password))) {
    throw invalid('password', 'Mật khẩu không đúng.');
  }
  if (!(await verifySecondFactor(rt, userId, code))) {
    throw invalid('code', 'Mã xác thực hoặc mã khôi phục không đúng.');
  }
  await rt.db.transaction(async (tx) => {
    await tx.delete(totpFactors).where(eq(totpFactors.userId, userId));
    await tx.delete(recoveryCodes).where(eq(recoveryCodes.userId, userId));
  });
}
