import path from 'node:path';
import type { S3Settings } from './files/s3-file-store.ts';
import type { UploadLimits } from './files/upload-limits.ts';

/** Runtime configuration, read once from the environment. */
export interface AppConfig {
  port: number;
  host: string;
  /** Where the embedded database and uploaded files live. */
  dataDir: string;
  /** When set, a real PostgreSQL is the system of record instead of the embedded PGlite. */
  databaseUrl: string | undefined;
  /** Seed the Vị Thanh demo (units, offices, catalog, demo accounts) at start-up. */
  seedDemo: boolean;
  /** Directory of the built web app; served when it exists. */
  webDir: string;
  logLevel: string;
  /** External notification channels; a channel is configured only when all its settings are present. */
  notify: NotifyConfig;
  /** UPLOAD_MAX_FILE_MB, UPLOAD_MAX_DOSSIER_MB, UPLOAD_RATE_PER_10_MIN. */
  uploads: UploadLimits;
  /** Uploaded files go to this S3-compatible bucket when S3_BUCKET is set, else under DATA_DIR/files. */
  s3: S3Settings | undefined;
  /** PUBLIC_BASE_URL and RATING_LINK_SECRET: links sent to applicants (e.g. the rating link). */
  publicLinks: PublicLinkConfig;
  /** TRUST_PROXY: whose X-Forwarded-* headers to believe (client address, https for HSTS). */
  trustProxy: TrustProxy;
  /** METRICS_TOKEN: bearer token for /api/metrics; unset, only scrapers on this machine are answered. */
  metricsToken: string | undefined;
  /** Sign-in with the national electronic identity (OIDC_*); off when OIDC_ISSUER_URL is unset. */
  oidc: OidcConfig | undefined;
  /** SESSION_*: idle timeout and absolute lifetime of sessions, token rotation; MFA_ENCRYPTION_KEY. */
  sessions: SessionPolicy;
}

export interface SessionPolicy {
  /** Minutes without a request after which an officer's session ends. */
  officerIdleMinutes: number;
  /** The same for citizens (longer: filling an online application takes a while). */
  citizenIdleMinutes: number;
  /** Hours after signing in after which any session ends. */
  absoluteHours: number;
  /** Minutes after which a session's token is replaced by a new one on the next request. */
  rotateMinutes: number;
  /** Key (32 bytes, base64 or hex) encrypting TOTP secrets; when unset, a key kept in the database is used. */
  mfaEncryptionKey: string | undefined;
}

export const defaultSessionPolicy: SessionPolicy = {
  officerIdleMinutes: 30,
  citizenIdleMinutes: 120,
  absoluteHours: 12,
  rotateMinutes: 15,
  mfaEncryptionKey: undefined,
};

function positiveNumber(env: NodeJS.ProcessEnv, name: string, fallback: number): number {
  const raw = env[name];
  const value = raw === undefined || raw === '' ? fallback : Number(raw);
  if (!Number.isFinite(value) || value <= 0) throw new Error(`${name} không hợp lệ: ${raw} (số lớn hơn 0).`);
  return value;
}

export function loadSessionPolicy(env: NodeJS.ProcessEnv = process.env): SessionPolicy {
  const key = env.MFA_ENCRYPTION_KEY?.trim() || undefined;
  if (key !== undefined && !/^([0-9a-fA-F]{64}|[A-Za-z0-9+/_-]{43}=?)$/.test(key))
    throw new Error('MFA_ENCRYPTION_KEY không hợp lệ (32 byte: 64 chữ số hex hoặc base64).');
  return {
    officerIdleMinutes: positiveNumber(
      env,
      'SESSION_IDLE_MINUTES_OFFICER',
      defaultSessionPolicy.officerIdleMinutes,
    ),
    citizenIdleMinutes: positiveNumber(
      env,
      'SESSION_IDLE_MINUTES_CITIZEN',
      defaultSessionPolicy.citizenIdleMinutes,
    ),
    absoluteHours: positiveNumber(env, 'SESSION_ABSOLUTE_HOURS', defaultSessionPolicy.absoluteHours),
    rotateMinutes: positiveNumber(env, 'SESSION_ROTATE_MINUTES', defaultSessionPolicy.rotateMinutes),
    mfaEncryptionKey: key,
  };
}

export interface OidcConfig {
  /** The provider's issuer identifier; its metadata is read from /.well-known/openid-configuration. */
  issuerUrl: string;
  clientId: string;
  /** Absent for a public client (token requests then authenticate with PKCE only). */
  clientSecret: string | undefined;
  /** How the client authenticates at the token endpoint when it has a secret (OIDC Core's default: basic). */
  clientAuthMethod: 'client_secret_basic' | 'client_secret_post';
  redirectUri: string;
  scopes: string;
  /** The ID token or UserInfo claim carrying the 12-digit personal ID number (CCCD). */
  idNumberClaim: string;
  /** Text of the sign-in button, e.g. "Đăng nhập bằng VNeID". */
  buttonLabel: string;
  /** Officers may not sign in with a password; only through the identity provider. */
  requireForOfficers: boolean;
}

