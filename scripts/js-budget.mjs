// The JavaScript the portal's first screen (/) needs, gzipped, against the budget of the "online public services"
// issue (≤ 250 KB). Reads the built app (dist/web): the entry script and modulepreloads of index.html, then every
// static import of those chunks, transitively (what the browser fetches before the home page can run). Lazy
// chunks (import()) are not counted: the e2e test e2e/performance.spec.ts checks in Chromium that the home page
// requests none of them.
//
//   node scripts/js-budget.mjs [--json] [--dir dist/web] [--budget 250]
// Exits 1 when over budget, 2 when the build is missing.

import fs from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import zlib from 'node:zlib';

const root = path.resolve(fileURLToPath(new URL('..', import.meta.url)));

function option(name, fallback) {
  const index = process.argv.indexOf(`--${name}`);
  return index > 0 && process.argv[index + 1] ? process.argv[index + 1] : fallback;
}

export const budgetKb = Number(process.env.JS_BUDGET_KB ?? 250);

/** Static `import … from "./x.js"` and bare `import "./x.js"` of a built chunk (not dynamic import()). */
function staticImports(code) {
  const found = new Set();
  const pattern = /(?:^|[;}\s])(?:import|export)\s*(?:[\w$*{}\s,]+?\s*from\s*)?["']([^"']+\.js)["']/g;
  for (const match of code.matchAll(pattern)) found.add(match[1]);
  return [...found];
}

/** The first-screen JavaScript of the build in `dir`: files with raw and gzipped sizes, and the totals. */
export function measureFirstScreen(dir = path.join(root, 'dist/web')) {
  const htmlPath = path.join(dir, 'index.html');
  if (!fs.existsSync(htmlPath)) throw new Error(`No build at ${dir}: run "npm run build:web" first.`);
  const html = fs.readFileSync(htmlPath, 'utf8');
  const queue = [];
  for (const match of html.matchAll(/<script[^>]*type="module"[^>]*src="([^"]+)"/g)) queue.push(match[1]);
  for (const match of html.matchAll(/<link[^>]*rel="modulepreload"[^>]*href="([^"]+)"/g))
    queue.push(match[1]);
  const seen = new Map();
  while (queue.length > 0) {
    const url = queue.shift();
    const file = path.join(dir, url.replace(/^\//, ''));
    if (seen.has(file)) continue;
    const code = fs.readFileSync(file);
    seen.set(file, {
      file: path.relative(dir, file),
      bytes: code.length,
      gzip: zlib.gzipSync(code, { level: 9 }).length,
    });
    for (const spec of staticImports(code.toString('utf8'))) {
      queue.push(path.posix.join(path.posix.dirname(url), spec));
    }
  }
  const files = [...seen.values()].sort((a, b) => b.gzip - a.gzip);
  return {
    files,
    bytes: files.reduce((sum, f) => sum + f.bytes, 0),
    gzip: files.reduce((sum, f) => sum + f.gzip, 0),
  };
}

const kb = (bytes) => `${(bytes / 1024).toFixed(1)} KB`;

if (process.argv[1] && path.resolve(process.argv[1]) === fileURLToPath(import.meta.url)) {
  const dir = path.resolve(option('dir', path.join(root, 'dist/web')));
  const budget = Number(option('budget', budgetKb));
  let result;
  try {
    result = measureFirstScreen(dir);
  } catch (error) {
    console.error(String(error instanceof Error ? error.message : error));
    process.exit(2);
  }
  const over = result.gzip > budget * 1024;
  if (process.argv.includes('--json')) {
    console.log(JSON.stringify({ ...result, budgetKb: budget, over }, null, 2));
  } else {
    console.log(`First screen (/) JavaScript: ${result.files.length} files`);
    for (const f of result.files) {
      console.log(`  ${f.file.padEnd(48)} ${kb(f.bytes).padStart(10)} ${kb(f.gzip).padStart(10)} gz`);
    }
    console.log(
      `Total: ${kb(result.bytes)} raw, ${kb(result.gzip)} gzipped — budget ${budget} KB gzipped: ${over ? 'OVER' : 'met'}`,
    );
  }
  if (over) {
    console.error(
      `JS budget exceeded: the home page needs ${kb(result.gzip)} of gzipped JavaScript, more than ${budget} KB. ` +
        'Load the new code lazily (React.lazy) or move it out of the first screen.',
    );
    process.exit(1);
  }
}
