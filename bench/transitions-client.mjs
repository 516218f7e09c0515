// The load generator of the transitions benchmark, in a worker thread of its own so that the HTTP client does
// not share the server's event loop. It shares the machine's cores with the server and PostgreSQL, so it is kept
// as cheap as pgbench's C client allows a JavaScript one to be: one keep-alive socket per client, requests
// written as prepared strings, and only the status line and the intake's answer parsed (with
// `Prefer: return=minimal` an action answers its new version, which is always the previous one plus one; a wrong
// guess would be refused with 409 and fail the run).
import fs from 'node:fs';
import net from 'node:net';
import { parentPort, workerData } from 'node:worker_threads';

const { bases, cookies, deskAgency, fileId, clients } = workerData;

/**
 * One HTTP/1.1 keep-alive connection answering one request at a time (answers carry a content-length). With
 * several API processes the clients are spread over them in turn, as a round-robin balancer would.
 */
function connection(base) {
  const { hostname, port } = new URL(base);
  const socket = net.connect({ host: hostname, port: Number(port), noDelay: true });
  let buffered = Buffer.alloc(0);
  let pending = null;
  socket.on('data', (chunk) => {
    buffered = buffered.length ? Buffer.concat([buffered, chunk]) : chunk;
    const headEnd = buffered.indexOf('\r\n\r\n');
    if (headEnd < 0 || !pending) return;
    const head = buffered.toString('latin1', 0, headEnd);
    const length = Number(/\r\ncontent-length: *(\d+)/i.exec(head)?.[1] ?? Number.NaN);
    if (Number.isNaN(length)) return pending.reject(new Error(`no content-length: ${head}`));
    if (buffered.length < headEnd + 4 + length) return;
    const body = buffered.subarray(headEnd + 4, headEnd + 4 + length);
    buffered = buffered.subarray(headEnd + 4 + length);
    const done = pending;
    pending = null;
    done.resolve({ status: Number(head.slice(9, 12)), body });
  });
  socket.on('error', (error) => pending?.reject(error));
  return {
    post(path, who, json) {
      const body = Buffer.from(json);
      return new Promise((resolve, reject) => {
        pending = { resolve, reject };
        socket.write(
          `POST ${path} HTTP/1.1\r\nhost: ${hostname}\r\ncookie: ${cookies[who] ?? ''}\r\n` +
            `content-type: application/json\r\nprefer: return=minimal\r\ncontent-length: ${body.length}\r\n\r\n`,
        );
        socket.write(body);
      });
    },
    close: () => socket.end(),
  };
}

const intake = JSON.stringify({
  procedureCode: '1.003583',
  receivingAgencyId: deskAgency,
  applicant: { fullName: 'Nguyễn Văn Thử' },
  documents: [{ name: 'Tờ khai', originals: 1, copies: 0 }],
  complete: true,
});
// After intake (submit + receive: two transitions in one request), six actions take a dossier to the end.
const steps = [
  ['desk', { type: 'complete_step', comment: 'Chuyển' }],
  ['specialist', { type: 'complete_step', comment: 'Đủ điều kiện' }],
  ['head', { type: 'complete_step', comment: 'Trình ký' }],
  ['leader', { type: 'approve' }],
  ['clerk', { type: 'issue_result', resultFileId: fileId }],
  ['desk', { type: 'return_result', channel: 'counter' }],
].map(([who, action]) => ({ who, json: (version) => JSON.stringify({ version, action }) }));

/** A client walks dossiers through their lifecycle one request at a time; a round stops it between requests. */
function client(n) {
  const http = connection(bases[n % bases.length]);
  let dossier = null; // { path, version, step }
  async function request() {
    if (!dossier) {
      const r = await http.post('/api/office/dossiers', 'desk', intake);
      if (r.status !== 201) throw new Error(`intake: ${r.status} ${r.body}`);
      const { id, version } = JSON.parse(r.body.toString());
      dossier = { path: `/api/office/dossiers/${id}/actions`, version, step: 0 };
      return 2;
    }
    const step = steps[dossier.step];
    const r = await http.post(dossier.path, step.who, step.json(dossier.version));
    if (r.status !== 200) throw new Error(`${dossier.path}: ${r.status} ${r.body}`);
    dossier.version++;
    dossier.step++;
    if (dossier.step === steps.length) dossier = null;
    return 1;
  }
  return { request, close: http.close };
}

const pool = Array.from({ length: clients }, (_, n) => client(n));
const threadCpuMs = () => {
  // utime + stime of this thread, in clock ticks of 10 ms (see bench/process-cpu.ts).
  const text = fs.readFileSync('/proc/thread-self/stat', 'utf8');
  const fields = text.slice(text.lastIndexOf(')') + 2).split(' ');
  return (Number(fields[11]) + Number(fields[12])) * 10;
};

// Each message is a round: run every client for `seconds`, answer what was done and what it cost this thread.
parentPort.on('message', async ({ seconds, close }) => {
  if (close) {
    for (const c of pool) c.close();
    parentPort.close();
    return;
  }
  const cpuBefore = threadCpuMs();
  const started = performance.now();
  const deadline = started + seconds * 1000;
  let transitions = 0;
  let requests = 0;
  await Promise.all(
    pool.map(async (c) => {
      while (performance.now() < deadline) {
        const done = await c.request();
        transitions += done;
        requests++;
      }
    }),
  );
  parentPort.postMessage({
    transitions,
    requests,
    elapsedMs: performance.now() - started,
    clientCpuMs: threadCpuMs() - cpuBefore,
  });
});
