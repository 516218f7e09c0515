export interface BudgetFile {
  file: string;
  bytes: number;
  gzip: number;
}

export interface FirstScreen {
  files: BudgetFile[];
  bytes: number;
  gzip: number;
}

/** The budget in KB of gzipped JavaScript (250, or JS_BUDGET_KB). */
export const budgetKb: number;

/** The first-screen JavaScript of the build in `dir` (default dist/web). */
export function measureFirstScreen(dir?: string): FirstScreen;
