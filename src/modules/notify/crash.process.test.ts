import { type ChildProcess, spawn } from 'node:child_process';
import { randomBytes } from 'node:crypto';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import pg from 'pg';
import { afterAll, describe, expect, it } from 'vitest';
import type { DatabaseKind } from '../../platform/db/connect.ts';
import {
  checkSmsRequest,
  checkZaloRequest,
  smsAccepted,
  startHttpReceiver,
  zaloAccepted,
} from './testing/http-receiver.ts';
import { startMailCatcher } from './testing/mail-catcher.ts';

// Kill the process that wrote the outbox before it sends, then kill a worker while its sends are in flight
// (delivered, not yet acknowledged), then restart: every message must arrive once per channel.
const childScript = path.join(path.dirname(fileURLToPath(import.meta.url)), 'testing', 'worker-child.ts');
const messages = 6;
const channels = ['email', 'sms', 'zalo'] as const;
const expectedKeys = (channel: string) =>
  Array.from({ length: messages }, (_, i) => `${i + 1}:${channel}`).sort();

const children = new Set<ChildProcess>();

function run(args: string[], env: NodeJS.ProcessEnv) {
  const child = spawn(process.execPath, ['--import', 'tsx', childScript, ...args], {
    env: { ...process.env, LOG_LEVEL: 'silent', ...env },
  });
  let output = '';
  child.stdout.on('data', (d) => {
    output += d;
  });
  child.stderr.on('data', (d) => {
    output += d;
  });
  children.add(child);
  const exited = new Promise<number | null>((resolve) => child.once('exit', resolve));
  void exited.then(() => children.delete(child));
  // Opening an on-disk embedded database (and migrating it the first time) takes seconds on a busy machine.
  const waitFor = async (text: string, timeoutMs = 90_000) => {
    const deadline = Date.now() + timeoutMs;
    while (!output.includes(text)) {
      if (child.exitCode !== null) throw new Error(`child exited: ${output}`);
      if (Date.now() > deadline) throw new Error(`no ${text}: ${output}`);
      await new Promise((r) => setTimeout(r, 20));
    }
  };
  return { child, exited, waitFor, output: () => output };
}

async function kill(child: ChildProcess, exited: Promise<number | null>) {
  child.kill('SIGKILL');
  await exited;
}

/** A scratch database for the child processes: a new PostgreSQL database, or an on-disk embedded one. */
async function scratchDatabase(kind: DatabaseKind) {
  if (kind === 'pglite') {
    const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'motcua-crash-'));
    return {
      env: { DATABASE_URL: '', DATA_DIR: dir },
      drop: async () => fs.rmSync(dir, { recursive: true, force: true }),
    };
  }
  const server = process.env.DATABASE_URL as string;
  const name = `motcua_crash_${randomBytes(5).toString('hex')}`;
  const admin = new pg.Client({ connectionString: server });
  await admin.connect();
  await admin.query(`create database ${name}`);
  await admin.end();
  const url = new URL(server);
  url.pathname = `/${name}`;
  return {
    env: { DATABASE_URL: url.toString() },
    drop: async () => {
      const c = new pg.Client({ connectionString: server });
      await c.connect();
      await c.query(`drop database if exists ${name} with (force)`);
      await c.end();
    },
  };
}

// PostgreSQL when DATABASE_URL is set (what production runs), otherwise the embedded database on disk.
const kind: DatabaseKind = process.env.DATABASE_URL ? 'postgres' : 'pglite';

