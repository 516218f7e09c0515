// Starts the app for end-to-end tests on a fresh database: a new PostgreSQL database when DATABASE_URL is set
// (dropped on exit), otherwise a fresh embedded one in a temporary directory.

import { spawn } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import pg from 'pg';

const port = process.argv[2] ?? '3999';
// Email notifications go to a local SMTP catcher that writes each message as JSON under .tmp/e2e-mail-<port>,
// where the specs read "the captured email" (e2e/helpers.ts capturedMails).
const mailPort = String(Number(port) + 100);
const mailDir = path.resolve(`.tmp/e2e-mail-${port}`);
fs.rmSync(mailDir, { recursive: true, force: true });
fs.mkdirSync(mailDir, { recursive: true });
const catcher = spawn(
  process.execPath,
  ['--import', 'tsx', 'src/modules/notify/testing/mail-catcher.ts', mailPort, mailDir],
  { stdio: 'ignore' },
);
// Online payments go to the local VNPAY simulator on port + 300 (src/modules/payments/testing), which signs
// like the real gateway and sends its IPN back to this app.
const gatewayPort = String(Number(port) + 300);
const gatewaySecret = 'E2E-SIMULATOR-HASH-SECRET-000001';
const gateway = spawn(
  process.execPath,
  ['--import', 'tsx', 'src/modules/payments/testing/vnpay-simulator.ts', gatewayPort],
  {
    stdio: 'ignore',
    env: {
      ...process.env,
      VNPAY_SIM_TMN_CODE: 'MOTCUAE2E',
      VNPAY_SIM_HASH_SECRET: gatewaySecret,
      VNPAY_SIM_IPN_URL: `http://127.0.0.1:${port}/api/payments/vnpay/ipn`,
      VNPAY_SIM_IPN_DELAY_MS: '1500',
      VNPAY_SIM_IPN_RETRY_MS: '2000',
    },
  },
);
// Sign-in with the electronic identity goes to a local OpenID provider (the demo one) on E2E_PORT+200; it only
// adds a button to the login page, so the other specs are unaffected (e2e/oidc-signin.spec.ts uses it).
const oidcPort = String(Number(port) + 200);
const oidcProvider = spawn(
  process.execPath,
  ['--import', 'tsx', 'src/modules/auth/testing/oidc-provider-server.ts', oidcPort],
  {
    stdio: 'ignore',
    env: {
      ...process.env,
      OIDC_DEMO_ISSUER_HOST: '127.0.0.1',
      OIDC_DEMO_REDIRECT_URIS: `http://127.0.0.1:${port}/api/auth/oidc/callback`,
    },
  },
);
const env = {
  OIDC_ISSUER_URL: `http://127.0.0.1:${oidcPort}`,
  OIDC_CLIENT_ID: 'motcua-demo',
  OIDC_CLIENT_SECRET: 'motcua-demo-secret',
  OIDC_REDIRECT_URI: `http://127.0.0.1:${port}/api/auth/oidc/callback`,
  PORT: port,
  VNPAY_TMN_CODE: 'MOTCUAE2E',
  VNPAY_HASH_SECRET: gatewaySecret,
  VNPAY_PAYMENT_URL: `http://127.0.0.1:${gatewayPort}/paymentv2/vpcpay.html`,
  VNPAY_API_URL: `http://127.0.0.1:${gatewayPort}/merchant_webapi/api/transaction`,
  HOST: '127.0.0.1',
  LOG_LEVEL: 'warn',
  SMTP_URL: `smtp://127.0.0.1:${mailPort}`,
  MAIL_FROM: 'Motcua Vị Thanh <thongbao@vithanh.demo.motcua.vn>',
};
let cleanup = async () => {};

if (process.env.DATABASE_URL) {
  const server = process.env.DATABASE_URL;
  const name = `motcua_e2e_${Date.now()}`;
  const admin = new pg.Client({ connectionString: server });
  await admin.connect();
  await admin.query(`create database ${name}`);
  await admin.end();
  const url = new URL(server);
  url.pathname = `/${name}`;
  env.DATABASE_URL = url.toString();
  cleanup = async () => {
    const c = new pg.Client({ connectionString: server });
    await c.connect();
    await c.query(`drop database if exists ${name} with (force)`);
    await c.end();
  };
} else {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'motcua-e2e-'));
  env.DATA_DIR = dir;
  cleanup = async () => fs.rmSync(dir, { recursive: true, force: true });
}
const child = spawn(process.execPath, ['--import', 'tsx', 'src/main.ts'], {
  env: { ...process.env, ...env },
  stdio: 'inherit',
});
for (const signal of ['SIGINT', 'SIGTERM']) process.once(signal, () => child.kill(signal));
child.on('exit', (code) => {
  catcher.kill();
  gateway.kill();
  oidcProvider.kill();
  cleanup().finally(() => process.exit(code ?? 0));
});
