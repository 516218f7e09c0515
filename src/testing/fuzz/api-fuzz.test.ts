import fs from 'node:fs';
import path from 'node:path';
import { sql } from 'drizzle-orm';
import fc from 'fast-check';
import type { LightMyRequestResponse } from 'fastify';
import { describe, expect, it } from 'vitest';
import { saveTwoFactorPolicy } from '../../modules/auth/security-settings.ts';
import { forgetCachedPrincipals } from '../../modules/auth/sessions.ts';
import { ratingSettingsOf } from '../../modules/ratings/rating-settings.ts';
import { rawRows } from '../../platform/db/raw-rows.ts';
import { useTestApp } from '../test-app.ts';
import { testDatabaseKinds } from '../test-db.ts';
import { fromSchema, hostileParam, hostileValue, type JsonSchema, vietnameseLetters } from './hostile.ts';

/**
 * Bad input never breaks the API (issue 8 §4). Every operation of the OpenAPI document gets requests built from
 * its own schemas but pushed past them — wrong types, missing and extra fields, huge strings, unicode edge cases,
 * injection and traversal strings, boundary numbers, invalid UUIDs and dates — as an anonymous caller and as
 * signed-in citizens, officers and an administrator. Uploads get renamed executables, a truncated PDF, a PNG
 * declaring 2.5 billion pixels and traversal file names. Nothing may answer 5xx; every 4xx carries
 * `{ error: { code, message } }` with a Vietnamese message; a rejected request changes no table and writes no file.
 * A fixed seed and a fixed number of runs per operation keep it reproducible and bounded for CI.
 */
const SEED = 20_260_408;
const RUNS_PER_OPERATION = Number(process.env.FUZZ_RUNS ?? 8);

/**
 * Tables a rejected request may legitimately write: the security audit of refused inter-system calls (written on
 * purpose in its own statement, so that the refusal is on record), and the session's last activity and token
 * rotation (recorded for every request of a signed-in user, whatever the answer).
 */
const VOLATILE_TABLES = new Set<string>(['interop_rejections', 'sessions']);

interface Operation {
  method: string;
  path: string;
  op: {
    parameters?: { in: string; name: string; required?: boolean; schema?: JsonSchema }[];
    requestBody?: { content?: Record<string, { schema?: JsonSchema }> };
    description?: string;
    responses?: unknown;
  };
}

type Identity = 'anonymous' | 'citizen' | 'desk' | 'reform' | 'admin';
const accounts: Record<Exclude<Identity, 'anonymous'>, string> = {
  citizen: 'congdan@demo.motcua.vn',
  desk: 'motcua.vithanh@demo.motcua.vn',
  reform: 'cchc.noivu@demo.motcua.vn',
  admin: 'quantri@demo.motcua.vn',
};
const identities = ['anonymous', ...Object.keys(accounts)] as Identity[];

interface FuzzRequest {
  identity: Identity;
  url: string;
  body?: { kind: 'json'; value: unknown } | { kind: 'raw'; contentType: string; text: string };
}

function isUpload(o: Operation): boolean {
  return o.method === 'post' && !o.op.requestBody && /fileId|multipart|upload/i.test(JSON.stringify(o.op));
}

