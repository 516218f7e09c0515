import { execFileSync } from 'node:child_process';
import fs from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';

// No secrets in the repository (issue 8 §5, docs/security.md): every tracked file is searched for credential
// shapes. Documented placeholders pass: AWS's own "EXAMPLE" key, "CHANGE-ME" values in the deployment example,
// keys made of one repeated character, and the words password/secret as a URL's password (local test catchers).

const root = path.resolve(import.meta.dirname, '../..');

const shapes: { name: string; pattern: RegExp }[] = [
  { name: 'private key', pattern: /-----BEGIN (?:RSA |EC |DSA |OPENSSH |ENCRYPTED )?PRIVATE KEY-----/ },
  { name: 'AWS access key id', pattern: /\b(?:AKIA|ASIA)[0-9A-Z]{16}\b/ },
  { name: 'GitHub token', pattern: /\bgh[pousr]_[A-Za-z0-9]{36,}\b/ },
  { name: 'Slack token', pattern: /\bxox[baprs]-[A-Za-z0-9-]{10,}/ },
  { name: 'Motcua interop API key', pattern: /\bmck_[0-9a-f]{16}_[A-Za-z0-9_-]{20,}/ },
  { name: 'Motcua webhook secret', pattern: /\bwhs_[A-Za-z0-9_-]{20,}/ },
  {
    name: 'password in a URL',
    pattern: /\b(?:postgres(?:ql)?|smtps?|redis|mysql):\/\/[^\s:/@'"`]+:[^\s@'"`]{6,}@/,
  },
];

function placeholder(found: string): boolean {
  if (found.includes('EXAMPLE') || found.includes('CHANGE')) return true;
  const urlPassword = /:\/\/[^:]+:([^@]+)@/.exec(found)?.[1];
  if (urlPassword && ['password', 'secret'].includes(urlPassword)) return true;
  const tail = found.replace(/^.*[_:/-]/, '');
  return tail.length >= 16 && new Set(tail).size <= 2;
}

function trackedFiles(): string[] {
  try {
    return execFileSync('git', ['ls-files', '-z'], { cwd: root, encoding: 'utf8' })
      .split('\0')
      .filter(Boolean);
  } catch {
    // A source tarball without .git: walk the tree instead.
    const skip = new Set(['node_modules', '.git', 'data', 'dist', '.tmp', 'test-results']);
    const out: string[] = [];
    const walk = (dir: string) => {
      for (const entry of fs.readdirSync(path.join(root, dir), { withFileTypes: true })) {
        if (skip.has(entry.name)) continue;
        const rel = path.join(dir, entry.name);
        if (entry.isDirectory()) walk(rel);
        else out.push(rel);
      }
    };
    walk('');
    return out;
  }
}

describe('the repository', () => {
  it('holds no credentials: keys, tokens or passwords in connection strings', () => {
    const findings: string[] = [];
    const files = trackedFiles();
    for (const file of files) {
      if (/(^|\/)\.env$/.test(file)) findings.push(`${file}: an .env file is tracked`);
      const full = path.join(root, file);
      if (!fs.existsSync(full) || fs.statSync(full).size > 2_000_000) continue;
      const text = fs.readFileSync(full, 'utf8');
      if (text.includes('\0')) continue;
      for (const { name, pattern } of shapes) {
        const global = new RegExp(pattern.source, 'g');
        for (const match of text.matchAll(global)) {
          if (!placeholder(match[0])) findings.push(`${file}: ${name} (${match[0].slice(0, 24)}…)`);
        }
      }
    }
    expect(files.length).toBeGreaterThan(100);
    expect(findings).toEqual([]);
  });
});
