import { spawnSync } from 'node:child_process';
import { budgetKb, measureFirstScreen } from '../scripts/js-budget.mjs';

/** The portal's first screen: gzipped JavaScript of a fresh web build against the 250 KB budget. */
export function benchBudget() {
  console.log('\nJS budget of the portal first screen (/) — fresh web build');
  const build = spawnSync('npx', ['vite', 'build', '--config', 'web/vite.config.ts', '--logLevel', 'warn'], {
    stdio: 'inherit',
  });
  if (build.status !== 0) throw new Error('web build failed (over budget or broken); see the output above');
  const { files, bytes, gzip } = measureFirstScreen();
  const kb = (n: number) => `${(n / 1024).toFixed(1)} KB`;
  const over = gzip > budgetKb * 1024;
  console.log(
    `  ${files.length} files, ${kb(bytes)} raw, ${kb(gzip)} gzipped — budget ${budgetKb} KB: ${over ? 'OVER' : 'met'}`,
  );
  for (const file of files.slice(0, 5)) console.log(`    ${file.file} ${kb(file.gzip)} gz`);
  if (over) process.exitCode = 1;
}
