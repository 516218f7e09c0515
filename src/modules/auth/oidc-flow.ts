// The authorization code flow with the identity provider (openid-client): PKCE S256, state and nonce, with the
// transaction kept in the database so any process behind the load balancer can finish what another started.

import { createHash, randomBytes } from 'node:crypto';
import { eq, lt } from 'drizzle-orm';
import * as client from 'openid-client';
import type { OidcConfig } from '../../platform/config.ts';
import type { Db } from '../../platform/db/connect.ts';
import { oidcTransactions } from './schema.ts';

export const oidcCookieName = 'motcua_oidc';
/** How long the person has to finish signing in at the provider. */
export const oidcTransactionMinutes = 10;

/** Why a sign-in through the provider failed; the login page shows the Vietnamese message for each. */
export const oidcErrorCodes = [
  'denied',
  'expired',
  'state',
  'code',
  'no_id',
  'bad_id',
  'locked',
  'provider',
  'unavailable',
] as const;
export type OidcErrorCode = (typeof oidcErrorCodes)[number];

export const oidcErrorMessages: Record<OidcErrorCode, string> = {
  denied: 'Bạn đã từ chối cho phép chia sẻ thông tin định danh, nên chưa đăng nhập được.',
  expired: 'Phiên đăng nhập bằng định danh điện tử đã hết hạn hoặc không còn hiệu lực. Vui lòng thử lại.',
  state: 'Yêu cầu đăng nhập không hợp lệ (không khớp với phiên đã bắt đầu). Vui lòng thử lại.',
  code: 'Mã xác thực từ hệ thống định danh không hợp lệ hoặc đã được dùng. Vui lòng đăng nhập lại.',
  no_id: 'Hệ thống định danh không cung cấp số CCCD của bạn, nên không thể đăng nhập.',
  bad_id: 'Số CCCD do hệ thống định danh cung cấp không hợp lệ, nên không thể đăng nhập.',
  locked: 'Tài khoản đã bị khóa. Vui lòng liên hệ quản trị viên.',
  provider: 'Hệ thống định danh trả về lỗi. Vui lòng thử lại sau.',
  unavailable: 'Không kết nối được hệ thống định danh điện tử. Vui lòng thử lại sau.',
};

export class OidcSignInError extends Error {
  /** Where the sign-in meant to go back to, when known (kept for the next try from the login page). */
  returnPath: string | null = null;
  constructor(
    readonly code: OidcErrorCode,
    detail?: string,
  ) {
    super(detail ?? oidcErrorMessages[code]);
  }
}

const hashHandle = (handle: string) => createHash('sha256').update(handle).digest('hex');

/** The provider's metadata, discovered once per process (again after a failure). */
export class OidcProvider {
  private configuration: Promise<client.Configuration> | undefined;

  constructor(readonly settings: OidcConfig) {}

  get issuer(): string {
    return this.settings.issuerUrl;
  }

  private configure(): Promise<client.Configuration> {
    if (!this.configuration) {
      const { issuerUrl, clientId, clientSecret, clientAuthMethod } = this.settings;
      const insecure = new URL(issuerUrl).protocol === 'http:';
      const authentication =
        clientSecret === undefined
          ? client.None()
          : clientAuthMethod === 'client_secret_post'
            ? client.ClientSecretPost(clientSecret)
            : client.ClientSecretBasic(clientSecret);
      this.configuration = client
        .discovery(
          new URL(issuerUrl),
          clientId,
          clientSecret === undefined ? undefined : { client_secret: clientSecret },
          authentication,
          { ...(insecure ? { execute: [client.allowInsecureRequests] } : {}), timeout: 10 },
        )
        .catch((error: unknown) => {
          this.configuration = undefined;
          throw new OidcSignInError('unavailable', `discovery failed: ${(error as Error).message}`);
        });
    }
    return this.configuration;
  }

  /** Starts a sign-in: keeps the transaction and returns the handle for the cookie and where to send the browser. */
  async start(db: Db, returnPath: string | null): Promise<{ handle: string; authorizationUrl: URL }> {
    const configuration = await this.configure();
    const handle = randomBytes(32).toString('base64url');
    const state = client.randomState();
    const nonce = client.randomNonce();
    const codeVerifier = client.randomPKCECodeVerifier();
    const codeChallenge = await client.calculatePKCECodeChallenge(codeVerifier);
    await db.insert(oidcTransactions).values({
      handleHash: hashHandle(handle),
      state,
      nonce,
      codeVerifier,
      returnPath,
      expiresAt: new Date(Date.now() + oidcTransactionMinutes * 60_000),
    });
    const authorizationUrl = client.buildAuthorizationUrl(configuration, {
      redirect_uri: this.settings.redirectUri,
      scope: this.settings.scopes,
      code_challenge: codeChallenge,
      code_challenge_method: 'S256',
      state,
      nonce,
    });
    return { handle, authorizationUrl };
  }

