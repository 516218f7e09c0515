import fs from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';

// deploy/motcua.env.example documents every variable the server reads, and only those: a renamed or new setting
// that the example misses (or a stale one it still shows) fails here instead of in a production start-up.

const root = path.resolve(import.meta.dirname, '../..');
const readers = [
  'src/platform/config.ts',
  'src/modules/payments/vnpay-provider.ts',
  'src/modules/reform-plan/reminder-schedule.ts',
  'src/main.ts',
];

function namesReadByServer(): Set<string> {
  const names = new Set<string>();
  for (const file of readers) {
    const text = fs.readFileSync(path.join(root, file), 'utf8');
    // env.NAME, and names passed as strings to the helpers that read env[name] (channelSettings, megabytes, …).
    for (const m of text.matchAll(/\benv\.([A-Z][A-Z0-9_]+)/g)) names.add(m[1] as string);
    for (const m of text.matchAll(/['`]([A-Z][A-Z0-9]*(?:_[A-Z0-9]+)+)['`]/g)) names.add(m[1] as string);
  }
  return names;
}

function namesInExample(): Set<string> {
  const text = fs.readFileSync(path.join(root, 'deploy/motcua.env.example'), 'utf8');
  return new Set([...text.matchAll(/^#? ?([A-Z][A-Z0-9_]+)=/gm)].map((m) => m[1] as string));
}

describe('deploy/motcua.env.example', () => {
  it('lists exactly the variables the server reads', () => {
    const read = namesReadByServer();
    const shown = namesInExample();
    expect([...read].filter((n) => !shown.has(n)).sort()).toEqual([]);
    expect([...shown].filter((n) => !read.has(n)).sort()).toEqual([]);
    expect(read.size).toBeGreaterThan(30);
  });
});
