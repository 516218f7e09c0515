import { count } from 'drizzle-orm';
import { beforeAll, describe, expect, it } from 'vitest';
import { useTestApp } from '../../testing/test-app.ts';
import { testDatabaseKinds } from '../../testing/test-db.ts';
import { meetingDocumentVersions, meetings } from './schema.ts';

const WARD_HEAD = 'truongphong.vithanh@demo.motcua.vn';
const WARD_DESK = 'motcua.vithanh@demo.motcua.vn';
const REFORM = 'cchc.noivu@demo.motcua.vn';
const OTHER_WARD = 'motcua.vitan@demo.motcua.vn';
const CITIZEN = 'congdan@demo.motcua.vn';

const pdf = (text: string) => Buffer.from(`%PDF-1.4\n% ${text}\ntrailer<<>>\n%%EOF\n`);
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

type View = {
  id: string;
  version: number;
  canManage: boolean;
  agenda: { id: string; title: string; conclusion: string | null }[];
  participants: { userId: string; fullName: string; attendance: string; confirmedAt: string | null }[];
  documents: {
    id: string;
    versions: { id: string; versionNo: number; readByMe: string | null; reads: { fullName: string }[] }[];
  }[];
  tasks: { description: string; agencyName: string; reformTask: { id: string } | null }[];
};