describe(`outbox survives SIGKILL on ${kind}`, () => {
  const cleanups: (() => Promise<void>)[] = [];
  afterAll(async () => {
    for (const child of children) {
      child.kill('SIGKILL');
      await new Promise((r) => child.once('exit', r));
    }
    for (const cleanup of cleanups.reverse()) await cleanup();
  });

  it('delivers every message exactly once per channel after the writer and a worker are killed', {
    timeout: 240_000,
  }, async () => {
    // Receivers: after `answered` messages each, they keep what arrives but stop answering (held).
    let holding = true;
    let release = () => {};
    const released = new Promise<void>((resolve) => {
      release = resolve;
    });
    const answeredBeforeHold = 2;
    const holdAfter = (count: () => number) => async () => {
      if (holding && count() > answeredBeforeHold) await released;
    };
    const sms = { apiKey: 'sms-secret', brandname: 'UBND-VITHANH' };
    const smsGateway = await startHttpReceiver({
      path: '/sms/send',
      check: checkSmsRequest(sms),
      answer: smsAccepted,
      beforeAnswer: holdAfter(() => smsGateway.requests.length),
    });
    const oa = await startHttpReceiver({
      path: '/v3.0/oa/message/cs',
      check: checkZaloRequest({ accessToken: 'oa-secret' }),
      answer: zaloAccepted,
      beforeAnswer: holdAfter(() => oa.requests.length),
    });
    const mail = await startMailCatcher({ afterReceive: holdAfter(() => mail.messages.length) });
    cleanups.push(
      () => smsGateway.close(),
      () => oa.close(),
      async () => {
        release();
        await mail.close();
      },
    );
    const database = await scratchDatabase(kind);
    cleanups.push(database.drop);
    const env = {
      ...database.env,
      SMTP_URL: mail.url,
      MAIL_FROM: 'Motcua <khongtraloi@motcua.vn>',
      SMS_API_URL: smsGateway.url,
      SMS_API_KEY: sms.apiKey,
      SMS_BRANDNAME: sms.brandname,
      ZALO_OA_API_URL: oa.url,
      ZALO_OA_ACCESS_TOKEN: 'oa-secret',
      LEASE_MS: '1500',
    };
    const arrivals = () => smsGateway.requests.length + oa.requests.length + mail.messages.length;

    // 1. Killed right after the outbox committed: nothing was sent.
    const writer = run(['enqueue', String(messages)], env);
    await writer.waitFor('ENQUEUED');
    await kill(writer.child, writer.exited);
    expect(arrivals()).toBe(0);

    // 2. A worker sends everything; the receivers keep every message but acknowledge only the first two each.
    const first = run(['work'], env);
    const deadline = Date.now() + 90_000;
    while (arrivals() < messages * channels.length) {
      if (Date.now() > deadline) throw new Error(`only ${arrivals()} arrived: ${first.output()}`);
      await new Promise((r) => setTimeout(r, 20));
    }
    await kill(first.child, first.exited);
    const arrivedBeforeRestart = arrivals();
    // 3. Restarted: the expired claims are sent again with the same keys; the receivers recognise them.
    holding = false;
    release();
    const second = run(['work'], env);
    await second.waitFor('DONE');
    expect(await second.exited).toBe(0);
    type Row = { key: string; status: string; attempts: number; providerMessageId: string | null };
    const linesOf = (tag: string) =>
      JSON.parse(second.output().split(`${tag} `)[1]?.split('\n')[0] ?? '[]') as Row[];
    // What the killed worker managed to record: sends acknowledged and saved before the kill.
    const recordedSent = new Set(
      linesOf('STATE')
        .filter((r) => r.status === 'sent')
        .map((r) => r.key),
    );
    const rows = linesOf('DONE');

    // Every delivery row was sent; none is left pending.
    expect(rows).toHaveLength(messages * channels.length);
    expect(rows.filter((r) => r.status !== 'sent')).toEqual([]);
    // Each message arrived once per channel: distinct keys cover all, resends only for what was in flight.
    expect(
      smsGateway
        .delivered()
        .map((r) => r.idempotencyKey)
        .sort(),
    ).toEqual(expectedKeys('sms'));
    expect(
      oa
        .delivered()
        .map((r) => r.idempotencyKey)
        .sort(),
    ).toEqual(expectedKeys('zalo'));
    expect(
      mail
        .unique()
        .map((m) => m.idempotencyKey)
        .sort(),
    ).toEqual(expectedKeys('email'));
    expect(
      mail
        .unique()
        .map((m) => m.messageId)
        .sort(),
    ).toEqual(expectedKeys('email').map((k) => `<${k.replace(':', '.')}@motcua.vn>`));
    const resent = [
      ...smsGateway.requests.filter((r) => r.duplicate).map((r) => r.idempotencyKey),
      ...oa.requests.filter((r) => r.duplicate).map((r) => r.idempotencyKey),
      ...mail.messages.filter((m) => m.duplicate).map((m) => m.idempotencyKey),
    ];
    // The worker resends only what it had not recorded as sent, each once, with the same key.
    expect(resent.length).toBeGreaterThanOrEqual((messages - answeredBeforeHold) * channels.length);
    expect(arrivals() - arrivedBeforeRestart).toBe(resent.length);
    for (const key of resent) expect(recordedSent.has(key as string)).toBe(false);
    expect(new Set(resent).size).toBe(resent.length);
    // Every request met the providers' contracts.
    expect([...smsGateway.requests, ...oa.requests].flatMap((r) => r.problems)).toEqual([]);
    // The provider id recorded is the one the provider gave the first time.
    for (const r of rows.filter((r) => r.key.endsWith(':sms'))) {
      expect(r.providerMessageId).toBe(
        (smsGateway.answerFor(r.key)?.json as { messageId: string } | undefined)?.messageId,
      );
    }
  });
});
