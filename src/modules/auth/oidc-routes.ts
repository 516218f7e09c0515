import type { FastifyReply, FastifyRequest } from 'fastify';
import { z } from 'zod';
import type { OidcConfig } from '../../platform/config.ts';
import type { AppContext, ZodApp } from '../../platform/http/context.ts';
import { notFound } from '../../platform/http/errors.ts';
import { getMe } from './accounts.ts';
import type { AuthRuntime } from './auth-runtime.ts';
import { requireAdmin, requireUser } from './guards.ts';
import { accountForIdentity, linkOfficerIdentity, linksOf, unlinkIdentity } from './identity-links.ts';
import {
  type OidcErrorCode,
  OidcProvider,
  OidcSignInError,
  oidcCookieName,
  oidcTransactionMinutes,
  pruneOidcTransactions,
  safeReturnPath,
} from './oidc-flow.ts';
import { startSession } from './sessions.ts';

const oidcCookiePath = '/api/auth/oidc';
const param = z.string().max(4096).optional();

export const oidcSettingsSchema = z.object({
  enabled: z.boolean(),
  /** The sign-in button's text, e.g. "Đăng nhập bằng VNeID". */
  label: z.string().nullable(),
  requiredForOfficers: z.boolean(),
});

const identityLinkSchema = z.object({
  id: z.string(),
  /** The button label of the provider when the link is to the configured one, else its issuer URL. */
  provider: z.string(),
  issuer: z.string(),
  linkedBy: z.enum(['sign_in', 'admin']),
  createdAt: z.date(),
  lastSignInAt: z.date().nullable(),
});