/** Fastify's trustProxy: off, on (every hop), a hop count, or the proxies' addresses/CIDRs. */
export type TrustProxy = boolean | number | string;

export function loadTrustProxy(env: NodeJS.ProcessEnv = process.env): TrustProxy {
  const raw = env.TRUST_PROXY?.trim();
  if (!raw || raw === 'false') return false;
  if (raw === 'true') return true;
  if (/^\d+$/.test(raw)) return Number(raw);
  if (!/^[0-9a-fA-F.:/,\s]+$/.test(raw))
    throw new Error(`TRUST_PROXY không hợp lệ: ${raw} (true, số bước proxy, hoặc danh sách địa chỉ/CIDR).`);
  return raw;
}

export interface PublicLinkConfig {
  /** Where applicants reach the portal, without a trailing slash. */
  publicBaseUrl: string;
  /** HMAC key of signed links; when unset, a secret generated once and kept in the database is used. */
  linkSecret: string | undefined;
}

export interface NotifyConfig {
  email: { url: string; from: string } | undefined;
  sms: { url: string; apiKey: string; brandname: string } | undefined;
  zalo: { url: string; accessToken: string } | undefined;
}

const defaultZaloUrl = 'https://openapi.zalo.me/v3.0/oa/message/cs';

/** A channel's settings: all present, or none (a half-configured channel is a mistake worth stopping for). */
function channelSettings<K extends string>(
  env: NodeJS.ProcessEnv,
  names: Record<K, string>,
): Record<K, string> | undefined {
  const entries = Object.entries<string>(names).map(([key, name]) => [key, env[name] || undefined] as const);
  const missing = Object.values<string>(names).filter((name) => !env[name]);
  if (missing.length === entries.length) return undefined;
  if (missing.length > 0) throw new Error(`Thiếu cấu hình ${missing.join(', ')} (các biến đi cùng nhau).`);
  return Object.fromEntries(entries) as Record<K, string>;
}

export function loadNotifyConfig(env: NodeJS.ProcessEnv = process.env): NotifyConfig {
  const zalo = channelSettings(env, { accessToken: 'ZALO_OA_ACCESS_TOKEN' });
  return {
    email: channelSettings(env, { url: 'SMTP_URL', from: 'MAIL_FROM' }),
    sms: channelSettings(env, { url: 'SMS_API_URL', apiKey: 'SMS_API_KEY', brandname: 'SMS_BRANDNAME' }),
    zalo: zalo ? { url: env.ZALO_OA_API_URL || defaultZaloUrl, ...zalo } : undefined,
  };
}

function megabytes(env: NodeJS.ProcessEnv, name: string, fallback: number): number {
  const raw = env[name];
  const value = raw === undefined || raw === '' ? fallback : Number(raw);
  if (!Number.isFinite(value) || value <= 0)
    throw new Error(`${name} không hợp lệ: ${raw} (số MB, lớn hơn 0).`);
  return Math.round(value * 1024 * 1024);
}

export function loadUploadLimits(env: NodeJS.ProcessEnv = process.env): UploadLimits {
  return {
    maxFileBytes: megabytes(env, 'UPLOAD_MAX_FILE_MB', 10),
    maxDossierBytes: megabytes(env, 'UPLOAD_MAX_DOSSIER_MB', 50),
    perSenderPer10Minutes: wholeNumber(env, 'UPLOAD_RATE_PER_10_MIN', 120),
  };
}

function wholeNumber(env: NodeJS.ProcessEnv, name: string, fallback: number): number {
  const raw = env[name];
  const value = raw === undefined || raw === '' ? fallback : Number(raw);
  if (!Number.isInteger(value) || value <= 0)
    throw new Error(`${name} không hợp lệ: ${raw} (số nguyên, lớn hơn 0).`);
  return value;
}

/** S3 storage is on when S3_BUCKET is set; then the credentials must be too. */
export function loadS3Config(env: NodeJS.ProcessEnv = process.env): S3Settings | undefined {
  if (!env.S3_BUCKET) return undefined;
  const missing = ['S3_ACCESS_KEY_ID', 'S3_SECRET_ACCESS_KEY'].filter((name) => !env[name]);
  if (missing.length > 0) throw new Error(`Thiếu cấu hình ${missing.join(', ')} (cần khi đặt S3_BUCKET).`);
  const region = env.S3_REGION || 'us-east-1';
  const endpoint = env.S3_ENDPOINT || `https://s3.${region}.amazonaws.com`;
  if (!URL.canParse(endpoint)) throw new Error(`S3_ENDPOINT không hợp lệ: ${endpoint}`);
  return {
    endpoint,
    bucket: env.S3_BUCKET,
    region,
    accessKeyId: env.S3_ACCESS_KEY_ID ?? '',
    secretAccessKey: env.S3_SECRET_ACCESS_KEY ?? '',
    forcePathStyle: env.S3_FORCE_PATH_STYLE !== 'false',
  };
}

