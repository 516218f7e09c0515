// Dossier states of the one-stop lifecycle (rules.md §1.1; Decree 118/2025 adds "stopped", rules.md §1.1 note).

export const dossierStates = [
  'draft',
  'submitted',
  'intake_supplement_requested',
  'refused',
  'received',
  'in_progress',
  'supplement_requested',
  'stopped',
  'decided',
  'result_issued',
  'returned',
  'withdrawn',
] as const;
export type DossierState = (typeof dossierStates)[number];

export const STATE_LABELS: Readonly<Record<DossierState, string>> = {
  draft: 'Đang soạn, chưa nộp',
  submitted: 'Đã nộp, chờ kiểm tra tiếp nhận',
  intake_supplement_requested: 'Chờ bổ sung, hoàn thiện hồ sơ (chưa tiếp nhận)',
  refused: 'Từ chối tiếp nhận',
  received: 'Đã tiếp nhận',
  in_progress: 'Đang giải quyết',
  supplement_requested: 'Chờ bổ sung hồ sơ (trong quá trình giải quyết)',
  stopped: 'Dừng giải quyết',
  decided: 'Đã có quyết định giải quyết',
  result_issued: 'Đã có kết quả, chờ trả',
  returned: 'Đã trả kết quả',
  withdrawn: 'Đã rút hồ sơ',
};

/** No action leaves these states. "stopped" is terminal by choice (README, "Stop"). */
export const TERMINAL_STATES: ReadonlySet<DossierState> = new Set([
  'refused',
  'stopped',
  'returned',
  'withdrawn',
]);

/** States in which the legal clock of a received dossier is running (or paused) and no decision exists. */
export const OPEN_STATES: ReadonlySet<DossierState> = new Set([
  'received',
  'in_progress',
  'supplement_requested',
]);

/** States in which a decision exists (resolved dossiers for result classes). */
export const RESOLVED_STATES: ReadonlySet<DossierState> = new Set(['decided', 'result_issued', 'returned']);

export function isTerminal(state: DossierState): boolean {
  return TERMINAL_STATES.has(state);
}
