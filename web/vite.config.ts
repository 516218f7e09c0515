import fs from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import zlib from 'node:zlib';
import react from '@vitejs/plugin-react';
import { defineConfig, type Plugin } from 'vite';
import { budgetKb, measureFirstScreen } from '../scripts/js-budget.mjs';

const webRoot = fileURLToPath(new URL('.', import.meta.url));
// WEB_OUT_DIR lets parallel end-to-end runs build into separate folders (served with WEB_DIR).
const outDir = process.env.WEB_OUT_DIR
  ? path.resolve(process.env.WEB_OUT_DIR)
  : fileURLToPath(new URL('../dist/web', import.meta.url));

/** Fails the build when the portal's first screen needs more than the budget of gzipped JavaScript. */
function jsBudget(): Plugin {
  return {
    name: 'motcua-js-budget',
    apply: 'build',
    closeBundle() {
      const { gzip, files } = measureFirstScreen(outDir);
      const kb = (gzip / 1024).toFixed(1);
      if (gzip > budgetKb * 1024) {
        throw new Error(
          `JS budget exceeded: the home page needs ${kb} KB of gzipped JavaScript (${files.length} files), ` +
            `more than ${budgetKb} KB. Load the new code lazily or run "node scripts/js-budget.mjs" for the list.`,
        );
      }
      this.info(
        `first screen: ${kb} KB of gzipped JavaScript in ${files.length} files (budget ${budgetKb} KB)`,
      );
    },
  };
}

/**
 * Writes `.br` and `.gz` beside every built script and stylesheet, for a server that serves pre-compressed files
 * (@fastify/static `preCompressed: true`): on a slow 3G line the portal's first screen then downloads about a
 * third of the bytes.
 */
function precompress(): Plugin {
  return {
    name: 'motcua-precompress',
    apply: 'build',
    closeBundle() {
      const assets = path.join(outDir, 'assets');
      for (const name of fs.readdirSync(assets)) {
        if (!/\.(js|css)$/.test(name)) continue;
        const file = path.join(assets, name);
        const data = fs.readFileSync(file);
        if (data.length < 1024) continue;
        fs.writeFileSync(`${file}.gz`, zlib.gzipSync(data, { level: 9 }));
        fs.writeFileSync(
          `${file}.br`,
          zlib.brotliCompressSync(data, { params: { [zlib.constants.BROTLI_PARAM_QUALITY]: 11 } }),
        );
      }
    },
  };
}

export default defineConfig({
  root: webRoot,
  plugins: [react(), jsBudget(), precompress()],
  build: {
    outDir,
    emptyOutDir: true,
    // antd's core is a bit over the default limit; every page is split by route anyway.
    chunkSizeWarningLimit: 700,
  },
  server: {
    proxy: {
      '/api': 'http://localhost:3000',
    },
  },
});