export function loadPublicLinkConfig(env: NodeJS.ProcessEnv = process.env): PublicLinkConfig {
  const publicBaseUrl = (env.PUBLIC_BASE_URL || 'http://localhost:3000').replace(/\/+$/, '');
  if (!URL.canParse(publicBaseUrl) || !/^https?:/.test(publicBaseUrl))
    throw new Error(`PUBLIC_BASE_URL không hợp lệ: ${env.PUBLIC_BASE_URL} (http:// hoặc https://).`);
  const linkSecret = env.RATING_LINK_SECRET || undefined;
  if (linkSecret !== undefined && linkSecret.length < 16)
    throw new Error('RATING_LINK_SECRET quá ngắn (ít nhất 16 ký tự).');
  return { publicBaseUrl, linkSecret };
}

const loopbackHosts = new Set(['localhost', '127.0.0.1', '[::1]']);

/** The identity provider settings; all OIDC_* variables are ignored unless OIDC_ISSUER_URL is set. */
export function loadOidcConfig(env: NodeJS.ProcessEnv = process.env): OidcConfig | undefined {
  const issuerUrl = env.OIDC_ISSUER_URL?.trim();
  if (!issuerUrl) return undefined;
  if (!URL.canParse(issuerUrl)) throw new Error(`OIDC_ISSUER_URL không hợp lệ: ${issuerUrl}`);
  const issuer = new URL(issuerUrl);
  if (issuer.protocol !== 'https:' && !(issuer.protocol === 'http:' && loopbackHosts.has(issuer.hostname)))
    throw new Error(`OIDC_ISSUER_URL phải dùng https:// (http:// chỉ cho máy cục bộ): ${issuerUrl}`);
  const clientId = env.OIDC_CLIENT_ID?.trim();
  if (!clientId) throw new Error('Thiếu cấu hình OIDC_CLIENT_ID (cần khi đặt OIDC_ISSUER_URL).');
  const redirectUri =
    env.OIDC_REDIRECT_URI?.trim() || `${loadPublicLinkConfig(env).publicBaseUrl}/api/auth/oidc/callback`;
  if (!URL.canParse(redirectUri) || !/^https?:/.test(redirectUri))
    throw new Error(`OIDC_REDIRECT_URI không hợp lệ: ${redirectUri}`);
  const scopes = (env.OIDC_SCOPES?.trim() || 'openid profile cccd').split(/[\s,]+/).filter(Boolean);
  if (!scopes.includes('openid')) scopes.unshift('openid');
  const clientAuthMethod = env.OIDC_CLIENT_AUTH_METHOD?.trim() || 'client_secret_basic';
  if (clientAuthMethod !== 'client_secret_basic' && clientAuthMethod !== 'client_secret_post')
    throw new Error(
      `OIDC_CLIENT_AUTH_METHOD không hợp lệ: ${clientAuthMethod} (client_secret_basic hoặc client_secret_post).`,
    );
  const required = env.OIDC_REQUIRE_FOR_OFFICERS?.trim().toLowerCase() ?? '';
  if (!['', 'true', 'false'].includes(required))
    throw new Error(
      `OIDC_REQUIRE_FOR_OFFICERS không hợp lệ: ${env.OIDC_REQUIRE_FOR_OFFICERS} (true hoặc false).`,
    );
  return {
    issuerUrl,
    clientId,
    clientSecret: env.OIDC_CLIENT_SECRET || undefined,
    clientAuthMethod,
    redirectUri,
    scopes: scopes.join(' '),
    idNumberClaim: env.OIDC_ID_CLAIM?.trim() || 'cccd',
    buttonLabel: env.OIDC_BUTTON_LABEL?.trim() || 'Đăng nhập bằng VNeID',
    requireForOfficers: required === 'true',
  };
}

export function loadConfig(env: NodeJS.ProcessEnv = process.env): AppConfig {
  const port = Number(env.PORT ?? 3000);
  if (!Number.isInteger(port) || port < 0 || port > 65535) {
    throw new Error(`PORT không hợp lệ: ${env.PORT}`);
  }
  return {
    port,
    host: env.HOST ?? '0.0.0.0',
    dataDir: path.resolve(env.DATA_DIR ?? 'data'),
    databaseUrl: env.DATABASE_URL || undefined,
    seedDemo: env.SEED_DEMO !== 'false',
    webDir: path.resolve(env.WEB_DIR ?? 'dist/web'),
    logLevel: env.LOG_LEVEL ?? 'info',
    notify: loadNotifyConfig(env),
    uploads: loadUploadLimits(env),
    s3: loadS3Config(env),
    publicLinks: loadPublicLinkConfig(env),
    trustProxy: loadTrustProxy(env),
    metricsToken: env.METRICS_TOKEN || undefined,
    oidc: loadOidcConfig(env),
    sessions: loadSessionPolicy(env),
  };
}
