// A stand-in for the National Public Service Portal (Cổng Dịch vụ công quốc gia), run as its own process: it files
// a dossier through the signed interop API, receives the status webhooks, checks their signatures, discards
// out-of-order deliveries by sequence number and prints (and records) every status it saw.
//
//   MOTCUA_URL=http://127.0.0.1:3000 INTEROP_API_KEY=mck_… WEBHOOK_SECRET=whs_… PEER_PORT=3400 \
//   RECEIVING_AGENCY_ID=<uuid> node --import tsx src/modules/interop/testing/national-portal-peer.ts
//
// GET http://127.0.0.1:<PEER_PORT>/seen answers what it filed and saw (the e2e test reads it). The application it
// files is invented demo data (a birth registration, procedure 1.001193 of the demo catalogue).
import http from 'node:http';
import {
  createInteropClient,
  type InboundDossier,
  verifyWebhookSignature,
  type WebhookEvent,
} from '../../../../packages/interop-client/src/index.ts';

const env = (name: string, fallback?: string) => {
  const value = process.env[name] ?? fallback;
  if (value === undefined) {
    process.stderr.write(`Thiếu biến môi trường ${name}.\n`);
    process.exit(2);
  }
  return value;
};

const baseUrl = env('MOTCUA_URL', 'http://127.0.0.1:3000');
const apiKey = env('INTEROP_API_KEY');
const secret = env('WEBHOOK_SECRET');
const port = Number(env('PEER_PORT', '3400'));
const externalId = env('EXTERNAL_ID', `DVCQG-${Date.now()}`);

interface Seen {
  eventId: string;
  kind: string;
  sequence: number;
  state: string;
  code: string | null;
  verdict: 'applied' | 'discarded-out-of-order' | 'duplicate' | 'bad-signature';
}

const state = { filed: null as unknown, seen: [] as Seen[], lastSequence: new Map<string, number>() };
const print = (line: string) => process.stdout.write(`[peer DVCQG] ${line}\n`);

const server = http.createServer((req, res) => {
  if (req.method === 'GET' && req.url === '/seen') {
    res.setHeader('content-type', 'application/json');
    res.end(JSON.stringify({ filed: state.filed, seen: state.seen }));
    return;
  }
  if (req.method !== 'POST' || req.url !== '/hooks') {
    res.statusCode = 404;
    res.end();
    return;
  }
  const chunks: Buffer[] = [];
  req.on('data', (c: Buffer) => chunks.push(c));
  req.on('end', () => {
    const body = Buffer.concat(chunks).toString('utf8');
    const header = req.headers['x-motcua-signature'];
    if (!verifyWebhookSignature(secret, typeof header === 'string' ? header : undefined, body)) {
      state.seen.push({
        eventId: '',
        kind: '',
        sequence: 0,
        state: '',
        code: null,
        verdict: 'bad-signature',
      });
      print('từ chối một thông báo có chữ ký sai');
      res.statusCode = 401;
      res.end();
      return;
    }
    const event = JSON.parse(body) as WebhookEvent;
    const last = state.lastSequence.get(event.dossier.dossierId) ?? 0;
    const duplicate = state.seen.some((s) => s.eventId === event.eventId && s.verdict === 'applied');
    const verdict: Seen['verdict'] = duplicate
      ? 'duplicate'
      : event.sequence <= last
        ? 'discarded-out-of-order'
        : 'applied';
    if (verdict === 'applied') state.lastSequence.set(event.dossier.dossierId, event.sequence);
    state.seen.push({
      eventId: event.eventId,
      kind: event.kind,
      sequence: event.sequence,
      state: event.dossier.state,
      code: event.dossier.code,
      verdict,
    });
    print(
      `#${event.sequence} ${event.kind} → ${event.dossier.stateLabel} (${event.dossier.code ?? 'chưa có mã'}) [${verdict}]`,
    );
    res.statusCode = 200;
    res.end();
  });
});

await new Promise<void>((resolve) => server.listen(port, '127.0.0.1', resolve));
print(`nhận thông báo tại http://127.0.0.1:${port}/hooks`);

if (process.env.RECEIVING_AGENCY_ID) {
  const pdf = (text: string) =>
    Buffer.from(`%PDF-1.4\n% ${text}\n1 0 obj <<>> endobj\ntrailer <<>>\n%%EOF\n`).toString('base64');
  const application: InboundDossier = {
    externalId,
    sourceSystem: 'DVCQG',
    procedureCode: env('PROCEDURE_CODE', '1.001193'),
    receivingAgencyId: process.env.RECEIVING_AGENCY_ID,
    applicant: {
      kind: 'person',
      fullName: env('APPLICANT_NAME', 'Phạm Thị Lan'),
      citizenId: '093190004321',
      phone: '0987654321',
    },
    formData: {
      childFullName: 'Phạm Gia Bảo',
      childBirthDate: '2026-11-28',
      childSex: 'nam',
      placeOfBirth: 'Bệnh viện Đa khoa tỉnh Hậu Giang',
      motherFullName: 'Phạm Thị Lan',
      relationship: 'me',
    },
    documents: [
      { slot: '0.4', fileName: 'to-khai-dang-ky-khai-sinh.pdf', contentBase64: pdf('to khai') },
      { slot: '3.2', fileName: 'giay-chung-sinh.pdf', contentBase64: pdf('giay chung sinh') },
    ],
  };
  const client = createInteropClient({ baseUrl, apiKey });
  const answer = await client.fileDossier(application);
  state.filed = answer.ok ? answer.data : { status: answer.status, error: answer.error };
  print(
    answer.ok
      ? `đã nộp hồ sơ ${externalId} → ${answer.data.dossierId}`
      : `nộp không được: ${answer.status} ${answer.error?.message}`,
  );
}

const stop = () => server.close(() => process.exit(0));
process.on('SIGTERM', stop);
process.on('SIGINT', stop);
