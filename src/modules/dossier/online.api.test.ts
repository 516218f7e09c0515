import { eq, sql } from 'drizzle-orm';
import { describe, expect, it } from 'vitest';
import { useTestApp } from '../../testing/test-app.ts';
import { testDatabaseKinds } from '../../testing/test-db.ts';
import { dossierEvents, dossiers } from './schema.ts';

type Mine = {
  id: string;
  code: string | null;
  trackingCheck: string | null;
  version: number;
  state: string;
  expectedOfYou: string;
  documents: { id: string; slot: string | null; kind: string; fileId: string; removable: boolean }[];
  documentSlots: { slot: string; required: boolean; name: string }[];
  problems: { path: string; message: string }[];
  availableActions: { type: string }[];
  timeline: { label: string; note: string | null }[];
  forms: { kind: string }[];
  result: { fileId: string } | null;
};

const CITIZEN = 'congdan@demo.motcua.vn';
const DESK = 'motcua.vithanh@demo.motcua.vn';
const PROCEDURE = '1.001193'; // Thủ tục đăng ký khai sinh (online: partial)

const multipart = (filename: string, type: string, bytes: Buffer) => ({
  headers: { 'content-type': 'multipart/form-data; boundary=XYZ' },
  payload: Buffer.concat([
    Buffer.from(
      `--XYZ\r\nContent-Disposition: form-data; name="file"; filename="${filename}"\r\nContent-Type: ${type}\r\n\r\n`,
    ),
    bytes,
    Buffer.from('\r\n--XYZ--\r\n'),
  ]),
});
const pdf = (text: string) => Buffer.from(`%PDF-1.4\n% ${text}\n1 0 obj <<>> endobj\ntrailer <<>>\n%%EOF\n`);

