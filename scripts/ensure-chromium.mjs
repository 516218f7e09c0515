// End-to-end tests drive Debian's Chromium; this installs it when missing (as root) and never downloads a browser.
import { spawnSync } from 'node:child_process';
import fs from 'node:fs';

const chromium = process.env.CHROMIUM_PATH ?? '/usr/bin/chromium';
if (!fs.existsSync(chromium)) {
  if (process.getuid?.() !== 0) {
    process.stderr.write(
      `Không tìm thấy ${chromium}. Hãy cài gói Debian "chromium" (sudo apt-get install -y chromium) rồi chạy lại.\n`,
    );
    process.exit(1);
  }
  process.stdout.write('Cài Chromium của Debian cho kiểm thử đầu-cuối (apt-get install -y chromium)…\n');
  const run = (args) =>
    spawnSync('apt-get', args, {
      stdio: 'inherit',
      env: { ...process.env, DEBIAN_FRONTEND: 'noninteractive' },
    });
  run(['update']);
  const install = run(['install', '-y', '--no-install-recommends', 'chromium']);
  if (install.status !== 0 || !fs.existsSync(chromium)) {
    process.stderr.write('Cài gói "chromium" thất bại; hãy cài thủ công: apt-get install -y chromium\n');
    process.exit(1);
  }
}
