import { describe, expect, it } from 'vitest';
import { judgeFindings, parseAllowlist, readAuditOutput } from './audit-findings.mjs';

// The shapes npm 10/11 print with `npm audit --json`: a report, and the answer when the registry refuses the
// bulk advisory endpoint (seen on the CI machine: 405 Method Not Allowed).
const report = {
  auditReportVersion: 2,
  vulnerabilities: {
    semver: {
      name: 'semver',
      severity: 'high',
      via: [
        {
          source: 1096482,
          name: 'semver',
          dependency: 'semver',
          title: 'semver vulnerable to Regular Expression Denial of Service',
          url: 'https://github.com/advisories/GHSA-c2qf-rxjj-qqgw',
          severity: 'high',
          range: '>=7.0.0 <7.5.2',
        },
      ],
      range: '7.0.0 - 7.5.1',
    },
    'make-dir': { name: 'make-dir', severity: 'high', via: ['semver'], range: '3.0.0 - 3.1.0' },
  },
  metadata: { vulnerabilities: { high: 2, total: 2 } },
};
const refused = {
  message: '405 Method Not Allowed - POST https://registry.npmjs.org/-/npm/v1/security/advisories/bulk',
  statusCode: 405,
  error: { summary: '', detail: '' },
};

describe('dependency audit rules', () => {
  it('reads each advisory once, not the packages that only depend on a vulnerable one', () => {
    const answer = readAuditOutput(JSON.stringify(report));
    expect(answer).toEqual({
      findings: [
        expect.objectContaining({
          id: 1096482,
          ghsa: 'GHSA-c2qf-rxjj-qqgw',
          package: 'semver',
          severity: 'high',
        }),
      ],
    });
  });

  it('calls a refused or unreadable answer an outage, not a clean audit', () => {
    expect(readAuditOutput(JSON.stringify(refused))).toEqual({
      outage: expect.stringMatching(/^405 Method Not Allowed/),
    });
    expect(readAuditOutput('')).toEqual({ outage: expect.stringMatching(/did not answer JSON/) });
    expect(readAuditOutput(JSON.stringify({ auditReportVersion: 2, vulnerabilities: {} }))).toEqual({
      findings: [],
    });
  });

  it('fails on new findings and on accepted ones whose review date has passed', () => {
    const answer = readAuditOutput(JSON.stringify(report));
    if (!('findings' in answer)) throw new Error('expected findings');
    const entry = {
      advisory: 'GHSA-c2qf-rxjj-qqgw',
      package: 'semver',
      reason: 'only parses our own ranges',
      reviewBy: '2027-01-31',
    };
    expect(judgeFindings(answer.findings, [], '2026-12-07')).toMatchObject({
      ok: false,
      unlisted: [{ package: 'semver' }],
    });
    expect(judgeFindings(answer.findings, [entry], '2026-12-07')).toMatchObject({
      ok: true,
      accepted: [{ entry }],
    });
    expect(judgeFindings(answer.findings, [{ ...entry, advisory: 1096482 }], '2026-12-07').ok).toBe(true);
    expect(judgeFindings(answer.findings, [entry], '2027-02-01')).toMatchObject({
      ok: false,
      expired: [{ entry }],
    });
    // Same advisory id, other package: not the accepted finding.
    expect(judgeFindings(answer.findings, [{ ...entry, package: 'semver-x' }], '2026-12-07').ok).toBe(false);
    expect(judgeFindings([], [entry], '2026-12-07')).toMatchObject({ ok: true, unused: [entry] });
  });

  it('requires a reason and a review date for every allow-list entry', () => {
    expect(parseAllowlist('{"entries": []}')).toEqual([]);
    expect(() =>
      parseAllowlist('{"entries": [{"advisory": 1, "package": "x", "reviewBy": "2027-01-01"}]}'),
    ).toThrow(/reason/);
    expect(() =>
      parseAllowlist('{"entries": [{"advisory": 1, "package": "x", "reason": "r", "reviewBy": "soon"}]}'),
    ).toThrow(/YYYY-MM-DD/);
  });
});
