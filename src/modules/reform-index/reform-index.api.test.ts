import { beforeAll, describe, expect, it } from 'vitest';
import { INDEX_TITLE, INDEX_YEAR } from '../../seed/seed-reform-index.ts';
import { useTestApp } from '../../testing/test-app.ts';
import { testDatabaseKinds } from '../../testing/test-db.ts';

const REFORM = 'cchc.noivu@demo.motcua.vn';
const VI_THANH = 'truongphong.vithanh@demo.motcua.vn';
const VI_TAN = 'motcua.vitan@demo.motcua.vn';
const CITIZEN = 'congdan@demo.motcua.vn';

type Node = {
  id: string;
  parentId: string | null;
  code: string;
  kind: string;
  maxPoints: number;
  evidenceRequired: boolean;
};
type Year = {
  id: string;
  year: number;
  status: string;
  version: number;
  maxTotal: number;
  nodes: Node[];
  agencies: { id: string; name: string }[];
  myAgencyIds: string[];
  isCouncil: boolean;
};
type SheetItem = {
  nodeId: string;
  code: string;
  kind: string;
  version: number;
  selfScore: number | null;
  appraisedScore: number | null;
  computedScore: number | null;
  total: number;
  responseComment: string | null;
};
type Sheet = {
  total: number;
  selfTotal: number;
  grade: string | null;
  items: SheetItem[];
  canSelfScore: boolean;
  canAppraise: boolean;
};
type Results = {
  maxTotal: number;
  items: {
    rank: number;
    agencyId: string;
    agencyName: string;
    total: number;
    grade: string | null;
    previousTotal: number | null;
    change: number | null;
    proposedReward: boolean;
  }[];
  rewards: { agencyId: string }[];
};

const pngBytes = Buffer.from(
  'iVBORw0KGgoAAAANSUhEUgAAAAEAAAABCAYAAAAfFcSJAAAADUlEQVR42mP8z8BQDwAEhQGAhKmMIQAAAABJRU5ErkJggg==',
  'base64',
);
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

