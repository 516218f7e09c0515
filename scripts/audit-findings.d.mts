export interface AuditFinding {
  id: number | string | null;
  ghsa: string | null;
  package: string;
  severity: string;
  title: string;
  url: string;
  range: string;
}
export interface AllowlistEntry {
  advisory: number | string;
  package: string;
  reason: string;
  reviewBy: string;
}
export function readAuditOutput(stdout: string): { outage: string } | { findings: AuditFinding[] };
export function judgeFindings(
  findings: AuditFinding[],
  allowlist: AllowlistEntry[],
  today?: string,
): {
  accepted: { finding: AuditFinding; entry: AllowlistEntry }[];
  expired: { finding: AuditFinding; entry: AllowlistEntry }[];
  unlisted: AuditFinding[];
  unused: AllowlistEntry[];
  ok: boolean;
};
export function parseAllowlist(text: string): AllowlistEntry[];
