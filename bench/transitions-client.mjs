// The load generator of the transitions benchmark, in a worker thread of its own so that the HTTP client does
// not share the server's event loop (pgbench, beside it, is a separate process too).
import { parentPort, workerData } from 'node:worker_threads';

const { base, cookies, deskAgency, fileId, seconds, clients } = workerData;

async function post(who, path, body) {
  const r = await fetch(`${base}${path}`, {
    method: 'POST',
    headers: { 'content-type': 'application/json', cookie: cookies[who] ?? '', prefer: 'return=minimal' },
    body: JSON.stringify(body),
  });
  if (!r.ok) throw new Error(`${path}: ${r.status} ${await r.text()}`);
  return r.json();
}

const steps = [
  ['desk', { type: 'complete_step', comment: 'Chuyển' }],
  ['specialist', { type: 'complete_step', comment: 'Đủ điều kiện' }],
  ['head', { type: 'complete_step', comment: 'Trình ký' }],
  ['leader', { type: 'approve' }],
  ['clerk', { type: 'issue_result', resultFileId: fileId }],
  ['desk', { type: 'return_result', channel: 'counter' }],
];

let transitions = 0;
const deadline = performance.now() + seconds * 1000;
async function client() {
  while (performance.now() < deadline) {
    let d = await post('desk', '/api/office/dossiers', {
      procedureCode: '1.003583',
      receivingAgencyId: deskAgency,
      applicant: { fullName: 'Nguyễn Văn Thử' },
      documents: [{ name: 'Tờ khai', originals: 1, copies: 0 }],
      complete: true,
    });
    transitions += 2; // submit + receive
    for (const [who, action] of steps) {
      d = await post(who, `/api/office/dossiers/${d.id}/actions`, { version: d.version, action });
      transitions++;
    }
  }
}

const started = performance.now();
await Promise.all(Array.from({ length: clients }, client));
parentPort.postMessage({ transitions, elapsedMs: performance.now() - started });
