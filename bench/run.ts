// `npm run bench`: prints figures and ratios; record them in docs/benchmarks.md with the machine and date.
import os from 'node:os';
import { benchBudget } from './budget.ts';
import { benchCatalogSearch } from './catalog-search.ts';
import { benchDueDates } from './due-dates.ts';
import { benchIndicators } from './indicators.ts';
import { benchQueues } from './queues.ts';
import { benchStartup } from './startup.ts';
import { benchTransitions } from './transitions.ts';

const only = process.argv[2];
console.log(
  `Motcua benchmarks — ${new Date().toISOString()} — ${os.cpus().length} × ${os.cpus()[0]?.model}, Node ${process.version}`,
);
if (!only || only === 'budget') benchBudget();
if (!only || only === 'search') await benchCatalogSearch();
if (!only || only === 'startup') await benchStartup();
if (!only || only === 'due') benchDueDates();
if (!only || only === 'transitions') await benchTransitions();
if (!only || only === 'indicators') await benchIndicators();
if (!only || only === 'queues') await benchQueues(Number(process.env.BENCH_DOSSIERS ?? 1_000_000));