function requestsFor(o: Operation, knownIds: string[]): fc.Arbitrary<FuzzRequest> {
  const pathNames = [...o.path.matchAll(/\{(\w+)\}/g)].map((m) => m[1] as string);
  const query = (o.op.parameters ?? []).filter((p) => p.in === 'query');
  const bodySchema = o.op.requestBody?.content?.['application/json']?.schema;
  const writes = o.method !== 'get';
  const body: fc.Arbitrary<FuzzRequest['body']> = writes
    ? fc.oneof(
        {
          weight: bodySchema ? 8 : 1,
          arbitrary: fromSchema(bodySchema).map((value) => ({ kind: 'json' as const, value })),
        },
        { weight: 1, arbitrary: hostileValue.map((value) => ({ kind: 'json' as const, value })) },
        {
          weight: 1,
          arbitrary: fc
            .constantFrom(
              ['application/json', '{"a":'],
              ['application/json', '{"__proto__":{"admin":true}}'],
              ['application/json', '[1,2,'],
              ['text/plain', 'xin chào'],
              ['application/x-www-form-urlencoded', 'a=1&b=%00'],
              ['application/xml', '<!DOCTYPE x [<!ENTITY e SYSTEM "file:///etc/passwd">]><x>&e;</x>'],
            )
            .map(([contentType, text]) => ({ kind: 'raw' as const, contentType, text })),
        },
        { weight: 1, arbitrary: fc.constant(undefined) },
      )
    : fc.constant(undefined);
  return fc
    .record({
      identity: fc.constantFrom(...identities),
      // Ids of rows that exist take a third of the turns, so that checks behind the lookup are reached too.
      pathValues: fc.tuple(
        ...pathNames.map(() =>
          knownIds.length
            ? fc.oneof({ weight: 2, arbitrary: hostileParam }, fc.constantFrom(...knownIds))
            : hostileParam,
        ),
      ),
      queryValues: fc.tuple(
        ...query.map((p) =>
          fc.option(
            fc.oneof(
              hostileParam,
              fromSchema(p.schema).map((v) => (typeof v === 'string' ? v : JSON.stringify(v))),
            ),
            { freq: 3, nil: undefined },
          ),
        ),
      ),
      extraQuery: fc.option(hostileParam, { freq: 3, nil: undefined }),
      body,
    })
    .map(({ identity, pathValues, queryValues, extraQuery, body }) => {
      let url = o.path;
      pathNames.forEach((name, i) => {
        url = url.replace(`{${name}}`, encodeAny(pathValues[i] ?? ''));
      });
      const search: string[] = [];
      query.forEach((p, i) => {
        const value = queryValues[i];
        if (value !== undefined) search.push(`${encodeAny(p.name)}=${encodeAny(String(value))}`);
      });
      if (extraQuery !== undefined) search.push(`extra=${encodeAny(extraQuery)}`);
      const qs = search.join('&');
      return { identity, url: qs ? `${url}?${qs}` : url, ...(body ? { body } : {}) };
    });
}

/** Percent-encodes any string, lone surrogates included (as the WTF-8 bytes a hostile client would send). */
function encodeAny(value: string): string {
  let out = '';
  for (const ch of value) {
    const unit = ch.charCodeAt(0);
    if (ch.length === 1 && unit >= 0xd800 && unit <= 0xdfff) {
      out += [0xe0 | (unit >> 12), 0x80 | ((unit >> 6) & 63), 0x80 | (unit & 63)]
        .map((b) => `%${b.toString(16).toUpperCase()}`)
        .join('');
    } else out += encodeURIComponent(ch);
  }
  return out;
}

/** Query parameters that pass validation, so that the upload itself is reached; enums take turns. */
function plausibleQuery(o: Operation, variant: number): string {
  const pairs = (o.op.parameters ?? [])
    .filter((p) => p.in === 'query')
    .flatMap((p) => {
      const values = p.schema?.enum;
      if (values?.length) return [[p.name, String(values[variant % values.length])]];
      if (p.required) return [[p.name, 'Tài liệu thử']];
      return [];
    });
  return pairs.length ? `?${pairs.map(([k, v]) => `${k}=${encodeAny(String(v))}`).join('&')}` : '';
}

/** What is wrong with an answer, or null. */
function problemWith(response: LightMyRequestResponse): string | null {
  if (response.statusCode >= 500) return `status ${response.statusCode}: ${response.body.slice(0, 300)}`;
  if (response.statusCode < 400) return null;
  let parsed: { error?: { code?: unknown; message?: unknown } };
  try {
    parsed = response.json();
  } catch {
    return `status ${response.statusCode} without a JSON body: ${response.body.slice(0, 200)}`;
  }
  const { code, message } = parsed.error ?? {};
  if (typeof code !== 'string' || typeof message !== 'string') {
    return `status ${response.statusCode} without { error: { code, message } }: ${response.body.slice(0, 200)}`;
  }
  if (!vietnameseLetters.test(message))
    return `status ${response.statusCode}, message not Vietnamese: ${message}`;
  return null;
}

function countFiles(dir: string): number {
  if (!fs.existsSync(dir)) return 0;
  return fs.readdirSync(dir, { recursive: true, withFileTypes: true }).filter((entry) => entry.isFile())
    .length;
}