describe.each(testDatabaseKinds())('meetings on %s', (kind) => {
  const t = useTestApp(kind);
  const cookies = {} as Record<'head' | 'desk' | 'reform' | 'other' | 'citizen', string>;
  const agencyId: Record<string, string> = {};
  const userId = {} as Record<'head' | 'desk' | 'reform' | 'other', string>;
  let meetingId = '';
  const countOf = async (table: typeof meetings | typeof meetingDocumentVersions) =>
    (await t.database.db.select({ n: count() }).from(table))[0]?.n ?? 0;

  beforeAll(async () => {
    const accounts = {
      head: WARD_HEAD,
      desk: WARD_DESK,
      reform: REFORM,
      other: OTHER_WARD,
      citizen: CITIZEN,
    };
    for (const [key, email] of Object.entries(accounts) as [keyof typeof accounts, string][]) {
      cookies[key] = await t.login(email);
      if (key !== 'citizen')
        userId[key] = (
          await t.request({ method: 'GET', url: '/api/auth/me', cookie: cookies[key] })
        ).json().user.id;
    }
    for (const a of (await t.request({ method: 'GET', url: '/api/agencies' })).json() as {
      id: string;
      slug: string;
    }[])
      agencyId[a.slug] = a.id;
  });

  const input = (over: Record<string, unknown> = {}) => ({
    agencyId: agencyId['cantho-phuong-vi-thanh-ubnd'],
    title: 'Họp giao ban công tác cải cách hành chính',
    startsAt: new Date(Date.now() + 2 * 86_400_000).toISOString(),
    place: 'Phòng họp UBND phường',
    onlineLink: 'https://meet.example.vn/giao-ban',
    agenda: [{ title: 'Kết quả giải quyết hồ sơ tháng' }, { title: 'Kế hoạch số hóa hồ sơ' }],
    participantIds: [userId.desk, userId.reform],
    ...over,
  });
  const view = async (cookie = cookies.head) => {
    const r = await t.request({ method: 'GET', url: `/api/office/meetings/${meetingId}`, cookie });
    expect(r.statusCode, r.body).toBe(200);
    return r.json() as View;
  };

  it('refuses bad input in Vietnamese and outsiders, writing nothing', async () => {
    const before = await countOf(meetings);
    for (const payload of [
      input({ title: 'Họp' }),
      input({ agenda: [] }),
      input({ onlineLink: 'javascript:alert(1)' }),
      input({ endsAt: new Date(Date.now()).toISOString() }),
      input({ participantIds: [agencyId['cantho-phuong-vi-thanh-ubnd']] }),
    ]) {
      const r = await t.request({
        method: 'POST',
        url: '/api/office/meetings',
        cookie: cookies.head,
        payload,
      });
      expect(r.statusCode, r.body).toBe(400);
      expect(r.json().error.message).toMatch(/[ạảãáàâấầẩẫậăắằẳẵặêếềểễệôốồổỗộơớờởỡợưứừửữựđ]/i);
    }
    const foreign = await t.request({
      method: 'POST',
      url: '/api/office/meetings',
      cookie: cookies.other,
      payload: input(),
    });
    expect(foreign.statusCode).toBe(403);
    const citizen = await t.request({
      method: 'POST',
      url: '/api/office/meetings',
      cookie: cookies.citizen,
      payload: input(),
    });
    expect(citizen.statusCode).toBe(403);
    expect(await countOf(meetings)).toBe(before);
  });

  it('a ward organises a meeting; invited officers see it, others get 403', async () => {
    const r = await t.request({
      method: 'POST',
      url: '/api/office/meetings',
      cookie: cookies.head,
      payload: input(),
    });
    expect(r.statusCode, r.body).toBe(201);
    meetingId = r.json().id;
    const mine = async (cookie: string) =>
      (
        (await t.request({ method: 'GET', url: '/api/office/meetings?when=upcoming', cookie })).json() as {
          id: string;
        }[]
      ).map((m) => m.id);
    expect(await mine(cookies.head)).toContain(meetingId);
    expect(await mine(cookies.desk)).toContain(meetingId);
    expect(await mine(cookies.other)).not.toContain(meetingId);
    expect((await view(cookies.reform)).canManage).toBe(false);
    expect(
      (await t.request({ method: 'GET', url: `/api/office/meetings/${meetingId}`, cookie: cookies.other }))
        .statusCode,
    ).toBe(403);
    expect(
      (await t.request({ method: 'GET', url: `/api/office/meetings/${meetingId}`, cookie: cookies.citizen }))
        .statusCode,
    ).toBe(403);
  });

  it('distributes documents in versions and records who read which version', async () => {
    const fake = await t.request({
      method: 'POST',
      url: `/api/office/meetings/${meetingId}/documents?title=Báo cáo`,
      cookie: cookies.head,
      ...multipart('bao-cao.pdf', 'application/pdf', Buffer.from('MZ not a pdf')),
    });
    expect(fake.statusCode).toBe(415);
    const before = await countOf(meetingDocumentVersions);
    const byParticipant = await t.request({
      method: 'POST',
      url: `/api/office/meetings/${meetingId}/documents?title=Báo cáo`,
      cookie: cookies.desk,
      ...multipart('bao-cao.pdf', 'application/pdf', pdf('v1')),
    });
    expect(byParticipant.statusCode).toBe(403);
    expect(await countOf(meetingDocumentVersions)).toBe(before);

    const up = await t.request({
      method: 'POST',
      url: `/api/office/meetings/${meetingId}/documents?title=${encodeURIComponent('Báo cáo tháng')}`,
      cookie: cookies.head,
      ...multipart('bao-cao.pdf', 'application/pdf', pdf('v1')),
    });
    expect(up.statusCode, up.body).toBe(201);
    const documentId = up.json().documentId;
    const v1 = (await view()).documents[0]?.versions[0];
    if (!v1) throw new Error('no version');

    const open = await t.request({
      method: 'GET',
      url: `/api/office/meetings/${meetingId}/versions/${v1.id}/file`,
      cookie: cookies.desk,
    });
    expect(open.statusCode).toBe(200);
    expect(open.headers['content-type']).toBe('application/pdf');
    expect(
      (
        await t.request({
          method: 'GET',
          url: `/api/office/meetings/${meetingId}/versions/${v1.id}/file`,
          cookie: cookies.other,
        })
      ).statusCode,
    ).toBe(403);

    const v2 = await t.request({
      method: 'POST',
      url: `/api/office/meetings/${meetingId}/documents/${documentId}/versions`,
      cookie: cookies.head,
      ...multipart('bao-cao-sua.pdf', 'application/pdf', pdf('v2')),
    });
    expect(v2.statusCode, v2.body).toBe(201);
    expect(v2.json().versionNo).toBe(2);

    const organiser = await view();
    const versions = organiser.documents[0]?.versions ?? [];
    expect(versions.map((v) => v.versionNo)).toEqual([2, 1]);
    expect(versions[1]?.reads.map((r) => r.fullName)).toEqual(['Trần Thị Mai']);
    expect(versions[0]?.reads).toEqual([]);
    const participant = await view(cookies.desk);
    expect(participant.documents[0]?.versions[1]?.readByMe).not.toBeNull();
    expect(participant.documents[0]?.versions[1]?.reads).toEqual([]);
  });

  it('attendance, conclusions and tasks: secretary only, 409 on a stale version', async () => {
    const attendance = (cookie: string, entries: unknown) =>
      t.request({
        method: 'PUT',
        url: `/api/office/meetings/${meetingId}/attendance`,
        cookie,
        payload: { entries },
      });
    expect(
      (await attendance(cookies.desk, [{ userId: userId.desk, attendance: 'present' }])).statusCode,
    ).toBe(403);
    expect(
      (await attendance(cookies.head, [{ userId: userId.other, attendance: 'present' }])).statusCode,
    ).toBe(400);
    expect(
      (
        await attendance(cookies.head, [
          { userId: userId.desk, attendance: 'present' },
          { userId: userId.reform, attendance: 'excused' },
        ])
      ).statusCode,
    ).toBe(204);
    expect(
      (
        await t.request({
          method: 'POST',
          url: `/api/office/meetings/${meetingId}/confirm`,
          cookie: cookies.desk,
        })
      ).statusCode,
    ).toBe(204);
    expect(
      (
        await t.request({
          method: 'POST',
          url: `/api/office/meetings/${meetingId}/confirm`,
          cookie: cookies.head,
        })
      ).statusCode,
    ).toBe(403);

    const m = await view();
    expect(m.participants.find((p) => p.userId === userId.desk)).toMatchObject({ attendance: 'present' });
    expect(m.participants.find((p) => p.userId === userId.desk)?.confirmedAt).not.toBeNull();
    expect(m.participants.find((p) => p.userId === userId.reform)).toMatchObject({ attendance: 'excused' });

    const item = m.agenda[1] as { id: string };
    const conclude = (version: number) =>
      t.request({
        method: 'PUT',
        url: `/api/office/meetings/${meetingId}/agenda/${item.id}/conclusion`,
        cookie: cookies.head,
        payload: { version, conclusion: 'Hoàn thành số hóa 100% hồ sơ trong quý.' },
      });
    const done = await conclude(m.version);
    expect(done.statusCode, done.body).toBe(200);
    expect((await conclude(m.version)).statusCode).toBe(409);

    const reformPlans = (
      await t.request({ method: 'GET', url: '/api/office/reform-plans', cookie: cookies.reform })
    ).json().items as { id: string }[];
    const plan = (
      await t.request({
        method: 'GET',
        url: `/api/office/reform-plans/${reformPlans[0]?.id}/tasks`,
        cookie: cookies.reform,
      })
    ).json() as { items: { id: string }[] };
    const reformTaskId = plan.items[0]?.id;
    const task = (version: number, over: Record<string, unknown> = {}) =>
      t.request({
        method: 'POST',
        url: `/api/office/meetings/${meetingId}/tasks`,
        cookie: cookies.head,
        payload: {
          version,
          agendaItemId: item.id,
          description: 'Số hóa hồ sơ tồn của năm trước',
          agencyId: agencyId['cantho-phuong-vi-thanh-ttpvhcc'],
          dueDate: '2027-03-31',
          reformTaskId,
          ...over,
        },
      });
    expect(
      (await task(done.json().version, { reformTaskId: agencyId['cantho-phuong-vi-thanh-ubnd'] })).statusCode,
    ).toBe(400);
    expect((await task(done.json().version, { dueDate: '31/03/2027' })).statusCode).toBe(400);
    expect((await task(m.version)).statusCode).toBe(409);
    const created = await task(done.json().version);
    expect(created.statusCode, created.body).toBe(201);
    const after = await view(cookies.reform);
    expect(after.agenda[1]?.conclusion).toBe('Hoàn thành số hóa 100% hồ sơ trong quý.');
    expect(after.tasks).toEqual([
      expect.objectContaining({
        description: 'Số hóa hồ sơ tồn của năm trước',
        reformTask: expect.objectContaining({ id: reformTaskId }),
      }),
    ]);
  });

  it('edits keep conclusions of kept items and refuse a stale version', async () => {
    const m = await view();
    const agenda = m.agenda.map((a) => ({ id: a.id, title: a.title })).reverse();
    const payload = { ...input({ agenda, participantIds: [userId.desk] }), version: m.version };
    const ok = await t.request({
      method: 'PUT',
      url: `/api/office/meetings/${meetingId}`,
      cookie: cookies.head,
      payload,
    });
    expect(ok.statusCode, ok.body).toBe(200);
    const again = await t.request({
      method: 'PUT',
      url: `/api/office/meetings/${meetingId}`,
      cookie: cookies.head,
      payload,
    });
    expect(again.statusCode).toBe(409);
    const after = await view();
    expect(after.agenda[0]?.conclusion).toBe('Hoàn thành số hóa 100% hồ sơ trong quý.');
    expect(after.participants.map((p) => p.userId)).toEqual([userId.desk]);
    expect(
      (await t.request({ method: 'GET', url: `/api/office/meetings/${meetingId}`, cookie: cookies.reform }))
        .statusCode,
    ).toBe(403);
  });
});
