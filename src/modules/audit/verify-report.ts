import type { VerifyReport } from './verify.ts';

/** The operator's text of a verification (CLI): one line per chain, then the verdict. */
export function describeVerification(report: VerifyReport): string[] {
  const lines = [
    `Sealed now: ${report.sealedNow}; still pending (transactions in progress): ${report.pending}`,
  ];
  for (const c of report.chains) {
    const name = c.unitName ? `${c.unitName} (${c.unitId})` : c.unitId;
    lines.push(
      c.broken
        ? `BROKEN  chain ${name}: ${c.checked} entries verified before the break; first broken entry: ` +
            `sequence ${c.broken.seq ?? '-'}, id ${c.broken.entryId ?? '-'}: ${c.broken.problem}`
        : `OK      chain ${name}: ${c.checked} entries, head ${c.headSeq ?? 0} ${c.headHash ?? ''}`.trimEnd(),
    );
  }
  const broken = report.chains.filter((c) => c.broken).length;
  lines.push(
    report.ok
      ? `OK: ${report.chains.length} chains, ${report.chains.reduce((n, c) => n + c.checked, 0)} entries verified.`
      : `FAILED: ${broken} of ${report.chains.length} chains are broken (see docs/operations.md, "Audit log").`,
  );
  return lines;
}
