import { z } from 'zod';
import type { OidcConfig } from '../../platform/config.ts';
import type { AppContext, ZodApp } from '../../platform/http/context.ts';
import { forbidden } from '../../platform/http/errors.ts';
import { actorOf as auditActorOf } from '../audit/audit.types.ts';
import {
  authenticate,
  changePassword,
  createOfficer,
  getMe,
  listOfficers,
  signUpCitizen,
} from './accounts.ts';
import {
  changePasswordBody,
  createOfficerBody,
  loginBody,
  meSchema,
  officerSchema,
  signupBody,
} from './auth.types.ts';
import type { AuthRuntime } from './auth-runtime.ts';
import { requireAdmin, requireUser } from './guards.ts';
import { registerOidcRoutes } from './oidc-routes.ts';
import { registerSecurityRoutes } from './security-routes.ts';
import { twoFactorPolicy, twoFactorRequired } from './security-settings.ts';
import {
  clearSessionCookie,
  deleteSession,
  endOtherSessions,
  sessionCookieName,
  startSession,
} from './sessions.ts';
import { hasConfirmedTotp } from './two-factor.ts';

const userResponse = z.object({ user: meSchema });

/** Accounts, sessions, two-factor sign-in and, when configured, the national electronic identity (OIDC). */
export function authRoutes(options: { oidc?: OidcConfig | undefined; runtime: AuthRuntime }) {
  return (app: ZodApp, context: AppContext) =>
    registerAuthRoutes(app, context, options.oidc, options.runtime);
}

function registerAuthRoutes(app: ZodApp, context: AppContext, oidc: OidcConfig | undefined, rt: AuthRuntime) {
  const { db } = context;
  registerOidcRoutes(app, context, oidc, rt);
  registerSecurityRoutes(app, rt);

  /** The account as the web app sees it, with whether the two-factor policy still waits for an enrolment. */
  const meOf = async (userId: string) => {
    const me = await getMe(db, userId);
    const required = twoFactorRequired(await twoFactorPolicy(db), { kind: me.kind, roles: me.roles });
    return { ...me, mustEnrolTotp: required && !(await hasConfirmedTotp(rt, userId)) };
  };

  app.post(
    '/api/auth/signup',
    {
      schema: {
        tags: ['accounts'],
        summary: 'Citizen sign-up',
        body: signupBody,
        response: { 201: userResponse },
      },
    },
    async (request, reply) => {
      const userId = await signUpCitizen(db, request.body);
      await startSession(rt, request, reply, userId);
      return reply.status(201).send({ user: await meOf(userId) });
    },
  );

  app.post(
    '/api/auth/login',
    {
      schema: {
        tags: ['accounts'],
        summary: 'Sign in (first step: password)',
        description:
          'With a TOTP authenticator enrolled the answer is `{ user: null, secondFactorRequired: true }` and the ' +
          'cookie holds a 5-minute pending session that only POST /api/auth/second-factor accepts.',
        body: loginBody,
        response: { 200: z.object({ user: meSchema.nullable(), secondFactorRequired: z.boolean() }) },
      },
    },
    async (request, reply) => {
      const userId = await authenticate(rt, request.body.identifier, request.body.password, {
        ip: request.ip,
        userAgent: request.headers['user-agent'],
      });
      const user = await getMe(db, userId);
      if (oidc?.requireForOfficers && user.kind === 'officer') {
        throw forbidden(
          `Tài khoản cán bộ, công chức phải đăng nhập bằng định danh điện tử: vui lòng chọn “${oidc.buttonLabel}”.`,
        );
      }
      if (await hasConfirmedTotp(rt, userId)) {
        await startSession(rt, request, reply, userId, 'second_factor');
        return { user: null, secondFactorRequired: true };
      }
      await startSession(rt, request, reply, userId);
      return { user: await meOf(userId), secondFactorRequired: false };
    },
  );

  app.post(
    '/api/auth/logout',
    { schema: { tags: ['accounts'], summary: 'Sign out' } },
    async (request, reply) => {
      const token = request.cookies[sessionCookieName];
      if (token) await deleteSession(db, token);
      clearSessionCookie(reply);
      return reply.status(204).send();
    },
  );

  // Anonymous visitors get `{ user: null }` (not a 401), so every public page load is not logged as an error.
  app.get(
    '/api/auth/me',
    {
      schema: {
        tags: ['accounts'],
        summary: 'The signed-in user, or null',
        response: { 200: z.object({ user: meSchema.nullable() }) },
      },
    },
    async (request) => ({ user: request.principal ? await meOf(request.principal.userId) : null }),
  );

  app.post(
    '/api/auth/change-password',
    {
      schema: {
        tags: ['accounts'],
        summary: 'Change own password (ends the account’s other sessions)',
        body: changePasswordBody,
      },
    },
    async (request, reply) => {
      const principal = requireUser(request);
      await changePassword(db, principal.userId, request.body);
      await endOtherSessions(db, principal.userId, principal.sessionId);
      return reply.status(204).send();
    },
  );

  app.get(
    '/api/admin/users',
    {
      schema: {
        tags: ['administration'],
        summary: 'Officer accounts',
        querystring: z.object({ agencyId: z.uuid().optional() }),
        response: { 200: z.array(officerSchema) },
      },
    },
    async (request) => {
      requireAdmin(request);
      return listOfficers(db, request.query.agencyId);
    },
  );

  app.post(
    '/api/admin/users',
    {
      schema: {
        tags: ['administration'],
        summary: 'Create an officer account',
        body: createOfficerBody,
        response: { 201: officerSchema },
      },
    },
    async (request, reply) => {
      const id = await createOfficer(db, request.body, auditActorOf(requireAdmin(request)));
      const me = await getMe(db, id);
      return reply.status(201).send({ ...me, active: true });
    },
  );
}