  /**
   * Finishes a sign-in at the callback: takes the transaction (once), checks the state, exchanges the code with
   * the PKCE verifier and validates the ID token (signature, issuer, audience, expiry, nonce), then reads UserInfo.
   * Returns the subject and the claims (ID token and UserInfo merged), and the return path the sign-in started with.
   */
  async finish(
    db: Db,
    handle: string | undefined,
    query: Record<string, string | undefined>,
  ): Promise<{ subject: string; claims: Record<string, unknown>; returnPath: string | null }> {
    if (!handle) throw new OidcSignInError('expired');
    const [transaction] = await db
      .delete(oidcTransactions)
      .where(eq(oidcTransactions.handleHash, hashHandle(handle)))
      .returning();
    if (!transaction || transaction.expiresAt.getTime() <= Date.now()) throw new OidcSignInError('expired');
    try {
      return await this.exchange(transaction, query);
    } catch (error) {
      if (error instanceof OidcSignInError) error.returnPath = transaction.returnPath;
      throw error;
    }
  }

  private async exchange(
    transaction: typeof oidcTransactions.$inferSelect,
    query: Record<string, string | undefined>,
  ): Promise<{ subject: string; claims: Record<string, unknown>; returnPath: string | null }> {
    if (query.state !== transaction.state) throw new OidcSignInError('state');
    if (query.error) {
      throw new OidcSignInError(
        query.error === 'access_denied' ? 'denied' : 'provider',
        `${query.error}: ${query.error_description ?? ''}`,
      );
    }
    const configuration = await this.configure();
    const callbackUrl = new URL(this.settings.redirectUri);
    for (const [key, value] of Object.entries(query)) {
      if (value !== undefined) callbackUrl.searchParams.set(key, value);
    }
    let tokens: Awaited<ReturnType<typeof client.authorizationCodeGrant>>;
    try {
      tokens = await client.authorizationCodeGrant(
        configuration,
        callbackUrl,
        {
          pkceCodeVerifier: transaction.codeVerifier,
          expectedState: transaction.state,
          expectedNonce: transaction.nonce,
          idTokenExpected: true,
        },
        { redirect_uri: this.settings.redirectUri },
      );
    } catch (error) {
      if (error instanceof client.ResponseBodyError && error.error === 'invalid_grant') {
        throw new OidcSignInError('code', `${error.error}: ${error.error_description ?? ''}`);
      }
      throw new OidcSignInError('provider', (error as Error).message);
    }
    const idClaims = tokens.claims();
    if (!idClaims) throw new OidcSignInError('provider', 'no ID token');
    let userInfo: Record<string, unknown> = {};
    if (configuration.serverMetadata().userinfo_endpoint) {
      try {
        userInfo = await client.fetchUserInfo(configuration, tokens.access_token, idClaims.sub);
      } catch (error) {
        throw new OidcSignInError('provider', `userinfo: ${(error as Error).message}`);
      }
    }
    return {
      subject: idClaims.sub,
      claims: { ...userInfo, ...idClaims },
      returnPath: transaction.returnPath,
    };
  }
}

/** Sign-ins abandoned at the provider leave their transaction behind; this removes the expired ones. */
export async function pruneOidcTransactions(db: Db, now = new Date()): Promise<void> {
  await db.delete(oidcTransactions).where(lt(oidcTransactions.expiresAt, now));
}

/** A same-site path to go back to after signing in, or null (no open redirects to other sites). */
export function safeReturnPath(value: string | undefined | null): string | null {
  if (!value || value.length > 500) return null;
  if (!value.startsWith('/') || value.startsWith('//') || value.startsWith('/\\')) return null;
  // Control characters and backslashes could make a browser read the path as another host.
  if (value.includes('\\') || [...value].some((c) => c.charCodeAt(0) < 0x20 || c.charCodeAt(0) === 0x7f))
    return null;
  return value;
}
