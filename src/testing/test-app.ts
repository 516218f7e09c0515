import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import type { FastifyInstance, InjectOptions, LightMyRequestResponse } from 'fastify';
import { afterAll, beforeAll } from 'vitest';
import { buildApp } from '../app.ts';
import type { Database, DatabaseKind } from '../platform/db/connect.ts';
import { demoPassword } from '../seed/demo-accounts.ts';
import { openTestDatabase } from './test-db.ts';

export interface TestApp {
  app: FastifyInstance;
  database: Database;
  /** The local file store's directory the app writes uploads to. */
  filesDir: string;
  /** Signs in and returns the session cookie header for later requests. */
  login(email: string, password?: string): Promise<string>;
  request(options: InjectOptions & { cookie?: string }): Promise<LightMyRequestResponse>;
}

/** Opens a private database and the whole app over it for one test file. */
export function useTestApp(kind: DatabaseKind): TestApp {
  const ctx = {} as TestApp;
  let filesDir: string | undefined;
  beforeAll(async () => {
    ctx.database = await openTestDatabase(kind);
    filesDir = fs.mkdtempSync(path.join(os.tmpdir(), 'motcua-test-files-'));
    ctx.filesDir = filesDir;
    // A test file keeps one cookie per account throughout: no periodic rotation or idle end during a slow run
    // (security.api.test.ts checks those with its own clock).
    const steadySessions = {
      rotateMinutes: 24 * 60,
      officerIdleMinutes: 24 * 60,
      citizenIdleMinutes: 24 * 60,
    };
    ctx.app = await buildApp(ctx.database, {
      logLevel: 'silent',
      filesDir,
      auth: { sessions: steadySessions },
    });
    ctx.request = ({ cookie, headers, ...options }) =>
      ctx.app.inject({ ...options, headers: { ...headers, ...(cookie ? { cookie } : {}) } });
    ctx.login = async (email, password = demoPassword) => {
      const response = await ctx.app.inject({
        method: 'POST',
        url: '/api/auth/login',
        payload: { identifier: email, password },
      });
      if (response.statusCode !== 200)
        throw new Error(`login ${email}: ${response.statusCode} ${response.body}`);
      const cookie = response.cookies.find((c) => c.name === 'motcua_sid');
      if (!cookie) throw new Error('no session cookie');
      return `motcua_sid=${cookie.value}`;
    };
  });
  afterAll(async () => {
    await ctx.app?.close();
    await ctx.database?.close();
    if (filesDir) fs.rmSync(filesDir, { recursive: true, force: true });
  });
  return ctx;
}