function multipart(fileName: string, bytes: Buffer, contentType: string) {
  const boundary = '----motcuafuzz';
  const head = Buffer.from(
    `--${boundary}\r\nContent-Disposition: form-data; name="file"; filename="${fileName}"\r\n` +
      `Content-Type: ${contentType}\r\n\r\n`,
  );
  return {
    payload: Buffer.concat([head, bytes, Buffer.from(`\r\n--${boundary}--\r\n`)]),
    headers: { 'content-type': `multipart/form-data; boundary=${boundary}` },
  };
}

/** A PNG whose header declares `width` × `height` pixels followed by a few bytes of image data: a decompression bomb. */
function pngDeclaring(width: number, height: number): Buffer {
  const crcTable = Array.from({ length: 256 }, (_, n) => {
    let c = n;
    for (let k = 0; k < 8; k++) c = c & 1 ? 0xedb88320 ^ (c >>> 1) : c >>> 1;
    return c >>> 0;
  });
  const crc = (buf: Buffer) => {
    let c = 0xffffffff;
    for (const b of buf) c = (crcTable[(c ^ b) & 0xff] as number) ^ (c >>> 8);
    return (c ^ 0xffffffff) >>> 0;
  };
  const chunk = (type: string, data: Buffer) => {
    const length = Buffer.alloc(4);
    length.writeUInt32BE(data.length);
    const typed = Buffer.concat([Buffer.from(type, 'latin1'), data]);
    const sum = Buffer.alloc(4);
    sum.writeUInt32BE(crc(typed));
    return Buffer.concat([length, typed, sum]);
  };
  const ihdr = Buffer.alloc(13);
  ihdr.writeUInt32BE(width, 0);
  ihdr.writeUInt32BE(height, 4);
  ihdr.set([8, 2, 0, 0, 0], 8); // 8-bit RGB
  // zlib stream of zeros (stored deflate would be larger; a real bomb compresses ~1000:1).
  const idat = Buffer.from([0x78, 0x9c, 0xed, 0xc1, 0x01, 0x0d, 0x00, 0x00, 0x00, 0xc2, 0xa0, 0xf7, 0x4f]);
  return Buffer.concat([
    Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]),
    chunk('IHDR', ihdr),
    chunk('IDAT', idat),
    chunk('IEND', Buffer.alloc(0)),
  ]);
}

const hostileUploads: {
  name: string;
  fileName: string;
  bytes: Buffer;
  contentType: string;
  /** PDFs are recognised by their signature and kept byte for byte (not parsed): a cut one is stored as sent. */
  mayBeAccepted?: boolean;
}[] = [
  {
    name: 'ELF executable renamed to .pdf',
    fileName: 'ho-so.pdf',
    bytes: Buffer.concat([Buffer.from([0x7f, 0x45, 0x4c, 0x46, 2, 1, 1, 0]), Buffer.alloc(120)]),
    contentType: 'application/pdf',
  },
  {
    name: 'Windows executable renamed to .png',
    fileName: 'anh.png',
    bytes: Buffer.concat([Buffer.from('MZ'), Buffer.alloc(200, 0x90)]),
    contentType: 'image/png',
  },
  {
    name: 'shell script renamed to .jpg with traversal',
    fileName: '../../../../tmp/evil.jpg',
    bytes: Buffer.from('#!/bin/sh\nrm -rf /\n'),
    contentType: 'image/jpeg',
  },
  {
    name: 'HTML renamed to .pdf',
    fileName: '..\\..\\index.html.pdf',
    bytes: Buffer.from('<html><script>alert(1)</script></html>'),
    contentType: 'application/pdf',
  },
  {
    name: 'PNG declaring 50 000 × 50 000 pixels (decompression bomb)',
    fileName: 'bom.png',
    bytes: pngDeclaring(50_000, 50_000),
    contentType: 'image/png',
  },
  {
    name: 'truncated PNG',
    fileName: 'cut.png',
    bytes: pngDeclaring(300, 300).subarray(0, 40),
    contentType: 'image/png',
  },
  {
    name: 'truncated PDF with a traversal name',
    fileName: '../../etc/passwd.pdf',
    bytes: Buffer.from('%PDF-1.7\n1 0 obj\n<< /Type /Catalog /Pages 2 0 R'),
    contentType: 'application/pdf',
    mayBeAccepted: true,
  },
  {
    name: 'valid PDF',
    fileName: 'don.pdf',
    bytes: Buffer.from('%PDF-1.4\n1 0 obj<<>>endobj\ntrailer<<>>\n%%EOF\n'),
    contentType: 'application/pdf',
    mayBeAccepted: true,
  },
  { name: 'empty file', fileName: 'rong.pdf', bytes: Buffer.alloc(0), contentType: 'application/pdf' },
];