export function registerOidcRoutes(
  app: ZodApp,
  { db }: AppContext,
  settings: OidcConfig | undefined,
  rt: AuthRuntime,
): void {
  const provider = settings ? new OidcProvider(settings) : undefined;
  /** "VNeID" for links to the configured provider (from the button's text), else the issuer URL. */
  const providerName = (issuer: string) =>
    settings && issuer === settings.issuerUrl
      ? settings.buttonLabel.replace(/^Đăng nhập bằng\s+/i, '')
      : issuer;

  app.get(
    '/api/auth/oidc',
    {
      schema: {
        tags: ['accounts'],
        summary: 'Whether sign-in with the national electronic identity is offered',
        response: { 200: oidcSettingsSchema },
      },
    },
    async () => ({
      enabled: provider !== undefined,
      label: settings?.buttonLabel ?? null,
      requiredForOfficers: settings?.requireForOfficers ?? false,
    }),
  );

  /** Back to the login page with the reason (the page shows its Vietnamese message). */
  const toLoginPage = (reply: FastifyReply, code: OidcErrorCode, returnPath: string | null) => {
    const query = new URLSearchParams({ loi_dinh_danh: code });
    if (returnPath) query.set('next', returnPath);
    return reply.redirect(`/dang-nhap?${query}`, 302);
  };
  const transactionCookie = (request: FastifyRequest) => ({
    path: oidcCookiePath,
    httpOnly: true,
    // Lax: the provider sends the browser back with a top-level GET, which carries the cookie.
    sameSite: 'lax' as const,
    secure: request.protocol === 'https',
  });

  app.get(
    '/api/auth/oidc/start',
    {
      schema: {
        tags: ['accounts'],
        summary: 'Start signing in with the national electronic identity (redirects to the provider)',
        querystring: z.object({ next: param }),
      },
    },
    async (request, reply) => {
      if (!provider) throw notFound('Chưa cấu hình đăng nhập bằng định danh điện tử.');
      const returnPath = safeReturnPath(request.query.next);
      try {
        await pruneOidcTransactions(db);
        const { handle, authorizationUrl } = await provider.start(db, returnPath);
        reply.setCookie(oidcCookieName, handle, {
          ...transactionCookie(request),
          maxAge: oidcTransactionMinutes * 60,
        });
        return reply.redirect(authorizationUrl.href, 302);
      } catch (error) {
        const code = error instanceof OidcSignInError ? error.code : 'unavailable';
        request.log.warn({ err: error }, 'OIDC sign-in could not start');
        return toLoginPage(reply, code, returnPath);
      }
    },
  );

  app.get(
    '/api/auth/oidc/callback',
    {
      schema: {
        tags: ['accounts'],
        summary: 'Where the identity provider sends the browser back (signs in, then redirects)',
        querystring: z.object({
          code: param,
          state: param,
          iss: param,
          error: param,
          error_description: param,
        }),
      },
    },
    async (request, reply) => {
      if (!provider || !settings) throw notFound('Chưa cấu hình đăng nhập bằng định danh điện tử.');
      const handle = request.cookies[oidcCookieName];
      reply.clearCookie(oidcCookieName, transactionCookie(request));
      let returnPath: string | null = null;
      try {
        const result = await provider.finish(db, handle, request.query);
        returnPath = result.returnPath;
        const userId = await accountForIdentity(db, {
          issuer: provider.issuer,
          subject: result.subject,
          claims: result.claims,
          idNumberClaim: settings.idNumberClaim,
        });
        await startSession(rt, request, reply, userId);
        const user = await getMe(db, userId);
        const home = user.kind === 'officer' && user.roles.length > 0 ? '/quan-tri' : '/tai-khoan';
        return reply.redirect(returnPath ?? home, 302);
      } catch (error) {
        if (!(error instanceof OidcSignInError)) throw error;
        request.log.warn({ reason: error.code, detail: error.message }, 'OIDC sign-in refused');
        return toLoginPage(reply, error.code, returnPath ?? error.returnPath);
      }
    },
  );

  app.get(
    '/api/auth/identity-links',
    {
      schema: {
        tags: ['accounts'],
        summary: 'The electronic identities linked to my account',
        response: { 200: z.array(identityLinkSchema) },
      },
    },
    async (request) => {
      const { userId } = requireUser(request);
      // The subject stays on the server: its owner has no use for it.
      return (await linksOf(db, userId)).map(({ subject: _subject, ...link }) => ({
        ...link,
        provider: providerName(link.issuer),
      }));
    },
  );

  app.get(
    '/api/admin/users/:userId/identity-links',
    {
      schema: {
        tags: ['administration'],
        summary: "An account's linked electronic identities",
        params: z.object({ userId: z.uuid('Mã tài khoản không hợp lệ.') }),
        response: { 200: z.array(identityLinkSchema.extend({ subject: z.string() })) },
      },
    },
    async (request) => {
      requireAdmin(request);
      return (await linksOf(db, request.params.userId)).map((link) => ({
        ...link,
        provider: providerName(link.issuer),
      }));
    },
  );

  app.post(
    '/api/admin/users/:userId/identity-links',
    {
      schema: {
        tags: ['administration'],
        summary: "Link an officer's account to their identity (subject) at the configured provider",
        params: z.object({ userId: z.uuid('Mã tài khoản không hợp lệ.') }),
        body: z
          .object({
            subject: z
              .string()
              .trim()
              .min(1, 'Vui lòng nhập mã định danh (subject) tại hệ thống định danh.')
              .max(255, 'Mã định danh quá dài.'),
          })
          .strict(),
        response: { 201: z.object({ id: z.string() }) },
      },
    },
    async (request, reply) => {
      requireAdmin(request);
      if (!settings) throw notFound('Chưa cấu hình đăng nhập bằng định danh điện tử.');
      const id = await linkOfficerIdentity(db, {
        userId: request.params.userId,
        issuer: settings.issuerUrl,
        subject: request.body.subject,
      });
      return reply.status(201).send({ id });
    },
  );

  app.delete(
    '/api/admin/users/:userId/identity-links/:linkId',
    {
      schema: {
        tags: ['administration'],
        summary: 'Remove the link between an account and an electronic identity',
        params: z.object({
          userId: z.uuid('Mã tài khoản không hợp lệ.'),
          linkId: z.uuid('Mã liên kết không hợp lệ.'),
        }),
      },
    },
    async (request, reply) => {
      requireAdmin(request);
      await unlinkIdentity(db, request.params.userId, request.params.linkId);
      return reply.status(204).send();
    },
  );
}
