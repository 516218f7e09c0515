import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import zlib from 'node:zlib';
import { describe, expect, it } from 'vitest';
import { LocalFileStore } from '../files/file-store.ts';
import { buildServer } from './server.ts';

const context = { db: {} as never, dbKind: 'pglite' as const, files: new LocalFileStore(os.tmpdir()) };

describe('HTTP platform', () => {
  it('answers unknown API paths with a Vietnamese 404, without a web app', async () => {
    const app = await buildServer({ context, modules: [], logLevel: 'silent' });
    const response = await app.inject({ method: 'GET', url: '/api/khong-co?x=1' });
    expect(response.statusCode).toBe(404);
    expect(response.json().error).toEqual({
      code: 'NOT_FOUND',
      message: 'Không tìm thấy địa chỉ GET /api/khong-co.',
    });
    await app.close();
  });

  it('serves the single-page app for client routes, assets as immutable, and still 404s unknown API paths', async () => {
    const webDir = fs.mkdtempSync(path.join(os.tmpdir(), 'motcua-web-'));
    fs.mkdirSync(path.join(webDir, 'assets'));
    fs.writeFileSync(path.join(webDir, 'index.html'), '<!doctype html><title>Motcua</title>');
    fs.writeFileSync(path.join(webDir, 'assets', 'app-abc123.js'), 'console.log(1)');
    fs.writeFileSync(
      path.join(webDir, 'assets', 'app-abc123.js.br'),
      zlib.brotliCompressSync('console.log(1)'),
    );
    const app = await buildServer({ context, modules: [], logLevel: 'silent', webDir });
    const page = await app.inject({ method: 'GET', url: '/thu-tuc/1.001193' });
    expect(page.statusCode).toBe(200);
    expect(page.body).toContain('<title>Motcua</title>');
    expect(page.headers['cache-control']).toBe('no-cache');
    const asset = await app.inject({ method: 'GET', url: '/assets/app-abc123.js' });
    expect(asset.headers['cache-control']).toContain('immutable');
    // The build's pre-compressed copy goes to browsers that accept it (a third of the bytes on slow networks).
    const compressed = await app.inject({
      method: 'GET',
      url: '/assets/app-abc123.js',
      headers: { 'accept-encoding': 'gzip, br' },
    });
    expect(compressed.headers['content-encoding']).toBe('br');
    expect(zlib.brotliDecompressSync(compressed.rawPayload).toString()).toBe('console.log(1)');
    expect((await app.inject({ method: 'GET', url: '/api/khong-co' })).statusCode).toBe(404);
    expect((await app.inject({ method: 'POST', url: '/thu-tuc' })).statusCode).toBe(404);
    const docs = await app.inject({ method: 'GET', url: '/api/docs/json' });
    expect(docs.json().info.title).toBe('Motcua API');
    await app.close();
    fs.rmSync(webDir, { recursive: true, force: true });
  });
});
