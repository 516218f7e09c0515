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
import { requireAdmin, requireUser } from './guards.ts';
import { registerOidcRoutes } from './oidc-routes.ts';
import { deleteSession, sessionCookieName, startSession } from './sessions.ts';

const userResponse = z.object({ user: meSchema });

/** Accounts, sessions and, when configured, sign-in with the national electronic identity (OIDC). */
export function authRoutes(options: { oidc?: OidcConfig | undefined } = {}) {
  return (app: ZodApp, context: AppContext) => registerAuthRoutes(app, context, options.oidc);
}

function registerAuthRoutes(app: ZodApp, context: AppContext, oidc: OidcConfig | undefined): void {
  const { db } = context;
  registerOidcRoutes(app, context, oidc);

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
      await startSession(db, request, reply, userId);
      return reply.status(201).send({ user: await getMe(db, userId) });
    },
  );

  app.post(
    '/api/auth/login',
    { schema: { tags: ['accounts'], summary: 'Sign in', body: loginBody, response: { 200: userResponse } } },
    async (request, reply) => {
      const userId = await authenticate(db, request.body.identifier, request.body.password, request.ip);
      const user = await getMe(db, userId);
      if (oidc?.requireForOfficers && user.kind === 'officer') {
        throw forbidden(
          `Tài khoản cán bộ, công chức phải đăng nhập bằng định danh điện tử: vui lòng chọn “${oidc.buttonLabel}”.`,
        );
      }
      await startSession(db, request, reply, userId);
      return { user };
    },
  );

  app.post(
    '/api/auth/logout',
    { schema: { tags: ['accounts'], summary: 'Sign out' } },
    async (request, reply) => {
      const token = request.cookies[sessionCookieName];
      if (token) await deleteSession(db, token);
      reply.clearCookie(sessionCookieName, { path: '/' });
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
    async (request) => ({ user: request.principal ? await getMe(db, request.principal.userId) : null }),
  );

  app.post(
    '/api/auth/change-password',
    { schema: { tags: ['accounts'], summary: 'Change own password', body: changePasswordBody } },
    async (request, reply) => {
      await changePassword(db, requireUser(request).userId, request.body);
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
