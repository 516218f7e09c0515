// A real OpenID provider (oidc-provider) standing in for VNeID on a developer's machine and in the tests.
// Its sign-in page accepts any password; the login name chooses the identity (all of them invented):
//   - 12 digits, e.g. 093190004321: a person whose CCCD is that number;
//   - "congdan": Nguyễn Thị Hoa, CCCD 093190004321 (the demo citizen);
//   - anything else: a person whose identity carries no CCCD.
// Run: npx tsx src/modules/auth/testing/oidc-provider-server.ts 4455
// then start Motcua with OIDC_ISSUER_URL=http://localhost:4455 OIDC_CLIENT_ID=motcua-demo
// OIDC_CLIENT_SECRET=motcua-demo-secret (see src/modules/auth/README.md).

import { generateKeyPairSync } from 'node:crypto';
import http from 'node:http';
import type { AddressInfo } from 'node:net';
import { pathToFileURL } from 'node:url';
import Provider from 'oidc-provider';

export const demoClient = { clientId: 'motcua-demo', clientSecret: 'motcua-demo-secret' } as const;
export const demoPublicClientId = 'motcua-demo-public';

/** Invented identities by login name (not real people). */
const namedIdentities: Record<string, { name: string; cccd?: string }> = {
  congdan: { name: 'Nguyễn Thị Hoa', cccd: '093190004321' },
};

export interface DemoIdentity {
  sub: string;
  name: string;
  cccd?: string;
}

/** The identity behind a login name typed on the provider's sign-in page (the name is also the subject). */
export function demoIdentity(login: string): DemoIdentity {
  const trimmed = login.trim();
  if (/^\d{12}$/.test(trimmed)) {
    return { sub: trimmed, name: `Công dân minh họa ${trimmed.slice(-4)}`, cccd: trimmed };
  }
  const named = namedIdentities[trimmed];
  if (named) return { sub: trimmed, ...named };
  return { sub: trimmed, name: `Người dùng minh họa ${trimmed}` };
}

export interface RunningOidcProvider {
  issuer: string;
  port: number;
  close(): Promise<void>;
}

/**
 * Starts the provider on 127.0.0.1:<port> (0: any free port) with a confidential and a public client that may
 * redirect to the given URIs.
 */
export async function startOidcProvider(options: {
  port?: number;
  /** The host name in the issuer URL (the provider listens on 127.0.0.1 either way). */
  issuerHost?: 'localhost' | '127.0.0.1';
  redirectUris: string[];
}): Promise<RunningOidcProvider> {
  let handler: http.RequestListener = (_request, response) => {
    response.statusCode = 503;
    response.end();
  };
  const server = http.createServer((request, response) => handler(request, response));
  await new Promise<void>((resolve, reject) => {
    server.once('error', reject);
    server.listen(options.port ?? 0, '127.0.0.1', resolve);
  });
  const port = (server.address() as AddressInfo).port;
  const issuer = `http://${options.issuerHost ?? '127.0.0.1'}:${port}`;
  const { privateKey } = generateKeyPairSync('rsa', { modulusLength: 2048 });
  const signingKey = { ...privateKey.export({ format: 'jwk' }), kid: 'demo-rs256', alg: 'RS256', use: 'sig' };
  const common = {
    redirect_uris: options.redirectUris,
    grant_types: ['authorization_code'],
    response_types: ['code' as const],
  };
  const provider = new Provider(issuer, {
    clients: [
      { client_id: demoClient.clientId, client_secret: demoClient.clientSecret, ...common },
      { client_id: demoPublicClientId, token_endpoint_auth_method: 'none', ...common },
    ],
    jwks: { keys: [signingKey] },
    cookies: { keys: ['motcua-demo-provider-cookie-key'] },
    scopes: ['openid', 'profile', 'cccd'],
    claims: { openid: ['sub'], profile: ['name'], cccd: ['cccd'] },
    features: { devInteractions: { enabled: true } },
    pkce: { required: () => true },
    ttl: {
      AccessToken: 600,
      AuthorizationCode: 60,
      IdToken: 600,
      Grant: 3600,
      Interaction: 600,
      Session: 3600,
    },
    async findAccount(_ctx, id) {
      // The sign-in page's login name is the account id (and the subject).
      const identity = demoIdentity(id);
      return {
        accountId: id,
        async claims() {
          return { sub: id, name: identity.name, ...(identity.cccd ? { cccd: identity.cccd } : {}) };
        },
      };
    },
  });
  const callback = provider.callback();
  handler = (request, response) => {
    callback(request, response);
  };
  return {
    issuer,
    port,
    close: () =>
      new Promise<void>((resolve) => {
        server.closeAllConnections();
        server.close(() => resolve());
      }),
  };
}

if (process.argv[1] && import.meta.url === pathToFileURL(process.argv[1]).href) {
  const port = Number(process.argv[2] ?? 4455);
  const redirectUris = (
    process.env.OIDC_DEMO_REDIRECT_URIS ??
    'http://localhost:3000/api/auth/oidc/callback,http://127.0.0.1:3000/api/auth/oidc/callback'
  )
    .split(',')
    .map((uri) => uri.trim())
    .filter(Boolean);
  const issuerHost = process.env.OIDC_DEMO_ISSUER_HOST === '127.0.0.1' ? '127.0.0.1' : 'localhost';
  const running = await startOidcProvider({ port, issuerHost, redirectUris });
  process.stdout.write(
    `Nhà cung cấp định danh minh họa: ${running.issuer} (client ${demoClient.clientId} / ${demoClient.clientSecret}, hoặc ${demoPublicClientId} không có secret)\n` +
      `  Chuyển hướng được phép: ${redirectUris.join(', ')}\n`,
  );
  for (const signal of ['SIGINT', 'SIGTERM'] as const) {
    process.once(signal, () => void running.close().then(() => process.exit(0)));
  }
}
