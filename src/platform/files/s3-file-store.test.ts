import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import S3rver from 's3rver';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { contentHash, FileNotFoundError } from './file-store.ts';
import { S3Error, S3FileStore, type S3Settings } from './s3-file-store.ts';

// A real S3-compatible server on a random local port (s3rver keeps objects in a temporary directory). s3rver does
// not verify SigV4 signatures; aws-sigv4.test.ts checks those against AWS's published examples.

describe('S3FileStore against a local S3 server', () => {
  let directory: string;
  let server: S3rver;
  let settings: S3Settings;
  const created: string[] = [];

  beforeAll(async () => {
    directory = fs.mkdtempSync(path.join(os.tmpdir(), 'motcua-s3-'));
    server = new S3rver({
      address: '127.0.0.1',
      port: 0,
      directory,
      silent: true,
      configureBuckets: [{ name: 'motcua-files' }],
    });
    server.on('event', (event: { Records: { eventName: string; s3: { object: { key: string } } }[] }) => {
      for (const record of event.Records) {
        if (record.eventName.startsWith('ObjectCreated')) created.push(record.s3.object.key);
      }
    });
    const { port } = await server.run();
    settings = {
      endpoint: `http://127.0.0.1:${port}`,
      bucket: 'motcua-files',
      region: 'us-east-1',
      accessKeyId: 'S3RVER',
      secretAccessKey: 'S3RVER',
      forcePathStyle: true,
    };
  });

  afterAll(async () => {
    await server?.close();
    if (directory) fs.rmSync(directory, { recursive: true, force: true });
  });

  it('stores by content hash under ab/cd/<sha256>, once, and reads back the same bytes', async () => {
    const store = new S3FileStore(settings);
    const bytes = Buffer.from('%PDF-1.4 kết quả giải quyết thủ tục hành chính');
    const sha256 = contentHash(bytes);
    expect(await store.exists(sha256)).toBe(false);
    expect(await store.put(bytes)).toBe(sha256);
    expect(await store.put(bytes)).toBe(sha256);
    expect(created).toEqual([`${sha256.slice(0, 2)}/${sha256.slice(2, 4)}/${sha256}`]); // the second put skipped
    expect(await store.exists(sha256)).toBe(true);
    expect((await store.get(sha256)).equals(bytes)).toBe(true);
  });

  it('round-trips a binary file of a few megabytes', async () => {
    const store = new S3FileStore(settings);
    const bytes = Buffer.alloc(3 * 1024 * 1024);
    for (let i = 0; i < bytes.length; i++) bytes[i] = (i * 7919) % 256;
    const sha256 = await store.put(bytes);
    expect((await store.get(sha256)).equals(bytes)).toBe(true);
  });

  it('tells a missing file from a failing store', async () => {
    const store = new S3FileStore(settings);
    const absent = contentHash(Buffer.from('never stored'));
    await expect(store.get(absent)).rejects.toBeInstanceOf(FileNotFoundError);
    await expect(store.get('../../etc/passwd')).rejects.toThrow(/invalid/);
    const stranger = new S3FileStore({ ...settings, accessKeyId: 'NOT-A-KEY' });
    const refused = await stranger.put(Buffer.from('x')).catch((error: unknown) => error);
    expect(refused).toBeInstanceOf(S3Error);
    expect(refused).toMatchObject({ status: 403 });
  });
});
