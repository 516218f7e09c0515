// The account security routes: second sign-in step, TOTP enrolment, sessions, sign-in history; the
// administrator's two-factor policy and lockouts.
import { z } from 'zod';
import type { ZodApp } from '../../platform/http/context.ts';
import { AppError, notFound, unauthenticated } from '../../platform/http/errors.ts';
import { getMe } from './accounts.ts';
import { meSchema, roleSchema } from './auth.types.ts';
import type { AuthRuntime } from './auth-runtime.ts';
import { requireAdmin, requireUser } from './guards.ts';
import { saveTwoFactorPolicy, twoFactorPolicy, twoFactorRequired } from './security-settings.ts';
import {
  clearSessionCookie,
  deleteSession,
  endOtherSessions,
  endSession,
  forgetCachedPrincipals,
  listSessions,
  pendingSecondFactorUser,
  rotateCurrentSession,
  sessionCookieName,
  startSession,
} from './sessions.ts';
import {
  activeLockout,
  listActiveLockouts,
  lockoutMessage,
  recordFailure,
  recordSuccess,
  securityEvents,
  unlock,
} from './throttle.ts';
import {
  confirmEnrolment,
  disableTotp,
  startEnrolment,
  totpStatus,
  verifySecondFactor,
} from './two-factor.ts';

const codeField = z.string().trim().min(1, 'Vui lòng nhập mã xác thực.').max(32, 'Mã xác thực quá dài.');
const tags = ['account security'];

