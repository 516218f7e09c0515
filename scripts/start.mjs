// `npm start`: builds the web app when it is missing or older than its sources, then runs the server.
import { spawnSync } from 'node:child_process';
import fs from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { register } from 'tsx/esm/api';

const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');
const builtIndex = path.join(root, 'dist/web/index.html');

function newestMtime(dir) {
  let newest = 0;
  for (const entry of fs.readdirSync(dir, { withFileTypes: true })) {
    const full = path.join(dir, entry.name);
    newest = Math.max(newest, entry.isDirectory() ? newestMtime(full) : fs.statSync(full).mtimeMs);
  }
  return newest;
}

const sourcesChanged = () =>
  !fs.existsSync(builtIndex) ||
  Math.max(newestMtime(path.join(root, 'web')), fs.statSync(path.join(root, 'package-lock.json')).mtimeMs) >
    fs.statSync(builtIndex).mtimeMs;

if (!process.env.WEB_DIR && sourcesChanged()) {
  process.stdout.write('Đang dựng giao diện web (chỉ lần đầu hoặc khi mã nguồn web thay đổi)…\n');
  const build = spawnSync('npx', ['vite', 'build', '--config', 'web/vite.config.ts', '--logLevel', 'warn'], {
    cwd: root,
    stdio: 'inherit',
  });
  if (build.status !== 0) {
    process.stderr.write('Dựng giao diện web thất bại; xem lỗi ở trên.\n');
    process.exit(build.status ?? 1);
  }
}

register();
await import('../src/main.ts');
