// Dependency audit (issue 8 §5): `npm audit --omit=dev` against security/audit-allowlist.json.
//   node scripts/audit-deps.mjs                 fails on new findings, expired allow-list entries and outages
//   node scripts/audit-deps.mjs --allow-outage  the same, but an unreachable advisory service only warns (CI)
// Exit codes: 0 clean (or only accepted findings), 1 findings to deal with, 2 advisory service unreachable.
// Why an outage does not fail CI: docs/security.md ("Dependency audit").
import { spawnSync } from 'node:child_process';
import fs from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { judgeFindings, parseAllowlist, readAuditOutput } from './audit-findings.mjs';

const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');
const allowOutage = process.argv.includes('--allow-outage');
const allowlistPath = path.join(root, 'security/audit-allowlist.json');
const allowlist = parseAllowlist(fs.readFileSync(allowlistPath, 'utf8'));
const say = (line = '') => process.stdout.write(`${line}\n`);

const npm = process.platform === 'win32' ? 'npm.cmd' : 'npm';
const run = spawnSync(npm, ['audit', '--omit=dev', '--json'], {
  cwd: root,
  encoding: 'utf8',
  timeout: 120_000,
  maxBuffer: 64 * 1024 * 1024,
});
const answer = run.error
  ? { outage: `npm could not be run: ${run.error.message}` }
  : readAuditOutput(run.stdout);

if ('outage' in answer) {
  const banner = '!'.repeat(78);
  say(banner);
  say('!! DEPENDENCY AUDIT NOT DONE: the npm advisory service could not be asked.');
  say(`!! ${answer.outage}`);
  say('!! Production dependencies were NOT checked for known vulnerabilities in this run.');
  say(
    allowOutage
      ? '!! Not failing the build (--allow-outage); run `npm run audit:deps` again later.'
      : '!! Failing (run with --allow-outage to only warn).',
  );
  say(banner);
  if (process.env.GITHUB_ACTIONS) say(`::warning::Dependency audit not done: ${answer.outage}`);
  process.exit(allowOutage ? 0 : 2);
}

const verdict = judgeFindings(answer.findings, allowlist);
const line = ({ package: pkg, severity, id, ghsa, title }) => `${pkg} (${severity}) ${ghsa ?? id}: ${title}`;
say(
  `Dependency audit (npm audit --omit=dev): ${answer.findings.length} advisories; ${verdict.accepted.length} accepted, ${verdict.expired.length} accepted but due for review, ${verdict.unlisted.length} new.`,
);
for (const { finding, entry } of verdict.accepted)
  say(`  accepted until ${entry.reviewBy}: ${line(finding)} — ${entry.reason}`);
for (const { finding, entry } of verdict.expired)
  say(
    `  REVIEW DATE PASSED (${entry.reviewBy}): ${line(finding)} — re-review and update ${path.relative(root, allowlistPath)}`,
  );
for (const finding of verdict.unlisted) say(`  NEW: ${line(finding)} ${finding.url}`);
for (const entry of verdict.unused)
  say(`  allow-list entry no longer needed (nothing matches): ${entry.package} ${entry.advisory}`);
if (!verdict.ok) {
  say(
    'Fix (npm update / npm audit fix --omit=dev) or accept with a reason and review date in the allow-list.',
  );
  process.exit(1);
}