describe.each(testDatabaseKinds())('bad input never breaks the API on %s', (kind) => {
  const t = useTestApp(kind);
  const cookies: Partial<Record<Identity, string>> = {};
  let tables: string[] = [];

  async function snapshot(): Promise<Map<string, string>> {
    // Row count and the sum of row versions (xmin): an insert, update or delete all change one of them.
    const query = tables
      .map(
        (name) =>
          `select '${name}' as t, count(*)::text || ':' || coalesce(sum(xmin::text::bigint), 0)::text as v from "${name}"`,
      )
      .join(' union all ');
    const rows = await rawRows<{ t: string; v: string }>(t.database.db, sql.raw(query));
    return new Map(rows.map((r) => [r.t, r.v]));
  }

  function changed(before: Map<string, string>, after: Map<string, string>): string[] {
    return tables.filter((name) => !VOLATILE_TABLES.has(name) && before.get(name) !== after.get(name));
  }

  async function signIn() {
    for (const [identity, email] of Object.entries(accounts)) {
      cookies[identity as Identity] = await t.login(email);
    }
  }

  it('answers every operation of the OpenAPI document with a 2xx or a Vietnamese 4xx, changing nothing when refusing', {
    timeout: 600_000,
  }, async () => {
    await t.app.ready();
    const doc = t.app.swagger() as unknown as { paths: Record<string, Record<string, Operation['op']>> };
    const operations: Operation[] = Object.entries(doc.paths).flatMap(([p, ops]) =>
      Object.entries(ops).map(([method, op]) => ({ method, path: p, op })),
    );
    expect(operations.length).toBeGreaterThan(200);
    tables = (
      await rawRows<{ name: string }>(
        t.database.db,
        sql`select table_name as name from information_schema.tables
              where table_schema = 'public' and table_type = 'BASE TABLE' order by 1`,
      )
    ).map((r) => r.name);
    await signIn();
    // A few existing ids and codes of every table (agencies, procedures, dossiers, plans…) for path parameters.
    const knownIds: string[] = [];
    for (const name of tables) {
      const columns = await rawRows<{ c: string }>(
        t.database.db,
        sql`select column_name as c from information_schema.columns
            where table_schema = 'public' and table_name = ${name} and column_name in ('id', 'code', 'slug')`,
      );
      for (const { c } of columns) {
        const rows = await rawRows<{ v: string }>(
          t.database.db,
          sql.raw(`select "${c}"::text as v from "${name}" order by 1 limit 2`),
        );
        knownIds.push(...rows.map((r) => r.v).filter((v) => v && v.length <= 200));
      }
    }
    // The rating settings row (scale and link secret) is created on first use by any reader: create it now so
    // that a refused rating-link lookup, the first to need the secret, is not counted as a change.
    await ratingSettingsOf(t.database.db);

    const tried = new Map<string, number>();
    const failures: string[] = [];
    let before = await snapshot();
    let files = countFiles(t.filesDir);
    let index = 0;
    for (const o of operations) {
      const key = `${o.method.toUpperCase()} ${o.path}`;
      const samples = fc.sample(requestsFor(o, knownIds), {
        seed: SEED + index++,
        numRuns: RUNS_PER_OPERATION,
      });
      for (const r of samples) {
        // Signing out would end the session the next requests rely on.
        if (r.identity !== 'anonymous' && o.path === '/api/auth/logout') continue;
        const cookie = cookies[r.identity];
        const headers: Record<string, string> = {};
        let payload: string | undefined;
        if (r.body?.kind === 'json') {
          headers['content-type'] = 'application/json';
          payload = JSON.stringify(r.body.value) ?? 'null';
        } else if (r.body?.kind === 'raw') {
          headers['content-type'] = r.body.contentType;
          payload = r.body.text;
        }
        const response = await t.request({
          method: o.method.toUpperCase() as 'GET',
          url: r.url,
          headers,
          ...(payload !== undefined ? { payload } : {}),
          ...(cookie ? { cookie } : {}),
        });
        tried.set(key, (tried.get(key) ?? 0) + 1);
        const where = `${key} as ${r.identity}: ${o.method.toUpperCase()} ${r.url.slice(0, 200)} ${payload?.slice(0, 300) ?? ''}`;
        const problem = problemWith(response);
        if (problem) failures.push(`${where} → ${problem}`);
        const after = await snapshot();
        const filesAfter = countFiles(t.filesDir);
        if (response.statusCode >= 400) {
          const diff = changed(before, after);
          if (diff.length) failures.push(`${where} → ${response.statusCode} but changed ${diff.join(', ')}`);
          if (filesAfter !== files) failures.push(`${where} → ${response.statusCode} but wrote a file`);
        }
        if (o.path === '/api/admin/security-settings' && response.statusCode < 300) {
          // The two-factor policy, once on, would confine every officer to the enrolment for the rest of the run.
          await saveTwoFactorPolicy(
            t.database.db,
            { requireTotpForOfficers: false, requireTotpRoles: [] },
            null,
          );
          forgetCachedPrincipals(t.database.db);
        }
        before = after;
        files = filesAfter;
      }
    }

    // Uploads: hostile files to every upload endpoint, as every identity.
    const uploads = operations.filter(isUpload);
    expect(uploads.length).toBeGreaterThanOrEqual(5);
    for (const o of uploads) {
      const key = `${o.method.toUpperCase()} ${o.path}`;
      const base = o.path.replace(/\{\w+\}/g, '00000000-0000-4000-8000-000000000000');
      for (const [n, file] of hostileUploads.entries()) {
        const url = base + plausibleQuery(o, n);
        for (const identity of identities) {
          const cookie = cookies[identity];
          const response = await t.request({
            method: 'POST',
            url,
            ...multipart(file.fileName, file.bytes, file.contentType),
            ...(cookie ? { cookie } : {}),
          });
          tried.set(key, (tried.get(key) ?? 0) + 1);
          const where = `${key} as ${identity} with ${file.name}`;
          const problem = problemWith(response);
          if (problem) failures.push(`${where} → ${problem}`);
          const after = await snapshot();
          const filesAfter = countFiles(t.filesDir);
          if (response.statusCode < 400) {
            if (!file.mayBeAccepted) failures.push(`${where} → accepted (${response.statusCode})`);
            const name = response.json().name as string;
            if (name.includes('/') || name.includes('\\')) failures.push(`${where} → stored as ${name}`);
          } else {
            const diff = changed(before, after);
            if (diff.length) failures.push(`${where} → changed ${diff.join(', ')}`);
            if (filesAfter !== files) failures.push(`${where} → wrote a file`);
          }
          before = after;
          files = filesAfter;
        }
      }
    }

    const total = [...tried.values()].reduce((a, b) => a + b, 0);
    console.log(
      [...tried.entries()].map(([key, n]) => `${String(n).padStart(4)}  ${key}`).join('\n') +
        `\nfuzz on ${kind}: ${total} requests over ${tried.size} operations (seed ${SEED}, ${RUNS_PER_OPERATION} runs each, ${knownIds.length} existing ids among the path values)`,
    );
    expect(failures).toEqual([]);
  });

  it('refuses a PNG declaring 2.5 billion pixels before decoding it, writing nothing', async () => {
    const before = countFiles(t.filesDir);
    const response = await t.request({
      method: 'POST',
      url: '/api/office/files',
      ...multipart('bom.png', pngDeclaring(50_000, 50_000), 'image/png'),
      cookie: cookies.desk ?? (await t.login(accounts.desk)),
    });
    expect(response.statusCode).toBe(422);
    expect(response.json().error.message).toMatch(/quá lớn \(tối đa 120 triệu điểm ảnh\)/);
    expect(countFiles(t.filesDir)).toBe(before);
  });

  it('keeps traversal out of stored upload names', async () => {
    const png = await import('sharp').then(({ default: sharp }) =>
      sharp({ create: { width: 4, height: 4, channels: 3, background: '#fff' } })
        .png()
        .toBuffer(),
    );
    const response = await t.request({
      method: 'POST',
      url: '/api/office/files',
      ...multipart('../../../etc/passwd.png', png, 'image/png'),
      cookie: cookies.desk ?? (await t.login(accounts.desk)),
    });
    expect(response.statusCode).toBe(201);
    const name = response.json().name as string;
    expect(name).toBe('passwd.png');
    expect(path.basename(name)).toBe(name);
  });
});