describe.each(testDatabaseKinds())('online applications on %s', (kind) => {
  const t = useTestApp(kind);
  let deskAgencyId = '';

  const application = async () =>
    (await t.request({ method: 'GET', url: `/api/procedures/${PROCEDURE}/application` })).json() as {
      acceptsOnline: boolean;
      receivingOptions: { receivingAgencyId: string; receivingAgencyName: string }[];
      documentSlots: { slot: string; required: boolean }[];
    };
  const upload = async (cookie: string, text: string) => {
    const r = await t.request({
      method: 'POST',
      url: '/api/my/files',
      cookie,
      ...multipart(`${text}.pdf`, 'application/pdf', pdf(text)),
    });
    expect(r.statusCode, r.body).toBe(201);
    return (r.json() as { fileId: string }).fileId;
  };
  const start = async (cookie: string, key?: string) => {
    deskAgencyId ||=
      (await application()).receivingOptions.find((o) => /Vị Thanh/.test(o.receivingAgencyName))
        ?.receivingAgencyId ?? '';
    return t.request({
      method: 'POST',
      url: '/api/my/dossiers',
      cookie,
      headers: key ? { 'idempotency-key': key } : {},
      payload: { procedureCode: PROCEDURE, receivingAgencyId: deskAgencyId },
    });
  };
  const mine = async (cookie: string, id: string) =>
    (await t.request({ method: 'GET', url: `/api/my/dossiers/${id}`, cookie })).json() as Mine;
  const act = (cookie: string, d: Pick<Mine, 'id' | 'version'>, action: unknown, key?: string) =>
    t.request({
      method: 'POST',
      url: `/api/my/dossiers/${d.id}/actions`,
      cookie,
      headers: key ? { 'idempotency-key': key } : {},
      payload: { version: d.version, action },
    });

  /** A complete draft: applicant data and the two required documents. */
  const completeDraft = async (cookie: string) => {
    let d = (await start(cookie)).json() as Mine;
    d = (
      await t.request({
        method: 'PUT',
        url: `/api/my/dossiers/${d.id}/draft`,
        cookie,
        payload: {
          version: d.version,
          applicant: { fullName: 'Nguyễn Thị Hoa', citizenId: '093190001234', phone: '0912 345 678' },
          formData: {
            childFullName: 'Trần Minh An',
            childBirthDate: '2026-11-20',
            childSex: 'nam',
            placeOfBirth: 'Bệnh viện Đa khoa tỉnh Hậu Giang',
            motherFullName: 'Nguyễn Thị Hoa',
            relationship: 'me',
          },
        },
      })
    ).json() as Mine;
    for (const slot of d.documentSlots.filter((s) => s.required)) {
      const fileId = await upload(cookie, `giay-to-${slot.slot}`);
      const r = await t.request({
        method: 'POST',
        url: `/api/my/dossiers/${d.id}/documents`,
        cookie,
        payload: { fileId, slot: slot.slot },
      });
      expect(r.statusCode, r.body).toBe(201);
      d = r.json() as Mine;
    }
    return d;
  };

  it('offers the procedure online at the ward desk, with its required uploads', async () => {
    const info = await application();
    expect(info.acceptsOnline).toBe(true);
    expect(info.receivingOptions.some((o) => /Vị Thanh/.test(o.receivingAgencyName))).toBe(true);
    expect(info.documentSlots.filter((s) => s.required).map((s) => s.slot)).toEqual(['0.4', '3.2']);
  });

  it('starts one draft per idempotency key, prefilled from the account, and refuses officers', async () => {
    const citizen = await t.login(CITIZEN);
    const first = await start(citizen, 'start-key-0001');
    expect(first.statusCode, first.body).toBe(201);
    const again = await start(citizen, 'start-key-0001');
    expect(again.statusCode).toBe(201);
    expect((again.json() as Mine).id).toBe((first.json() as Mine).id);
    const d = first.json() as Mine & { applicant: { fullName: string } };
    expect(d.state).toBe('draft');
    expect(d.applicant.fullName).toBe('Nguyễn Thị Hoa');
    expect(d.expectedOfYou).toMatch(/Nộp hồ sơ/);
    expect(d.problems.map((p) => p.path)).toEqual(
      expect.arrayContaining(['documents.0.4', 'documents.3.2', 'formData.childFullName']),
    );
    const officer = await t.login(DESK);
    expect((await start(officer)).statusCode).toBe(403);
    const offline = await t.request({
      method: 'POST',
      url: '/api/my/dossiers',
      cookie: citizen,
      payload: { procedureCode: '1.003583', receivingAgencyId: deskAgencyId },
    });
    expect(offline.statusCode).toBe(422);
    expect(offline.json().error.message).toMatch(/chưa cho phép nộp trực tuyến/);
  });

  it('refuses bad draft data, wrong files and incomplete submissions, changing nothing', async () => {
    const citizen = await t.login(CITIZEN);
    const d = (await start(citizen)).json() as Mine;
    const bad = await t.request({
      method: 'PUT',
      url: `/api/my/dossiers/${d.id}/draft`,
      cookie: citizen,
      payload: { version: d.version, applicant: { phone: '12345', citizenId: '999999999999' } },
    });
    expect(bad.statusCode).toBe(400);
    expect(bad.json().error.fields.map((f: { path: string }) => f.path)).toEqual([
      'applicant.phone',
      'applicant.citizenId',
    ]);
    expect((await mine(citizen, d.id)).version).toBe(d.version);
    const wrongForm = await t.request({
      method: 'PUT',
      url: `/api/my/dossiers/${d.id}/draft`,
      cookie: citizen,
      payload: { version: d.version, formData: { childBirthDate: '2026-02-30', childSex: 'khác' } },
    });
    expect(wrongForm.statusCode).toBe(400);
    expect(wrongForm.json().error.fields.map((f: { path: string }) => f.path)).toEqual([
      'formData.childBirthDate',
      'formData.childSex',
    ]);
    const exe = await t.request({
      method: 'POST',
      url: '/api/my/files',
      cookie: citizen,
      ...multipart('giay-khai-sinh.pdf', 'application/pdf', Buffer.from('MZ\x90\x00 this is not a pdf')),
    });
    expect(exe.statusCode).toBe(415);
    const early = await act(citizen, d, { type: 'submit' });
    expect(early.statusCode).toBe(400);
    expect(early.json().error.fields.length).toBeGreaterThan(0);
    expect((await mine(citizen, d.id)).state).toBe('draft');
    const stranger = await t.request({
      method: 'GET',
      url: `/api/my/dossiers/${d.id}`,
      cookie: await t.login(DESK),
    });
    expect(stranger.statusCode).toBe(404);
    const officeView = await t.request({
      method: 'GET',
      url: `/api/office/dossiers/${d.id}`,
      cookie: await t.login(DESK),
    });
    expect(officeView.statusCode).toBe(404); // an online draft is the applicant's own until submitted
    const discarded = await t.request({ method: 'DELETE', url: `/api/my/dossiers/${d.id}`, cookie: citizen });
    expect(discarded.statusCode).toBe(204);
    expect(
      (await t.request({ method: 'GET', url: `/api/my/dossiers/${d.id}`, cookie: citizen })).statusCode,
    ).toBe(404);
  });

  it('answers concurrent identical submits with one key by one submit (the key commits with it)', async () => {
    const citizen = await t.login(CITIZEN);
    const d = await completeDraft(citizen);
    const answers = await Promise.all(
      Array.from({ length: 6 }, () => act(citizen, d, { type: 'submit' }, 'submit-race-0001')),
    );
    for (const a of answers) expect(a.statusCode, a.body).toBe(200);
    const events = await t.database.db.select().from(dossierEvents).where(eq(dossierEvents.dossierId, d.id));
    expect(events.filter((e) => e.action === 'submit')).toHaveLength(1);
  });

  it('keeps the submit and its key together: a failure between them leaves the draft, the retry submits once', async () => {
    const citizen = await t.login(CITIZEN);
    const d = await completeDraft(citizen);
    // A failure right where the key is written stands in for a crash after the submit's own statement.
    await t.database.db.execute(sql`create function refuse_crash_key() returns trigger language plpgsql as $$
      begin if new.key like 'crash-%' then raise exception 'simulated crash'; end if; return new; end $$`);
    await t.database.db.execute(
      sql`create trigger refuse_crash_key before insert on request_keys for each row execute function refuse_crash_key()`,
    );
    try {
      expect((await act(citizen, d, { type: 'submit' }, 'crash-submit-0001')).statusCode).toBe(500);
    } finally {
      await t.database.db.execute(sql`drop trigger refuse_crash_key on request_keys`);
      await t.database.db.execute(sql`drop function refuse_crash_key()`);
    }
    expect((await mine(citizen, d.id)).state).toBe('draft');
    const retried = await act(citizen, d, { type: 'submit' }, 'crash-submit-0001');
    expect(retried.statusCode, retried.body).toBe(200);
    const events = await t.database.db.select().from(dossierEvents).where(eq(dossierEvents.dossierId, d.id));
    expect(events.filter((e) => e.action === 'submit')).toHaveLength(1);
  });

  it('goes from draft to result: submit once, supplement, receipt with check value, result download', async () => {
    const citizen = await t.login(CITIZEN);
    const desk = await t.login(DESK);
    let d = await completeDraft(citizen);
    expect(d.problems).toEqual([]);
    const submitted = await act(citizen, d, { type: 'submit' }, 'submit-key-0001');
    expect(submitted.statusCode, submitted.body).toBe(200);
    const replay = await act(citizen, d, { type: 'submit' }, 'submit-key-0001');
    expect(replay.statusCode).toBe(200);
    d = submitted.json() as Mine;
    expect(d.state).toBe('submitted');
    const [row] = await t.database.db.select().from(dossiers).where(eq(dossiers.id, d.id));
    expect(row?.version).toBe(d.version);
    const submits = await t.database.db.select().from(dossierEvents).where(eq(dossierEvents.dossierId, d.id));
    expect(submits.filter((e) => e.action === 'submit')).toHaveLength(1);

    // A supplement sent when none is awaited changes nothing.
    expect((await act(citizen, d, { type: 'supply_supplement', note: 'x' })).statusCode).toBe(409);

    // The desk asks for a supplement; the citizen sees why and supplies it against the same dossier.
    const office = (
      await t.request({ method: 'GET', url: `/api/office/dossiers/${d.id}`, cookie: desk })
    ).json();
    const asked = await t.request({
      method: 'POST',
      url: `/api/office/dossiers/${d.id}/actions`,
      cookie: desk,
      payload: {
        version: office.version,
        action: {
          type: 'request_intake_supplement',
          reasons: ['Ảnh Giấy chứng sinh bị mờ, vui lòng chụp lại.'],
        },
      },
    });
    expect(asked.statusCode, asked.body).toBe(200);
    d = await mine(citizen, d.id);
    expect(d.expectedOfYou).toMatch(/Giấy chứng sinh bị mờ/);
    // …and is told in the app, in the same transaction as the request (the outbox carries the other channels).
    const inbox = (await t.request({ method: 'GET', url: '/api/my/notifications', cookie: citizen })).json();
    expect(inbox.unread).toBeGreaterThan(0);
    expect(inbox.items[0]).toMatchObject({ kind: 'supplement_requested', dossierId: d.id });
    expect(inbox.items[0].body).toMatch(/bị mờ/);
    expect(d.timeline.at(-1)?.note).toMatch(/bị mờ/);
    expect((await act(citizen, d, { type: 'supply_supplement' })).statusCode).toBe(400);
    const fileId = await upload(citizen, 'giay-chung-sinh-chup-lai');
    d = (
      await t.request({
        method: 'POST',
        url: `/api/my/dossiers/${d.id}/documents`,
        cookie: citizen,
        payload: { fileId, slot: '0.4' },
      })
    ).json() as Mine;
    expect(d.documents.filter((x) => x.kind === 'supplement')).toHaveLength(1);
    expect(d.documents.filter((x) => x.removable).map((x) => x.kind)).toEqual(['supplement']);
    d = (await act(citizen, d, { type: 'supply_supplement', note: 'Đã chụp lại' })).json() as Mine;
    expect(d.state).toBe('submitted');

    // Received: the receipt carries the check value, and the public look-up works with it only.
    const office2 = (
      await t.request({ method: 'GET', url: `/api/office/dossiers/${d.id}`, cookie: desk })
    ).json();
    const received = await t.request({
      method: 'POST',
      url: `/api/office/dossiers/${d.id}/actions`,
      cookie: desk,
      payload: { version: office2.version, action: { type: 'receive', dossierCode: '' } },
    });
    expect(received.statusCode, received.body).toBe(200);
    d = await mine(citizen, d.id);
    expect(d.code).toBeTruthy();
    expect(d.trackingCheck).toMatch(/^[A-Z2-9]{6}$/);
    const receivedNote = (
      await t.request({ method: 'GET', url: '/api/my/notifications', cookie: citizen })
    ).json();
    expect(receivedNote.items[0]).toMatchObject({ kind: 'received', dossierId: d.id });
    expect(receivedNote.items[0].body).toContain(d.code);
    expect(d.forms.map((f) => f.kind)).toContain('receipt');
    const receipt = await t.request({
      method: 'GET',
      url: `/api/my/dossiers/${d.id}/forms/receipt`,
      cookie: citizen,
    });
    expect(receipt.statusCode).toBe(200);
    expect(receipt.headers['content-type']).toBe('application/pdf');

    const lookup = await t.request({
      method: 'GET',
      url: `/api/dossiers/lookup?code=${encodeURIComponent(d.code ?? '')}&check=${d.trackingCheck?.toLowerCase()}`,
      remoteAddress: kind === 'pglite' ? '10.0.0.1' : '10.0.0.2',
    });
    expect(lookup.statusCode, lookup.body).toBe(200);
    expect(lookup.json().stateLabel).toBe('Đã tiếp nhận');
    expect(lookup.body).not.toMatch(/Nguyễn Thị Hoa|093190001234|0912345678/);
    const byPhone = await t.request({
      method: 'GET',
      url: `/api/dossiers/lookup?code=${encodeURIComponent(d.code ?? '')}&check=5678`,
      remoteAddress: kind === 'pglite' ? '10.0.0.1' : '10.0.0.2',
    });
    expect(byPhone.statusCode).toBe(200);
    const wrong = await t.request({
      method: 'GET',
      url: `/api/dossiers/lookup?code=${encodeURIComponent(d.code ?? '')}&check=AAAAAA`,
      remoteAddress: kind === 'pglite' ? '10.0.0.1' : '10.0.0.2',
    });
    const unknown = await t.request({
      method: 'GET',
      url: '/api/dossiers/lookup?code=000.00.00.H00-000000-0000&check=AAAAAA',
      remoteAddress: kind === 'pglite' ? '10.0.0.1' : '10.0.0.2',
    });
    expect(wrong.statusCode).toBe(404);
    expect(unknown.statusCode).toBe(404);
    expect(wrong.body).toBe(unknown.body);

    // Withdrawing is for before a decision only; the citizen cannot act for the office.
    expect((await act(citizen, d, { type: 'withdraw', reason: 'Không cần nữa' })).statusCode).toBe(200);
    d = await mine(citizen, d.id);
    expect(d.state).toBe('withdrawn');
    expect(d.availableActions).toEqual([]);
  });

  it('rate-limits look-ups after repeated failures', async () => {
    const codes = Array.from({ length: 12 }, (_, i) =>
      t.request({
        method: 'GET',
        url: `/api/dossiers/lookup?code=000.00.00.H00-000000-00${String(i).padStart(2, '0')}&check=ZZZZZZ`,
        remoteAddress: kind === 'pglite' ? '10.9.9.1' : '10.9.9.2',
      }),
    );
    const statuses = [];
    for (const request of codes) statuses.push((await request).statusCode);
    expect(statuses.slice(0, 10).every((s) => s === 404)).toBe(true);
    expect(statuses.at(-1)).toBe(429);
  });

  it('lists my dossiers with what is expected of me', async () => {
    const citizen = await t.login(CITIZEN);
    const list = (await t.request({ method: 'GET', url: '/api/my/dossiers', cookie: citizen })).json() as {
      items: { state: string; expectedOfYou: string; needsAction: boolean }[];
    };
    expect(list.items.length).toBeGreaterThan(0);
    expect(list.items.every((i) => i.expectedOfYou.length > 10)).toBe(true);
    expect(list.items.some((i) => i.state === 'draft' && i.needsAction)).toBe(true);
  });
});