describe.each(testDatabaseKinds())('reform index on %s', (kind) => {
  const t = useTestApp(kind);
  const cookies: Record<string, string> = {};
  const agencyId: Record<string, string> = {};
  const base = '/api/office/reform-index';
  let seeded: Year;

  const call = async (
    method: 'GET' | 'POST' | 'PUT' | 'PATCH' | 'DELETE',
    url: string,
    who: string,
    payload?: object,
  ) => t.request({ method, url, cookie: cookies[who], ...(payload ? { payload } : {}) });
  const ok = async <T>(
    method: 'GET' | 'POST' | 'PUT' | 'PATCH',
    url: string,
    who: string,
    payload?: object,
  ) => {
    const r = await call(method, url, who, payload);
    expect(r.statusCode, r.body).toBeLessThan(300);
    return r.json() as T;
  };
  const year = (id: string, who = 'reform') => ok<Year>('GET', `${base}/years/${id}`, who);
  const sheet = (y: string, a: string, who = 'reform') =>
    ok<Sheet>('GET', `${base}/years/${y}/agencies/${a}`, who);
  const advance = async (id: string, to: string) => {
    const y = await year(id);
    return ok<Year>('POST', `${base}/years/${id}/transition`, 'reform', { version: y.version, to });
  };
  const leaf = (y: Year, code: string) => {
    const n = y.nodes.find((x) => x.code === code);
    if (!n) throw new Error(`no node ${code}`);
    return n;
  };

  beforeAll(async () => {
    cookies.reform = await t.login(REFORM);
    cookies.viThanh = await t.login(VI_THANH);
    cookies.viTan = await t.login(VI_TAN);
    cookies.citizen = await t.login(CITIZEN);
    const list = (await t.request({ method: 'GET', url: '/api/agencies' })).json() as {
      id: string;
      slug: string;
    }[];
    for (const a of list) agencyId[a.slug] = a.id;
    const years = await ok<{ items: { id: string; year: number; title: string }[] }>(
      'GET',
      `${base}/years`,
      'reform',
    );
    const id = years.items.find((y) => y.year === INDEX_YEAR && y.title === INDEX_TITLE)?.id as string;
    seeded = await year(id);
  });

  it('seeds 2025: eight areas totalling 100, open for the three wards and commune', async () => {
    expect(seeded.status).toBe('self_assessment');
    expect(seeded.maxTotal).toBe(100);
    const areas = seeded.nodes.filter((n) => n.parentId === null);
    expect(areas.map((a) => a.code)).toEqual(['1', '2', '3', '4', '5', '6', '7', '8']);
    expect(leaf(seeded, '3.2').kind).toBe('automatic');
    expect(leaf(seeded, '8.1').kind).toBe('survey');
    expect(seeded.agencies).toHaveLength(3);
    const own = await year(seeded.id, 'viThanh');
    expect(own.isCouncil).toBe(false);
    expect(own.myAgencyIds).toEqual([agencyId['cantho-phuong-vi-thanh-ubnd']]);
    // A service-centre officer scores for the ward's people's committee it belongs to.
    expect((await year(seeded.id, 'viTan')).myAgencyIds).toEqual([agencyId['cantho-phuong-vi-tan-ubnd']]);
    const list = await t.request({ method: 'GET', url: `${base}/years`, cookie: cookies.citizen });
    expect(list.statusCode).toBe(403);
    expect((await t.request({ method: 'GET', url: '/api/public/reform-index' })).json()).toEqual({
      items: [],
    });
  });

  it('runs a year in order: copy, open, self-score, appraise, respond once, publish, rank with year-on-year', async () => {
    const wardA = agencyId['cantho-phuong-vi-thanh-ubnd'] as string;
    const wardB = agencyId['cantho-phuong-vi-tan-ubnd'] as string;
    // Only the council opens years; years are unique.
    expect(
      (await call('POST', `${base}/years`, 'viThanh', { year: 2031, title: 'Chỉ số CCHC 2031' })).statusCode,
    ).toBe(403);
    const prev = await ok<Year>('POST', `${base}/years`, 'reform', {
      year: 2030,
      title: 'Chỉ số CCHC năm 2030',
      copyFromYearId: seeded.id,
    });
    const dup = await call('POST', `${base}/years`, 'reform', { year: 2030, title: 'Trùng năm' });
    expect(dup.statusCode).toBe(400);
    expect(dup.json().error.message).toContain('Đã có kỳ đánh giá');
    const y = await ok<Year>('POST', `${base}/years`, 'reform', {
      year: 2031,
      title: 'Chỉ số CCHC năm 2031',
      copyFromYearId: seeded.id,
    });
    expect(y.status).toBe('draft');
    expect(y.nodes).toHaveLength(seeded.nodes.length);
    expect(y.maxTotal).toBe(100);
    expect(y.agencies).toHaveLength(3);

    // The previous year goes straight through with the seeded scores only (no history in tests): its totals.
    await ok('PATCH', `${base}/years/${prev.id}`, 'reform', {
      version: prev.version,
      selfDeadline: '2099-12-31',
    });
    await advance(prev.id, 'self_assessment');
    const prevSelf = leaf(prev, '2.2');
    await ok('PUT', `${base}/years/${prev.id}/agencies/${wardA}/scores/${prevSelf.id}/self`, 'viThanh', {
      version: 0,
      score: 1,
      evidence: [],
    });
    for (const to of ['appraisal', 'response', 'final_appraisal', 'published']) await advance(prev.id, to);

    // Order is enforced: no skipping, no opening without a deadline; the tree must add up.
    const skip = await call('POST', `${base}/years/${y.id}/transition`, 'reform', {
      version: y.version,
      to: 'appraisal',
    });
    expect(skip.statusCode).toBe(422);
    expect(skip.json().error.message).toContain('bước tiếp theo là «Đơn vị tự chấm»');
    const noDeadline = await call('POST', `${base}/years/${y.id}/transition`, 'reform', {
      version: y.version,
      to: 'self_assessment',
    });
    expect(noDeadline.statusCode).toBe(422);
    expect(noDeadline.json().error.message).toContain('Chưa đặt hạn tự chấm điểm');
    // Tree edits: a new leaf breaks the area's sum, which blocks opening; deleting it restores it.
    const extra = await ok<Node>('POST', `${base}/years/${y.id}/nodes`, 'reform', {
      parentId: leaf(y, '2').id,
      code: '2.4',
      title: 'Tiêu chí thêm',
      kind: 'manual',
      maxPoints: 1,
    });
    await ok('PATCH', `${base}/years/${y.id}`, 'reform', { version: y.version, selfDeadline: '2099-12-31' });
    const stale = await call('PATCH', `${base}/years/${y.id}`, 'reform', {
      version: y.version,
      title: 'Tên cũ',
    });
    expect(stale.statusCode).toBe(409);
    const unbalanced = await call('POST', `${base}/years/${y.id}/transition`, 'reform', {
      version: y.version + 1,
      to: 'self_assessment',
    });
    expect(unbalanced.statusCode).toBe(422);
    expect(unbalanced.json().error.message).toContain(
      'Mục 2: tổng điểm tiêu chí con (9) khác điểm tối đa (8)',
    );
    expect(
      (await t.request({ method: 'DELETE', url: `${base}/nodes/${extra.id}`, cookie: cookies.reform }))
        .statusCode,
    ).toBe(200);
    await advance(y.id, 'self_assessment');
    const badEdit = await call('PATCH', `${base}/nodes/${leaf(y, '1.2').id}`, 'reform', { maxPoints: 5 });
    expect(badEdit.statusCode).toBe(422);

    // Self-scoring: only for oneself, within the maximum, with evidence where required, manual leaves only.
    const manual = leaf(y, '1.2'); // 2 points, evidence required
    const plain = leaf(y, '2.2'); // 3 points, no evidence required
    const url = (a: string, n: string, what: string) =>
      `${base}/years/${y.id}/agencies/${a}/scores/${n}/${what}`;
    const over = await call('PUT', url(wardA, plain.id, 'self'), 'viThanh', { version: 0, score: 4 });
    expect(over.statusCode).toBe(400);
    expect(over.json().error.message).toContain('không được vượt quá điểm tối đa của tiêu chí (3)');
    const noEvidence = await call('PUT', url(wardA, manual.id, 'self'), 'viThanh', { version: 0, score: 2 });
    expect(noEvidence.statusCode).toBe(400);
    expect(noEvidence.json().error.message).toContain('tài liệu kiểm chứng');
    const upload = await t.request({
      method: 'POST',
      url: `${base}/files`,
      cookie: cookies.viThanh,
      ...multipart('bao-cao.png', 'image/png', pngBytes),
    });
    expect(upload.statusCode, upload.body).toBe(201);
    const file = upload.json() as { fileId: string; name: string };
    let a = await ok<Sheet>('PUT', url(wardA, manual.id, 'self'), 'viThanh', {
      version: 0,
      score: 2,
      comment: 'Đủ 4 báo cáo quý',
      evidence: [file],
    });
    expect(a.items.find((i) => i.nodeId === manual.id)?.selfScore).toBe(2);
    const staleSelf = await call('PUT', url(wardA, manual.id, 'self'), 'viThanh', {
      version: 0,
      score: 1,
      evidence: [file],
    });
    expect(staleSelf.statusCode).toBe(409);
    a = await ok<Sheet>('PUT', url(wardA, plain.id, 'self'), 'viThanh', { version: 0, score: 3 });
    const evidenceFile = await t.request({
      method: 'GET',
      url: `${url(wardA, manual.id, 'evidence')}/${file.fileId}`,
      cookie: cookies.reform,
    });
    expect(evidenceFile.statusCode).toBe(200);
    expect(
      (await call('GET', `${url(wardA, manual.id, 'evidence')}/${file.fileId}`, 'viTan')).statusCode,
    ).toBe(403);
    expect(
      (await call('PUT', url(wardA, plain.id, 'self'), 'viTan', { version: 1, score: 0 })).statusCode,
    ).toBe(403);
    expect((await call('GET', `${base}/years/${y.id}/agencies/${wardA}`, 'viTan')).statusCode).toBe(403);
    const auto = await call('PUT', url(wardA, leaf(y, '3.2').id, 'self'), 'viThanh', {
      version: 0,
      score: 6,
    });
    expect(auto.statusCode).toBe(422);
    await ok('PUT', url(wardB, plain.id, 'self'), 'viTan', { version: 0, score: 2.5 });
    // The council cannot appraise yet.
    expect(
      (await call('PUT', url(wardA, plain.id, 'appraisal'), 'reform', { version: 1, score: 2 })).statusCode,
    ).toBe(422);

    await advance(y.id, 'appraisal');
    expect(
      (await call('PUT', url(wardA, plain.id, 'self'), 'viThanh', { version: 1, score: 1 })).statusCode,
    ).toBe(422);
    expect(
      (await call('PUT', url(wardA, plain.id, 'appraisal'), 'viThanh', { version: 1, score: 1 })).statusCode,
    ).toBe(403);
    const appraisedOver = await call('PUT', url(wardA, plain.id, 'appraisal'), 'reform', {
      version: 1,
      score: 3.5,
    });
    expect(appraisedOver.statusCode).toBe(400);
    a = await ok<Sheet>('PUT', url(wardA, plain.id, 'appraisal'), 'reform', {
      version: 1,
      score: 2,
      comment: 'Thiếu kế hoạch triển khai',
    });
    const plainRow = a.items.find((i) => i.nodeId === plain.id);
    expect(plainRow?.appraisedScore).toBe(2);
    expect(plainRow?.total).toBe(2);
    // A computed leaf is overridden only with a reason.
    const computed = a.items.find((i) => i.code === '3.2') as SheetItem;
    const noReason = await call('PUT', url(wardA, computed.nodeId, 'appraisal'), 'reform', {
      version: computed.version,
      score: 6,
    });
    expect(noReason.statusCode).toBe(400);
    expect(noReason.json().error.message).toContain('lý do');
    a = await ok<Sheet>('PUT', url(wardA, computed.nodeId, 'appraisal'), 'reform', {
      version: computed.version,
      score: 6,
      comment: 'Số liệu liên thông bổ sung',
    });

    // Response: once per criterion, by the agency itself, only in the response step.
    expect(
      (
        await call('POST', url(wardA, plain.id, 'response'), 'viThanh', {
          version: 2,
          comment: 'Xin giải trình',
        })
      ).statusCode,
    ).toBe(422);
    await advance(y.id, 'response');
    expect(
      (
        await call('POST', url(wardA, plain.id, 'response'), 'viTan', {
          version: 2,
          comment: 'Xin giải trình',
        })
      ).statusCode,
    ).toBe(403);
    await ok('POST', url(wardA, plain.id, 'response'), 'viThanh', {
      version: 2,
      comment: 'Đã ban hành kế hoạch, gửi kèm',
    });
    const twice = await call('POST', url(wardA, plain.id, 'response'), 'viThanh', {
      version: 3,
      comment: 'Lần hai',
    });
    expect(twice.statusCode).toBe(422);
    expect(twice.json().error.message).toContain('một lần');
    await advance(y.id, 'final_appraisal');
    a = await ok<Sheet>('PUT', url(wardA, plain.id, 'appraisal'), 'reform', {
      version: 3,
      score: 3,
      comment: 'Chấp nhận giải trình',
    });
    expect(a.items.find((i) => i.nodeId === plain.id)?.responseComment).toBe('Đã ban hành kế hoạch, gửi kèm');

    // Before publication: results for the council only, nothing public.
    expect((await call('GET', `${base}/years/${y.id}/results`, 'viThanh')).statusCode).toBe(403);
    expect((await t.request({ method: 'GET', url: '/api/public/reform-index/2031' })).statusCode).toBe(404);
    await advance(y.id, 'published');
    expect(
      (await call('POST', `${base}/years/${y.id}/transition`, 'reform', { version: 99, to: 'published' }))
        .statusCode,
    ).toBe(409);

    const sheetA = await sheet(y.id, wardA);
    const sheetB = await sheet(y.id, wardB);
    // Ward A: self 2 (1.2) + appraised 3 (2.2) + overridden 6 (3.2) + computed leaves of its own (none in tests).
    expect(sheetA.total).toBeGreaterThanOrEqual(11);
    const res = await ok<Results>('GET', `${base}/years/${y.id}/results`, 'viThanh');
    const rowA = res.items.find((r) => r.agencyId === wardA);
    const rowB = res.items.find((r) => r.agencyId === wardB);
    expect(rowA?.total).toBe(sheetA.total);
    expect(rowB?.total).toBe(sheetB.total);
    expect(rowA?.rank).toBe(1);
    expect(res.items.map((r) => r.rank)).toEqual([...res.items.map((r) => r.rank)].sort((p, q) => p - q));
    expect(rowA?.grade).toBe('Yếu');
    // Year-on-year against 2030's published total (ward A self-scored 1 there).
    const prevRes = await ok<Results>('GET', `${base}/years/${prev.id}/results`, 'reform');
    const prevA = prevRes.items.find((r) => r.agencyId === wardA)?.total as number;
    expect(prevA).toBeGreaterThanOrEqual(1);
    expect(rowA?.previousTotal).toBe(prevA);
    expect(rowA?.change).toBeCloseTo((rowA?.total ?? 0) - prevA, 2);
    // Public ranking once published.
    const pub = (await t.request({ method: 'GET', url: '/api/public/reform-index/2031' })).json() as Results;
    expect(pub.items.map((r) => r.total)).toEqual(res.items.map((r) => r.total));
    // Bands and reward rule are configurable per year.
    const fresh = await ok<Year>('POST', `${base}/years`, 'reform', {
      year: 2032,
      title: 'Chỉ số CCHC 2032',
    });
    const bad = await call('PATCH', `${base}/years/${fresh.id}`, 'reform', {
      version: fresh.version,
      rewardRule: { grades: [], topN: 0 },
    });
    expect(bad.statusCode).toBe(400);
    await ok('PATCH', `${base}/years/${fresh.id}`, 'reform', {
      version: fresh.version,
      gradeBands: [
        { min: 10, label: 'Đạt' },
        { min: 0, label: 'Chưa đạt' },
      ],
      rewardRule: { grades: [], topN: 1 },
    });
  });
});