export function registerSecurityRoutes(app: ZodApp, rt: AuthRuntime): void {
  const { db } = rt;

  app.post(
    '/api/auth/second-factor',
    {
      schema: {
        tags,
        summary: 'Sign in, second step: the 6-digit TOTP code or a recovery code',
        body: z.object({ code: codeField }).strict(),
        response: { 200: z.object({ user: meSchema }) },
      },
    },
    async (request, reply) => {
      const token = request.cookies[sessionCookieName];
      const userId = token ? await pendingSecondFactorUser(rt, token) : null;
      if (!token || !userId) {
        throw unauthenticated('Phiên xác thực đã hết hạn (5 phút). Vui lòng đăng nhập lại bằng mật khẩu.');
      }
      const now = rt.now();
      const attempt = {
        identifier: `2fa:${userId}`,
        userId,
        kind: 'second_factor' as const,
        ip: request.ip,
        userAgent: request.headers['user-agent'],
      };
      const locked = await activeLockout(db, attempt, now);
      if (locked) {
        await deleteSession(db, token);
        clearSessionCookie(reply);
        throw new AppError('THROTTLED', lockoutMessage(locked, now));
      }
      const used = await verifySecondFactor(rt, userId, request.body.code);
      if (!used) {
        const lockout = await recordFailure(db, attempt, now);
        if (lockout) {
          await deleteSession(db, token);
          clearSessionCookie(reply);
          throw unauthenticated(`Mã xác thực không đúng. ${lockoutMessage(lockout, now)}`);
        }
        throw unauthenticated(
          'Mã xác thực không đúng hoặc đã được dùng. Vui lòng nhập mã mới trên ứng dụng.',
        );
      }
      await recordSuccess(db, attempt, now);
      // A new session id once the second factor is done (the pending one is ended).
      await startSession(rt, request, reply, userId);
      return { user: await getMe(db, userId) };
    },
  );

  app.get(
    '/api/auth/totp',
    {
      schema: {
        tags,
        summary: 'Whether two-factor sign-in is on for the account',
        response: {
          200: z.object({
            enrolled: z.boolean(),
            enrolledAt: z.date().nullable(),
            recoveryCodesLeft: z.number().int(),
            required: z.boolean(),
          }),
        },
      },
    },
    async (request) => {
      const principal = requireUser(request);
      const status = await totpStatus(rt, principal.userId);
      return { ...status, required: twoFactorRequired(await twoFactorPolicy(db), principal) };
    },
  );

  app.post(
    '/api/auth/totp/enrol',
    {
      schema: {
        tags,
        summary: 'Start enrolling an authenticator: the secret (shown only now), its otpauth URI and QR code',
        response: { 200: z.object({ secret: z.string(), otpauthUri: z.string(), qrDataUrl: z.string() }) },
      },
    },
    async (request) => startEnrolment(rt, requireUser(request).userId),
  );

  app.post(
    '/api/auth/totp/confirm',
    {
      schema: {
        tags,
        summary: 'Confirm the enrolment with a first code; answers the 10 recovery codes (shown once)',
        body: z.object({ code: codeField }).strict(),
        response: { 200: z.object({ recoveryCodes: z.array(z.string()) }) },
      },
    },
    async (request, reply) => {
      const principal = requireUser(request);
      const recoveryCodes = await confirmEnrolment(rt, principal.userId, request.body.code);
      // The account just gained what the policy asked for: a new session id (privilege change).
      forgetCachedPrincipals(db);
      await rotateCurrentSession(rt, request, reply);
      return { recoveryCodes };
    },
  );

  app.post(
    '/api/auth/totp/disable',
    {
      schema: {
        tags,
        summary: 'Turn two-factor sign-in off (password and a current or recovery code)',
        body: z
          .object({ password: z.string().min(1, 'Vui lòng nhập mật khẩu.').max(128), code: codeField })
          .strict(),
      },
    },
    async (request, reply) => {
      const principal = requireUser(request);
      await disableTotp(rt, principal.userId, request.body.password, request.body.code);
      forgetCachedPrincipals(db);
      await rotateCurrentSession(rt, request, reply);
      return reply.status(204).send();
    },
  );

  const sessionSchema = z.object({
    id: z.string(),
    current: z.boolean(),
    createdAt: z.date(),
    lastSeenAt: z.date(),
    expiresAt: z.date(),
    ip: z.string().nullable(),
    userAgent: z.string().nullable(),
  });

  app.get(
    '/api/auth/sessions',
    {
      schema: {
        tags,
        summary: 'The account’s signed-in sessions',
        response: { 200: z.array(sessionSchema) },
      },
    },
    async (request) => {
      const principal = requireUser(request);
      const rows = await listSessions(rt, principal.userId);
      return rows.map((s) => ({ ...s, current: s.id === principal.sessionId }));
    },
  );

  app.delete(
    '/api/auth/sessions/:id',
    {
      schema: { tags, summary: 'End one of the account’s sessions', params: z.object({ id: z.uuid() }) },
    },
    async (request, reply) => {
      const principal = requireUser(request);
      if (!(await endSession(db, principal.userId, request.params.id))) {
        throw notFound('Không tìm thấy phiên đăng nhập (có thể đã kết thúc).');
      }
      if (request.params.id === principal.sessionId) clearSessionCookie(reply);
      return reply.status(204).send();
    },
  );

  app.post(
    '/api/auth/sessions/end-others',
    {
      schema: {
        tags,
        summary: 'End every session of the account but this one',
        response: { 200: z.object({ ended: z.number().int() }) },
      },
    },
    async (request) => {
      const principal = requireUser(request);
      return { ended: await endOtherSessions(db, principal.userId, principal.sessionId) };
    },
  );

  app.get(
    '/api/auth/security-events',
    {
      schema: {
        tags,
        summary: 'Recent failed sign-ins and lockouts of the account (30 days)',
        response: {
          200: z.object({
            failures: z.array(
              z.object({
                at: z.date(),
                kind: z.enum(['password', 'second_factor']),
                ip: z.string(),
                userAgent: z.string().nullable(),
              }),
            ),
            lockouts: z.array(
              z.object({
                lockedAt: z.date(),
                lockedUntil: z.date(),
                reason: z.enum(['password', 'second_factor']),
                unlockedAt: z.date().nullable(),
              }),
            ),
          }),
        },
      },
    },
    async (request) => securityEvents(db, requireUser(request).userId, rt.now()),
  );

  const policySchema = z
    .object({
      requireTotpForOfficers: z.boolean(),
      requireTotpRoles: z.array(roleSchema).max(20),
    })
    .strict();

  app.get(
    '/api/admin/security-settings',
    {
      schema: {
        tags: ['administration'],
        summary: 'The two-factor policy for back-office accounts',
        response: { 200: policySchema },
      },
    },
    async (request) => {
      requireAdmin(request);
      return twoFactorPolicy(db);
    },
  );

  app.put(
    '/api/admin/security-settings',
    {
      schema: {
        tags: ['administration'],
        summary: 'Change the two-factor policy',
        body: policySchema,
        response: { 200: policySchema },
      },
    },
    async (request) => {
      const admin = requireAdmin(request);
      await saveTwoFactorPolicy(db, request.body, admin.userId);
      forgetCachedPrincipals(db);
      return twoFactorPolicy(db);
    },
  );

  app.get(
    '/api/admin/lockouts',
    {
      schema: {
        tags: ['administration'],
        summary: 'Accounts temporarily locked after failed sign-ins',
        response: {
          200: z.array(
            z.object({
              id: z.string(),
              identifier: z.string(),
              userId: z.string().nullable(),
              fullName: z.string().nullable(),
              email: z.string().nullable(),
              kind: z.enum(['citizen', 'officer']).nullable(),
              reason: z.enum(['password', 'second_factor']),
              lockedAt: z.date(),
              lockedUntil: z.date(),
            }),
          ),
        },
      },
    },
    async (request) => {
      requireAdmin(request);
      return listActiveLockouts(db, rt.now());
    },
  );

  app.post(
    '/api/admin/lockouts/:id/unlock',
    {
      schema: {
        tags: ['administration'],
        summary: 'Lift a lockout early',
        params: z.object({ id: z.uuid() }),
      },
    },
    async (request, reply) => {
      const admin = requireAdmin(request);
      if (!(await unlock(db, request.params.id, admin.userId, rt.now()))) {
        throw notFound('Không tìm thấy lần khóa đang có hiệu lực (có thể đã hết hạn).');
      }
      return reply.status(204).send();
    },
  );
}
