import { type ChildProcess, spawn } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';

// The real entry point in real processes: start on a fresh embedded database, refuse a second process on the
// same directory, close cleanly on SIGTERM, and start again on the existing data without seeding twice.
const dataDir = fs.mkdtempSync(path.join(os.tmpdir(), 'motcua-main-'));
afterAll(() => fs.rmSync(dataDir, { recursive: true, force: true }));

function start(port: number) {
  const child = spawn(process.execPath, ['--import', 'tsx', 'src/main.ts'], {
    env: {
      ...process.env,
      DATABASE_URL: '',
      DATA_DIR: dataDir,
      PORT: String(port),
      HOST: '127.0.0.1',
      LOG_LEVEL: 'warn',
    },
  });
  let output = '';
  child.stdout.on('data', (d) => {
    output += d;
  });
  child.stderr.on('data', (d) => {
    output += d;
  });
  const exited = new Promise<number | null>((resolve) => child.once('exit', resolve));
  return { child, exited, output: () => output };
}

async function waitReady(port: number, child: ChildProcess) {
  for (let i = 0; i < 1500; i++) {
    if (child.exitCode !== null) throw new Error('server exited');
    try {
      const response = await fetch(`http://127.0.0.1:${port}/api/health`);
      if (response.ok) return response.json();
    } catch {
      // not yet listening
    }
    await new Promise((r) => setTimeout(r, 100));
  }
  throw new Error('server did not start');
}

describe('the server process', () => {
  it('locks its data directory, stops cleanly on SIGTERM and restarts on existing data', {
    timeout: 240_000,
  }, async () => {
    const first = start(3941);
    expect(await waitReady(3941, first.child)).toEqual({ status: 'ok', database: 'pglite' });
    expect(first.output()).toMatch(/Motcua đã sẵn sàng/);
    expect(first.output()).toMatch(/quantri@demo\.motcua\.vn/);
    // Not a terminal (systemd, containers): every line is a JSON log object, start-up and seeding included.
    const lines = first
      .output()
      .split('\n')
      .filter((line) => line.trim());
    expect(
      lines.filter((line) => !/^\{.*\}$/.test(line) || typeof JSON.parse(line).msg !== 'string'),
    ).toEqual([]);

    const second = start(3942);
    expect(await second.exited).toBe(1);
    expect(second.output()).toMatch(/đang được tiến trình \d+ sử dụng/);

    first.child.kill('SIGTERM');
    expect(await first.exited).toBe(0);
    expect(fs.existsSync(path.join(dataDir, 'motcua.lock'))).toBe(false);

    const again = start(3943);
    await waitReady(3943, again.child);
    expect(again.output()).toMatch(/thêm 0, đã có 248/);
    const search = await (await fetch('http://127.0.0.1:3943/api/procedures?q=khai%20sinh')).json();
    expect(search.items[0].code).toBe('1.001193');
    again.child.kill('SIGINT');
    expect(await again.exited).toBe(0);
  });
});
