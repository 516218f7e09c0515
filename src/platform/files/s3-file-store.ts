import { signRequest } from './aws-sigv4.ts';
import {
  assertContentHash,
  contentHash,
  FileNotFoundError,
  type FileStore,
  shardedKey,
} from './file-store.ts';

export interface S3Settings {
  /** `https://s3.example.vn` or `http://127.0.0.1:9000`; no bucket in it. */
  endpoint: string;
  bucket: string;
  region: string;
  accessKeyId: string;
  secretAccessKey: string;
  /** `endpoint/bucket/key` (MinIO, Ceph, most self-hosted stores) instead of `bucket.endpoint/key`. */
  forcePathStyle: boolean;
}

export class S3Error extends Error {
  constructor(
    readonly status: number,
    readonly s3Code: string | undefined,
    what: string,
  ) {
    super(`S3 ${what}: HTTP ${status}${s3Code ? ` ${s3Code}` : ''}`);
  }
}

const timeoutMs = 60_000;

/**
 * Content-addressed files in an S3-compatible bucket, objects keyed `ab/cd/<sha256>`. A small SigV4 client over
 * fetch (docs/decisions/0006-file-storage.md): the store needs three calls, not an SDK.
 */
export class S3FileStore implements FileStore {
  private readonly base: URL;

  constructor(private readonly settings: S3Settings) {
    const endpoint = new URL(settings.endpoint);
    if (!settings.forcePathStyle) endpoint.hostname = `${settings.bucket}.${endpoint.hostname}`;
    endpoint.pathname = settings.forcePathStyle
      ? `${endpoint.pathname.replace(/\/+$/, '')}/${settings.bucket}/`
      : `${endpoint.pathname.replace(/\/+$/, '')}/`;
    this.base = endpoint;
  }

  private urlOf(sha256: string) {
    assertContentHash(sha256);
    return new URL(shardedKey(sha256), this.base);
  }

  private send(method: string, url: URL, payloadHash: string, body?: Uint8Array<ArrayBuffer>) {
    const headers = signRequest(
      {
        method,
        url,
        headers: {
          'x-amz-content-sha256': payloadHash,
          ...(body ? { 'content-type': 'application/octet-stream' } : {}),
        },
        payloadHash,
      },
      { ...this.settings, service: 's3' },
    );
    // fetch sets Host itself, from the same URL that was signed.
    const { host: _host, ...sent } = headers;
    return fetch(url, {
      method,
      headers: sent,
      ...(body ? { body } : {}),
      signal: AbortSignal.timeout(timeoutMs),
    });
  }

  async put(bytes: Uint8Array): Promise<string> {
    const sha256 = contentHash(bytes);
    // Idempotent: content-addressed objects never change, so an existing one is already right.
    if (await this.exists(sha256)) return sha256;
    // The payload hash is the id, so the server verifies the bytes arrived intact.
    // fetch takes no views of shared memory; uploads never are, so this copies nothing in practice.
    const body =
      bytes.buffer instanceof ArrayBuffer ? (bytes as Uint8Array<ArrayBuffer>) : new Uint8Array(bytes);
    const response = await this.send('PUT', this.urlOf(sha256), sha256, body);
    if (!response.ok) throw await failure(response, `PUT ${sha256}`);
    await response.body?.cancel();
    return sha256;
  }

  async get(sha256: string): Promise<Buffer> {
    const response = await this.send('GET', this.urlOf(sha256), 'UNSIGNED-PAYLOAD');
    if (response.status === 404) {
      await response.body?.cancel();
      throw new FileNotFoundError(sha256);
    }
    if (!response.ok) throw await failure(response, `GET ${sha256}`);
    const bytes = Buffer.from(await response.arrayBuffer());
    if (contentHash(bytes) !== sha256) throw new Error(`S3 GET ${sha256}: content does not match its hash`);
    return bytes;
  }

  async exists(sha256: string): Promise<boolean> {
    const response = await this.send('HEAD', this.urlOf(sha256), 'UNSIGNED-PAYLOAD');
    await response.body?.cancel();
    if (response.status === 404) return false;
    if (!response.ok) throw new S3Error(response.status, undefined, `HEAD ${sha256}`);
    return true;
  }
}

async function failure(response: Response, what: string) {
  const text = await response.text().catch(() => '');
  return new S3Error(response.status, /<Code>([^<]+)<\/Code>/.exec(text)?.[1], what);
}
