import { eq, sql } from 'drizzle-orm';
import ExcelJS from 'exceljs';
import { beforeAll, describe, expect, it } from 'vitest';
import { useTestApp } from '../../testing/test-app.ts';
import { testDatabaseKinds } from '../../testing/test-db.ts';
import { surveyResponses, surveyTemplates } from './schema.ts';
import { RESPONSE_COLUMNS } from './survey-export.ts';

const REFORM = 'cchc.noivu@demo.motcua.vn';
const DESK = 'motcua.vithanh@demo.motcua.vn';
const OTHER_DESK = 'motcua.vitan@demo.motcua.vn';
const CITIZEN = 'congdan@demo.motcua.vn';
const DESK_AGENCY = 'cantho-phuong-vi-thanh-ttpvhcc';

type Template = {
  id: string;
  familyId: string;
  version: number;
  frozen: boolean;
  name: string;
  sections: {
    element: string | null;
    title: string;
    questions: { key: string; text: string; scale: { type: string } }[];
  }[];
  indexSettings: Record<string, unknown>;
};
type Round = {
  id: string;
  publicToken: string;
  status: string;
  sample: { drawn: number; frameSize: number; seed: number };
};

const today = () => new Date(Date.now() + 7 * 3600 * 1000).toISOString().slice(0, 10);

