import os from 'node:os';

// Lines the process writes outside a request and before (or after) Fastify's logger exists: start-up, seeding,
// shutdown, a dropped database connection. On a terminal they are plain text for the person who ran `npm start`;
// anywhere else (systemd, containers, a log shipper) they are JSON lines in the request logs' format (pino's
// fields and level numbers), so every line of the log stream parses the same way.

const levels = { info: 30, warn: 40, error: 50 } as const;
export type LineLevel = keyof typeof levels;

export interface LineWriter {
  write(text: string): unknown;
  isTTY?: boolean;
}

export function formatLine(level: LineLevel, msg: string, fields: object = {}, now = Date.now()): string {
  return JSON.stringify({
    level: levels[level],
    time: now,
    pid: process.pid,
    hostname: os.hostname(),
    ...fields,
    msg,
  });
}

/** Writes one line: text on a terminal, a JSON object otherwise. */
export function logLine(level: LineLevel, msg: string, fields: object = {}, stream?: LineWriter): void {
  const out = stream ?? (level === 'info' ? process.stdout : process.stderr);
  out.write(`${out.isTTY ? msg : formatLine(level, msg, fields)}\n`);
}
