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

  it('answers undecodable and overlong paths with the standard Vietnamese error body', async () => {
    const app = await buildServer({
      context,
      modules: [(typed) => typed.get('/api/things/:id', async () => ({ ok: true }))],
      logLevel: 'silent',
    });
    const undecodable = await app.inject({ method: 'GET', url: '/api/things/%ED%A0%80' });
    expect(undecodable.statusCode).toBe(400);
    expect(undecodable.json().error).toEqual({
      code: 'VALIDATION',
      message: 'Địa chỉ yêu cầu không hợp lệ (không giải mã được).',
    });
    const overlong = await app.inject({ method: 'GET', url: `/api/things/${'a'.repeat(201)}` });
    expect(overlong.statusCode).toBe(414);
    expect(overlong.json().error).toEqual({ code: 'VALIDATION', message: 'Địa chỉ yêu cầu quá dài.' });
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

describe('web hardening and operations endpoints', () => {
  const withRoute = async (options: { metricsToken?: string; trustProxy?: boolean } = {}) => {
    const app = await buildServer({
      context,
      logLevel: 'silent',
      ...options,
      modules: [
        (typed) => {
          typed.post('/api/echo', async () => ({ ok: true }));
          typed.get('/api/things/:id', async () => ({ ok: true }));
        },
      ],
    });
    return app;
  };

  it('sends the security headers on API answers and pages, HSTS only over TLS', async () => {
    const app = await withRoute({ trustProxy: true });
    const plain = await app.inject({ method: 'GET', url: '/api/khong-co' });
    expect(plain.headers['content-security-policy']).toContain("script-src 'self'");
    expect(plain.headers['content-security-policy']).not.toMatch(/script-src[^;]*unsafe-inline/);
    expect(plain.headers['content-security-policy']).toContain("frame-ancestors 'self'");
    expect(plain.headers['x-content-type-options']).toBe('nosniff');
    expect(plain.headers['referrer-policy']).toBe('strict-origin-when-cross-origin');
    expect(plain.headers['strict-transport-security']).toBeUndefined();
    const tls = await app.inject({
      method: 'GET',
      url: '/api/khong-co',
      headers: { 'x-forwarded-proto': 'https' },
    });
    expect(tls.headers['strict-transport-security']).toContain('max-age=31536000');
    await app.close();
  });

  it('refuses a cross-site write that carries the session cookie, with a Vietnamese message', async () => {
    const app = await withRoute();
    const forged = await app.inject({
      method: 'POST',
      url: '/api/echo',
      headers: { cookie: 'motcua_sid=abc', origin: 'https://evil.example', host: 'motcua.example.vn' },
      payload: {},
    });
    expect(forged.statusCode).toBe(403);
    expect(forged.json().error.message).toContain('không xuất phát từ trang của hệ thống');
    const fetchSite = await app.inject({
      method: 'POST',
      url: '/api/echo',
      headers: { cookie: 'motcua_sid=abc', 'sec-fetch-site': 'cross-site' },
      payload: {},
    });
    expect(fetchSite.statusCode).toBe(403);
    const own = await app.inject({
      method: 'POST',
      url: '/api/echo',
      headers: {
        cookie: 'motcua_sid=abc',
        origin: 'https://motcua.example.vn',
        host: 'motcua.example.vn',
        'sec-fetch-site': 'same-origin',
      },
      payload: {},
    });
    expect(own.statusCode).toBe(200);
    // Other systems call without cookies (their own signatures); a cross-site GET changes nothing.
    const server = await app.inject({
      method: 'POST',
      url: '/api/echo',
      headers: { origin: 'https://evil.example' },
      payload: {},
    });
    expect(server.statusCode).toBe(200);
    await app.close();
  });

  it('keeps a valid caller request id, makes one otherwise, and echoes it', async () => {
    const app = await withRoute();
    const given = await app.inject({
      method: 'GET',
      url: '/api/things/1',
      headers: { 'x-request-id': 'proxy-1234abcd' },
    });
    expect(given.headers['x-request-id']).toBe('proxy-1234abcd');
    const hostile = await app.inject({
      method: 'GET',
      url: '/api/things/1',
      headers: { 'x-request-id': 'a"\nb' },
    });
    expect(hostile.headers['x-request-id']).toMatch(/^[0-9a-f-]{36}$/);
    await app.close();
  });

  it('serves Prometheus metrics by route pattern to the machine itself or a token bearer only', async () => {
    const app = await withRoute({ metricsToken: 'secret-token-123' });
    await app.inject({ method: 'GET', url: '/api/things/1' });
    await app.inject({ method: 'GET', url: '/api/things/2' });
    expect((await app.inject({ method: 'GET', url: '/api/metrics' })).statusCode).toBe(403);
    const metrics = await app.inject({
      method: 'GET',
      url: '/api/metrics',
      headers: { authorization: 'Bearer secret-token-123' },
    });
    expect(metrics.statusCode).toBe(200);
    expect(metrics.headers['content-type']).toContain('text/plain');
    expect(metrics.body).toContain(
      'http_requests_total{method="GET",route="/api/things/:id",status="200"} 2',
    );
    expect(metrics.body).toContain(
      'http_request_duration_seconds_count{method="GET",route="/api/things/:id"} 2',
    );
    expect(metrics.body).toMatch(/process_resident_memory_bytes \d+/);
    await app.close();

    const open = await withRoute();
    expect((await open.inject({ method: 'GET', url: '/api/metrics' })).statusCode).toBe(200);
    const proxied = await open.inject({
      method: 'GET',
      url: '/api/metrics',
      headers: { 'x-forwarded-for': '203.0.113.9' },
    });
    expect(proxied.statusCode).toBe(403);
    await open.close();
  });

  it('answers readiness from the database and 503 when it does not answer', async () => {
    const up = await buildServer({
      context: { ...context, db: { execute: async () => [] } as never },
      modules: [],
      logLevel: 'silent',
    });
    expect((await up.inject({ method: 'GET', url: '/api/ready' })).json()).toEqual({ status: 'ready' });
    await up.close();
    const down = await buildServer({
      context: {
        ...context,
        db: {
          execute: async () => {
            throw new Error('connection refused');
          },
        } as never,
      },
      modules: [],
      logLevel: 'silent',
    });
    const answer = await down.inject({ method: 'GET', url: '/api/ready' });
    expect(answer.statusCode).toBe(503);
    expect(answer.json().message).toBe('Cơ sở dữ liệu chưa sẵn sàng.');
    await down.close();
  });
});