describe.each(testDatabaseKinds())('satisfaction surveys on %s', (kind) => {
  const t = useTestApp(kind);
  const ctx = { reform: '', desk: '', agencyId: '', otherAgencyId: '', resolvedCodes: [] as string[] };

  type Detail = { id: string; code: string; version: number; state: string };
  const act = async (cookie: string, d: Detail, action: Record<string, unknown>) => {
    const r = await t.request({
      method: 'POST',
      url: `/api/office/dossiers/${d.id}/actions`,
      cookie,
      payload: { version: d.version, action },
    });
    expect(r.statusCode, r.body).toBe(200);
    return r.json() as Detail;
  };

  /** A walk-in dossier of the Vị Thanh desk taken to its decision (resolved now). */
  const resolvedDossier = async () => {
    const [specialist, head, leader] = await Promise.all(
      ['chuyenvien', 'truongphong', 'lanhdao'].map((who) => t.login(`${who}.vithanh@demo.motcua.vn`)),
    );
    const r = await t.request({
      method: 'POST',
      url: '/api/office/dossiers',
      cookie: ctx.desk,
      payload: {
        procedureCode: '1.001193',
        receivingAgencyId: ctx.agencyId,
        applicant: { fullName: 'Trần Văn Nam', phone: '0912345679', citizenId: '093190001235' },
        documents: [{ name: 'Tờ khai đăng ký khai sinh', originals: 1, copies: 0 }],
        complete: true,
      },
    });
    expect(r.statusCode, r.body).toBe(201);
    let d = r.json() as Detail;
    d = await act(ctx.desk, d, { type: 'complete_step', comment: 'Chuyển thẩm định' });
    d = await act(specialist as string, d, { type: 'complete_step', comment: 'Đủ điều kiện' });
    d = await act(head as string, d, { type: 'complete_step', comment: 'Trình ký' });
    d = await act(leader as string, d, { type: 'approve', comment: 'Đồng ý', decisionNo: '20/QĐ-UBND' });
    return d;
  };

  beforeAll(async () => {
    ctx.reform = await t.login(REFORM);
    ctx.desk = await t.login(DESK);
    const agencies = (await t.request({ method: 'GET', url: '/api/agencies' })).json() as {
      id: string;
      slug: string;
    }[];
    ctx.agencyId = agencies.find((a) => a.slug === DESK_AGENCY)?.id ?? '';
    ctx.otherAgencyId = agencies.find((a) => a.slug === 'cantho-phuong-vi-tan-ttpvhcc')?.id ?? '';
    for (let i = 0; i < 3; i += 1) ctx.resolvedCodes.push((await resolvedDossier()).code);
  }, 120_000);

  const get = (url: string, cookie = ctx.reform) => t.request({ method: 'GET', url, cookie });
  const post = (url: string, payload: unknown, cookie = ctx.reform) =>
    t.request({ method: 'POST', url, cookie, payload: payload as Record<string, unknown> });
  const templateCount = async () =>
    (await t.database.db.select({ n: sql<number>`count(*)::int` }).from(surveyTemplates))[0]?.n ?? 0;
  const responseCount = async () =>
    (await t.database.db.select({ n: sql<number>`count(*)::int` }).from(surveyResponses))[0]?.n ?? 0;

  let template: Template;
  let round: Round;

  it('has the demo SIPAS template and its closed 2025 round with responses', async () => {
    const templates = (await get('/api/office/survey-templates')).json() as {
      name: string;
      questions: number;
      frozen: boolean;
    }[];
    const sipas = templates.find((x) => x.name.startsWith('Phiếu khảo sát sự hài lòng của người dân'));
    expect(sipas?.questions).toBeGreaterThanOrEqual(20);
    expect(sipas?.frozen).toBe(true);
    const rounds = (await get('/api/office/survey-rounds')).json() as (Round & { name: string })[];
    const demo = rounds.find((r) => r.publicToken === 'sipas-2025-vithanh');
    expect(demo?.status).toBe('closed');
    const results = (await get(`/api/office/survey-rounds/${demo?.id}/results`)).json();
    expect(results.counts.responses).toBeGreaterThanOrEqual(36);
    expect(results.index.overall).toBeGreaterThan(0.5);
    expect(results.index.byAgency).toHaveLength(3);
  });

  it('refuses a bad template with a Vietnamese message and stores nothing', async () => {
    const before = await templateCount();
    const preset = (await get('/api/office/survey-templates/preset')).json() as Template;
    const empty = await post('/api/office/survey-templates', { ...preset, name: '' });
    expect(empty.statusCode).toBe(400);
    expect(empty.json().error.message).toContain('Vui lòng nhập tên mẫu phiếu.');
    const duplicate = structuredClone(preset);
    const first = duplicate.sections[0]?.questions[0];
    if (first) duplicate.sections[1]?.questions.push({ ...first });
    const dup = await post('/api/office/survey-templates', duplicate);
    expect(dup.statusCode).toBe(400);
    expect(dup.json().error.message).toMatch(/bị trùng/);
    expect(await templateCount()).toBe(before);
  });

  it('lets only the reform office and administrators design templates', async () => {
    const preset = (await get('/api/office/survey-templates/preset')).json();
    expect((await post('/api/office/survey-templates', preset, ctx.desk)).statusCode).toBe(403);
    expect((await post('/api/office/survey-templates', preset, await t.login(CITIZEN))).statusCode).toBe(403);
    expect((await post('/api/office/survey-templates', preset, '')).statusCode).toBe(401);
  });

  it('creates a template from the five-element preset and edits it in place until a round uses it', async () => {
    const preset = (await get('/api/office/survey-templates/preset')).json() as Template;
    expect(preset.sections.map((s) => s.element)).toEqual([
      'access',
      'procedure',
      'official',
      'result',
      'feedback',
    ]);
    const created = await post('/api/office/survey-templates', { ...preset, name: 'Phiếu thử nghiệm' });
    expect(created.statusCode, created.body).toBe(201);
    template = created.json() as Template;
    expect(template.version).toBe(1);
    const edited = await t.request({
      method: 'PUT',
      url: `/api/office/survey-templates/${template.id}`,
      cookie: ctx.reform,
      payload: {
        name: 'Phiếu thử nghiệm năm 2026',
        description: '',
        sections: template.sections,
        indexSettings: template.indexSettings,
      },
    });
    expect(edited.statusCode, edited.body).toBe(200);
    expect(edited.json()).toMatchObject({ newVersion: false, template: { id: template.id, version: 1 } });
    template = edited.json().template;
  });

  it('refuses bad round input and a citizen; draws a reproducible sample of resolved dossiers', async () => {
    const day = today();
    const body = {
      templateId: template.id,
      name: 'Khảo sát thử nghiệm',
      agencyIds: [ctx.agencyId],
      opensAt: new Date(Date.now() - 3600_000).toISOString(),
      closesAt: new Date(Date.now() + 7 * 86_400_000).toISOString(),
      openLink: true,
      sample: { from: day, to: day, agencyRole: 'receiving', size: 2, seed: 42 },
    };
    const bad = await post('/api/office/survey-rounds', { ...body, closesAt: body.opensAt });
    expect(bad.statusCode).toBe(400);
    expect(bad.json().error.message).toContain('Thời điểm kết thúc phải sau thời điểm bắt đầu.');
    expect(
      (await post('/api/office/survey-rounds', { ...body, agencyIds: [] })).json().error.message,
    ).toContain('Vui lòng chọn ít nhất một cơ quan được khảo sát.');
    expect((await post('/api/office/survey-rounds', body, await t.login(CITIZEN))).statusCode).toBe(403);

    const created = await post('/api/office/survey-rounds', body);
    expect(created.statusCode, created.body).toBe(201);
    round = created.json() as Round;
    expect(round.status).toBe('open');
    expect(round.sample).toMatchObject({ drawn: 2, frameSize: 3, seed: 42 });
    const twin = (await post('/api/office/survey-rounds', { ...body, name: 'Bản sao' })).json() as Round;
    const ids = async (id: string) =>
      ((await get(`/api/office/survey-rounds/${id}/sample`)).json() as { dossierId: string }[]).map(
        (m) => m.dossierId,
      );
    expect(await ids(twin.id)).toEqual(await ids(round.id));
    // The template is now frozen: an edit makes version 2 and leaves version 1 as the rounds use it.
    const edit = await t.request({
      method: 'PUT',
      url: `/api/office/survey-templates/${template.id}`,
      cookie: ctx.reform,
      payload: {
        name: 'Phiếu thử nghiệm — sửa',
        description: '',
        sections: template.sections,
        indexSettings: template.indexSettings,
      },
    });
    expect(edit.json()).toMatchObject({
      newVersion: true,
      template: { version: 2, familyId: template.familyId },
    });
    expect((await get(`/api/office/survey-templates/${template.id}`)).json()).toMatchObject({
      name: 'Phiếu thử nghiệm năm 2026',
      frozen: true,
    });
  });

  const allSatisfied = (level: number) =>
    Object.fromEntries(template.sections.flatMap((s) => s.questions.map((q) => [q.key, level])));

  it('takes answers on the public link, refuses bad ones without storing, one per sampled respondent', async () => {
    const page = await t.request({ method: 'GET', url: `/api/public/surveys/${round.publicToken}` });
    expect(page.statusCode).toBe(200);
    expect(page.json()).toMatchObject({ accepting: true, fixedAgencyId: null });
    const before = await responseCount();
    const url = `/api/public/surveys/${round.publicToken}/responses`;
    const missing = await t.request({
      method: 'POST',
      url,
      payload: { agencyId: ctx.agencyId, answers: {} },
    });
    expect(missing.statusCode).toBe(400);
    expect(missing.json().error.message).toMatch(
      /^Phiếu trả lời chưa hợp lệ \(5 lỗi\): Vui lòng trả lời câu hỏi/,
    );
    const outOfScale = await t.request({
      method: 'POST',
      url,
      payload: { agencyId: ctx.agencyId, answers: allSatisfied(9) },
    });
    expect(outOfScale.statusCode).toBe(400);
    const wrongAgency = await t.request({
      method: 'POST',
      url,
      payload: { agencyId: ctx.otherAgencyId, answers: allSatisfied(5) },
    });
    expect(wrongAgency.statusCode).toBe(400);
    expect(await responseCount()).toBe(before);

    const open = await t.request({
      method: 'POST',
      url,
      payload: { agencyId: ctx.agencyId, answers: allSatisfied(5) },
    });
    expect(open.statusCode, open.body).toBe(201);

    const sample = (await get(`/api/office/survey-rounds/${round.id}/sample`)).json() as {
      link: string;
      code: string;
    }[];
    const personal = new URL(sample[0]?.link ?? '').searchParams.get('ma') ?? '';
    const mine = (
      await t.request({ method: 'GET', url: `/api/public/surveys/${round.publicToken}?ma=${personal}` })
    ).json();
    expect(mine.fixedAgencyId).toBe(ctx.agencyId);
    const first = await t.request({
      method: 'POST',
      url,
      payload: { respondentToken: personal, answers: allSatisfied(2) },
    });
    expect(first.statusCode, first.body).toBe(201);
    const second = await t.request({
      method: 'POST',
      url,
      payload: { respondentToken: personal, answers: allSatisfied(5) },
    });
    expect(second.statusCode).toBe(409);
    expect(second.json().error.message).toMatch(/chỉ trả lời một lần/);
    const forged = await t.request({
      method: 'POST',
      url,
      payload: { respondentToken: 'khong-co', answers: allSatisfied(5) },
    });
    expect(forged.statusCode).toBe(404);
    expect(await responseCount()).toBe(before + 2);
  });

  it('lets an officer of the agency enter a paper form, linked to the sample by the dossier code', async () => {
    const sample = (await get(`/api/office/survey-rounds/${round.id}/sample`)).json() as {
      code: string;
      responded: boolean;
    }[];
    const pending = sample.find((m) => !m.responded);
    const url = `/api/office/survey-rounds/${round.id}/paper-responses`;
    const other = await post(
      url,
      { agencyId: ctx.agencyId, answers: allSatisfied(4) },
      await t.login(OTHER_DESK),
    );
    expect(other.statusCode).toBe(403);
    const badCode = await post(
      url,
      { agencyId: ctx.agencyId, dossierCode: 'KHONG-CO', answers: allSatisfied(4) },
      ctx.desk,
    );
    expect(badCode.statusCode).toBe(400);
    const paper = await post(
      url,
      { agencyId: ctx.agencyId, dossierCode: pending?.code, answeredOn: today(), answers: allSatisfied(4) },
      ctx.desk,
    );
    expect(paper.statusCode, paper.body).toBe(201);
    const [row] = await t.database.db
      .select()
      .from(surveyResponses)
      .where(eq(surveyResponses.id, paper.json().id));
    expect(row?.channel).toBe('paper');
    expect(row?.enteredBy).not.toBeNull();
    expect(row?.sampleDossierId).not.toBeNull();
  });

  it('shows results with the response rate and the index per element and agency; a citizen cannot see them', async () => {
    const citizen = await t.login(CITIZEN);
    expect((await get(`/api/office/survey-rounds/${round.id}/results`, citizen)).statusCode).toBe(403);
    expect((await get(`/api/office/survey-rounds/${round.id}/export.xlsx`, citizen)).statusCode).toBe(403);
    expect(
      (await get(`/api/office/survey-rounds/${round.id}/sample`, await t.login(OTHER_DESK))).statusCode,
    ).toBe(403);
    const results = (await get(`/api/office/survey-rounds/${round.id}/results`)).json();
    expect(results.counts).toMatchObject({
      responses: 3,
      online: 2,
      paper: 1,
      sampleSize: 2,
      sampledResponses: 2,
      responseRate: 1,
    });
    // One satisfaction question per element: levels 5, 2 and 4 → 2 of 3 satisfied in every element.
    for (const e of results.index.elements) expect(e.index).toBeCloseTo(2 / 3, 10);
    expect(results.index.overall).toBeCloseTo(2 / 3, 10);
    expect(results.index.byAgency[0]).toMatchObject({ agencyId: ctx.agencyId, responses: 3 });
    expect(results.index.formula[0]).toContain('(Hài lòng, Rất hài lòng)');
    const q = results.questions[0];
    expect(q.distribution.map((d: { count: number }) => d.count)).toEqual([0, 1, 0, 1, 1]);
  });

  it('exports one row per response and one column per question, with the index on a second sheet', async () => {
    const file = await get(`/api/office/survey-rounds/${round.id}/export.xlsx`);
    expect(file.statusCode).toBe(200);
    expect(file.headers['content-type']).toContain('spreadsheetml');
    const workbook = new ExcelJS.Workbook();
    await workbook.xlsx.load(file.rawPayload as unknown as ArrayBuffer);
    const sheet = workbook.getWorksheet('Phiếu trả lời');
    const header = ((sheet?.getRow(1).values ?? []) as unknown[]).slice(1);
    const questions = template.sections.flatMap((s) => s.questions.map((q) => q.text));
    expect(header).toEqual([...RESPONSE_COLUMNS, ...questions]);
    expect(sheet?.rowCount).toBe(1 + 3);
    const labels = [2, 3, 4].map((r) => String(sheet?.getRow(r).getCell(RESPONSE_COLUMNS.length + 1).value));
    expect(labels.sort()).toEqual(['Hài lòng', 'Không hài lòng', 'Rất hài lòng']);
    const channels = [2, 3, 4].map((r) => String(sheet?.getRow(r).getCell(3).value)).sort();
    expect(channels).toEqual(['Phiếu giấy', 'Trực tuyến', 'Trực tuyến']);
    const index = workbook.getWorksheet('Chỉ số hài lòng');
    expect(index?.getRow(1).getCell(3).value).toBe('Tiếp cận dịch vụ');
    expect(index?.getRow(2).getCell(2).value).toBe(3);
  });

  it('refuses answers once the round is closed', async () => {
    const closed = await post(`/api/office/survey-rounds/${round.id}/close`, {});
    expect(closed.statusCode, closed.body).toBe(200);
    expect(closed.json().status).toBe('closed');
    const page = (await t.request({ method: 'GET', url: `/api/public/surveys/${round.publicToken}` })).json();
    expect(page.accepting).toBe(false);
    expect(page.message).toMatch(/^Đợt khảo sát đã kết thúc/);
    const before = await responseCount();
    const late = await t.request({
      method: 'POST',
      url: `/api/public/surveys/${round.publicToken}/responses`,
      payload: { agencyId: ctx.agencyId, answers: allSatisfied(5) },
    });
    expect(late.statusCode).toBe(422);
    expect(late.json().error.message).toMatch(/không nhận thêm phiếu trả lời/);
    expect(await responseCount()).toBe(before);
  });

  it('limits answers per client address', async () => {
    const url = '/api/public/surveys/khong-ton-tai/responses';
    const statuses: number[] = [];
    for (let i = 0; i < 22; i += 1) {
      const r = await t.request({
        method: 'POST',
        url,
        payload: { answers: {} },
        remoteAddress: '203.0.113.9',
      });
      statuses.push(r.statusCode);
    }
    expect(statuses.filter((s) => s === 404).length).toBeLessThanOrEqual(20);
    expect(statuses.at(-1)).toBe(429);
  });
});
