// Reads `npm audit --json` output against the allow-list (security/audit-allowlist.json). Pure functions:
// scripts/audit-deps.mjs runs npm and prints; scripts/audit-findings.test.ts checks the rules.

/**
 * What npm answered: findings, or an outage (the advisory service refused or was unreachable — e.g. the
 * registry mirror answering the bulk advisory endpoint with 405).
 */
export function readAuditOutput(stdout) {
  let report;
  try {
    report = JSON.parse(stdout);
  } catch {
    return {
      outage: `npm audit did not answer JSON: ${String(stdout).trim().slice(0, 300) || '(no output)'}`,
    };
  }
  if (!report || typeof report !== 'object' || typeof report.vulnerabilities !== 'object') {
    const reason =
      report?.message ??
      report?.error?.summary ??
      report?.error?.code ??
      'no vulnerabilities section in the answer';
    return { outage: String(reason) };
  }
  const advisories = new Map();
  for (const [pkg, entry] of Object.entries(report.vulnerabilities)) {
    for (const via of entry.via ?? []) {
      // A string names another vulnerable package (the path); the advisory itself is an object.
      if (typeof via !== 'object' || via === null) continue;
      const ghsa = /GHSA-[\w-]+/i.exec(via.url ?? '')?.[0] ?? null;
      const key = `${via.source ?? ghsa}:${via.name ?? pkg}`;
      if (advisories.has(key)) continue;
      advisories.set(key, {
        id: via.source ?? null,
        ghsa,
        package: via.name ?? pkg,
        severity: via.severity ?? entry.severity ?? 'unknown',
        title: via.title ?? '',
        url: via.url ?? '',
        range: via.range ?? entry.range ?? '',
      });
    }
  }
  return { findings: [...advisories.values()] };
}

/** An allow-list entry matches an advisory by npm id or GHSA id, for the same package. */
function matches(entry, finding) {
  if (entry.package !== finding.package) return false;
  const id = String(entry.advisory).toUpperCase();
  return (
    id === String(finding.id).toUpperCase() || (finding.ghsa !== null && id === finding.ghsa.toUpperCase())
  );
}

/**
 * Sorts findings into accepted (allow-listed, review date not passed), expired (allow-listed, but the review date
 * has passed: someone must look again) and new; and lists allow-list entries nothing matches any more.
 */
export function judgeFindings(findings, allowlist, today = new Date().toISOString().slice(0, 10)) {
  const accepted = [];
  const expired = [];
  const unlisted = [];
  for (const finding of findings) {
    const entry = allowlist.find((e) => matches(e, finding));
    if (!entry) unlisted.push(finding);
    else if (entry.reviewBy < today) expired.push({ finding, entry });
    else accepted.push({ finding, entry });
  }
  const unused = allowlist.filter((e) => !findings.some((f) => matches(e, f)));
  return { accepted, expired, unlisted, unused, ok: expired.length === 0 && unlisted.length === 0 };
}

/** The allow-list file's entries, each checked for the fields a reviewer needs. */
export function parseAllowlist(text) {
  const data = JSON.parse(text);
  const entries = Array.isArray(data) ? data : data.entries;
  if (!Array.isArray(entries)) throw new Error('audit allow-list: expected { "entries": [...] }');
  for (const [i, e] of entries.entries()) {
    for (const field of ['advisory', 'package', 'reason', 'reviewBy'])
      if (!e?.[field]) throw new Error(`audit allow-list entry ${i}: "${field}" is required`);
    if (!/^\d{4}-\d{2}-\d{2}$/.test(e.reviewBy))
      throw new Error(`audit allow-list entry ${i}: reviewBy must be a date YYYY-MM-DD`);
  }
  return entries;
}
