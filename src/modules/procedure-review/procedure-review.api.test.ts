import { beforeAll, describe, expect, it } from 'vitest';
import { useTestApp } from '../../testing/test-app.ts';
import { testDatabaseKinds } from '../../testing/test-db.ts';
import { readPdf } from '../forms/pdf-text.testing.ts';

const REFORM = 'cchc.noivu@demo.motcua.vn';
const DESK = 'motcua.vithanh@demo.motcua.vn';
const OTHER_WARD = 'motcua.vitan@demo.motcua.vn';
const SPECIALIST = 'chuyenvien.vithanh@demo.motcua.vn';
const CITIZEN = 'congdan@demo.motcua.vn';

type ItemView = {
  id: string;
  version: number;
  burdens: { kind: string; description: string }[];
  proposals: { id: string; status: string; version: number }[];
  volume: { received: number; from: string; to: string };
  saving: {
    formula: string;
    estimated: { vndPerDossier: number; vndPerYear: number };
    decided: { vndPerDossier: number };
  };
};

describe.each(testDatabaseKinds())('procedure review on %s', (kind) => {
  const t = useTestApp(kind);
  const cookies: Record<string, string> = {};
  const agencyId: Record<string, string> = {};
  let unitId = '';
  let planId = '';
  let itemId = '';

  const send = (
    method: 'GET' | 'POST' | 'PATCH' | 'PUT' | 'DELETE',
    url: string,
    cookie?: string,
    payload?: object,
  ) => t.request({ method, url, ...(cookie ? { cookie } : {}), ...(payload ? { payload } : {}) });

  beforeAll(async () => {
    cookies.reform = await t.login(REFORM);
    cookies.desk = await t.login(DESK);
    cookies.otherWard = await t.login(OTHER_WARD);
    cookies.specialist = await t.login(SPECIALIST);
    cookies.citizen = await t.login(CITIZEN);
    for (const a of (await send('GET', '/api/agencies')).json() as {
      id: string;
      slug: string;
      unitId: string;
    }[]) {
      agencyId[a.slug] = a.id;
      if (a.slug === 'cantho-phuong-vi-thanh-ubnd') unitId = a.unitId;
    }
  });

  it('lets the reform office plan reviews; others are refused and bad input gets a Vietnamese message', async () => {
    const body = { unitId, year: 2026, title: 'Kế hoạch rà soát, đơn giản hóa TTHC năm 2026' };
    expect((await send('POST', '/api/office/procedure-reviews', cookies.desk, body)).statusCode).toBe(403);
    expect((await send('POST', '/api/office/procedure-reviews', cookies.citizen, body)).statusCode).toBe(403);
    const bad = await send('POST', '/api/office/procedure-reviews', cookies.reform, { ...body, title: 'KH' });
    expect(bad.statusCode).toBe(400);
    expect(bad.json().error.message).toMatch(/tên kế hoạch rà soát/);
    const created = await send('POST', '/api/office/procedure-reviews', cookies.reform, body);
    expect(created.statusCode, created.body).toBe(201);
    planId = created.json().id;
    expect((await send('POST', '/api/office/procedure-reviews', cookies.reform, body)).statusCode).toBe(409);
    const item = await send('POST', `/api/office/procedure-reviews/${planId}/items`, cookies.reform, {
      procedureCode: '1.001193',
      agencyId: agencyId['cantho-phuong-vi-thanh-ttpvhcc'],
      officerName: 'Trần Thị Mai',
      dueDate: '2026-06-30',
    });
    expect(item.statusCode, item.body).toBe(201);
    itemId = item.json().id;
    const badDate = await send('POST', `/api/office/procedure-reviews/${planId}/items`, cookies.reform, {
      procedureCode: '1.001193',
      agencyId: agencyId['cantho-phuong-vi-thanh-ttpvhcc'],
      dueDate: '30/06/2026',
    });
    expect(badDate.statusCode).toBe(400);
    expect(badDate.json().error.message).toMatch(/YYYY-MM-DD/);
  });

  it('lets the assigned agency record burdens and proposals, and only its own', async () => {
    expect(
      (await send('GET', `/api/office/procedure-reviews/items/${itemId}`, cookies.otherWard)).statusCode,
    ).toBe(403);
    expect((await send('GET', `/api/office/procedure-reviews/${planId}`, cookies.otherWard)).statusCode).toBe(
      403,
    );
    const plans = (await send('GET', '/api/office/procedure-reviews', cookies.otherWard)).json() as {
      items: unknown[];
    };
    expect(plans.items).toEqual([]);
    let view = (
      await send('GET', `/api/office/procedure-reviews/items/${itemId}`, cookies.desk)
    ).json() as ItemView;
    const burdens = [
      { kind: 'visit', description: 'Người dân phải đến hai lần để nộp và nhận kết quả' },
      { kind: 'document', description: 'Yêu cầu bản sao chứng thực giấy tờ đã có trong cơ sở dữ liệu' },
    ];
    const saved = await send('PATCH', `/api/office/procedure-reviews/items/${itemId}`, cookies.desk, {
      version: view.version,
      burdens,
      status: 'in_progress',
    });
    expect(saved.statusCode, saved.body).toBe(200);
    view = saved.json() as ItemView;
    expect(view.burdens).toHaveLength(2);
    const stale = await send('PATCH', `/api/office/procedure-reviews/items/${itemId}`, cookies.desk, {
      version: view.version - 1,
      status: 'done',
    });
    expect(stale.statusCode).toBe(409);
    const reassign = await send('PATCH', `/api/office/procedure-reviews/items/${itemId}`, cookies.desk, {
      version: view.version,
      dueDate: '2026-12-31',
    });
    expect(reassign.statusCode).toBe(403);
    const badBurden = await send('PATCH', `/api/office/procedure-reviews/items/${itemId}`, cookies.desk, {
      version: view.version,
      burdens: [{ kind: 'paper', description: 'x' }],
    });
    expect(badBurden.statusCode).toBe(400);
    expect(badBurden.json().error.message).toMatch(/Loại gánh nặng/);

    const proposal = await send(
      'POST',
      `/api/office/procedure-reviews/items/${itemId}/proposals`,
      cookies.desk,
      {
        kind: 'make_online',
        description: 'Cho phép nộp hồ sơ và nhận kết quả trực tuyến',
        daysSaved: 1,
        visitsSaved: 2,
        feeReductionVnd: 0,
      },
    );
    expect(proposal.statusCode, proposal.body).toBe(201);
    const p = proposal.json() as { id: string; version: number };
    expect(
      (
        await send('POST', `/api/office/procedure-reviews/items/${itemId}/proposals`, cookies.otherWard, {
          kind: 'remove',
          description: 'Bãi bỏ thủ tục',
        })
      ).statusCode,
    ).toBe(403);
    const submitted = await send('PATCH', `/api/office/procedure-reviews/proposals/${p.id}`, cookies.desk, {
      version: p.version,
      status: 'submitted',
    });
    expect(submitted.statusCode, submitted.body).toBe(200);
    const s = submitted.json() as { version: number };
    expect(
      (
        await send('PATCH', `/api/office/procedure-reviews/proposals/${p.id}`, cookies.desk, {
          version: s.version,
          status: 'approved',
          decisionNumber: '12/QĐ-UBND',
          decisionDate: '2026-07-15',
        })
      ).statusCode,
    ).toBe(403);
    const noDecision = await send(
      'PATCH',
      `/api/office/procedure-reviews/proposals/${p.id}`,
      cookies.reform,
      {
        version: s.version,
        status: 'approved',
      },
    );
    expect(noDecision.statusCode).toBe(400);
    expect(noDecision.json().error.message).toMatch(/số và ngày của quyết định/);
    const approved = await send('PATCH', `/api/office/procedure-reviews/proposals/${p.id}`, cookies.reform, {
      version: s.version,
      status: 'approved',
      decisionNumber: '12/QĐ-UBND',
      decisionDate: '2026-07-15',
    });
    expect(approved.statusCode, approved.body).toBe(200);
    const skip = await send('PATCH', `/api/office/procedure-reviews/proposals/${p.id}`, cookies.reform, {
      version: approved.json().version,
      status: 'proposed',
    });
    expect(skip.statusCode).toBe(422);

    view = (
      await send('GET', `/api/office/procedure-reviews/items/${itemId}`, cookies.desk)
    ).json() as ItemView;
    expect(view.saving.formula).toMatch(/Số hồ sơ 12 tháng/);
    // 1 day × 200.000 + 2 visits × 50.000 (the plan's default rates).
    expect(view.saving.decided.vndPerDossier).toBe(300_000);
    expect(view.saving.estimated.vndPerYear).toBe(300_000 * view.volume.received);
  });

  it('exports the review report as Excel', async () => {
    const r = await send('GET', `/api/office/procedure-reviews/${planId}/report.xlsx`, cookies.reform);
    expect(r.statusCode).toBe(200);
    expect(r.headers['content-type']).toMatch(/spreadsheetml/);
    expect(r.rawPayload.subarray(0, 2).toString()).toBe('PK');
    const pdf = await send('GET', `/api/office/procedure-reviews/${planId}/report.pdf`, cookies.reform);
    expect(pdf.statusCode).toBe(200);
    expect(pdf.rawPayload.subarray(0, 5).toString()).toBe('%PDF-');
    const text = (await readPdf(pdf.rawPayload)).text;
    expect(text).toContain('RÀ SOÁT, ĐƠN GIẢN HÓA THỦ TỤC HÀNH CHÍNH');
    expect(text).toContain('1.001193');
  });

  it('keeps the interlinked list, which the dossier page and the transfer action follow', async () => {
    const route = [
      agencyId['cantho-phuong-vi-thanh-ttpvhcc'],
      agencyId['cantho-phuong-vi-thanh-ubnd'],
      agencyId['cantho-phuong-vi-thanh-kinh-te'],
    ];
    const url = '/api/office/interlinked-procedures/1.001193';
    expect((await send('PUT', url, cookies.desk, { agencyIds: route })).statusCode).toBe(403);
    const one = await send('PUT', url, cookies.reform, { agencyIds: route.slice(0, 1) });
    expect(one.statusCode).toBe(400);
    expect(one.json().error.message).toMatch(/ít nhất hai cơ quan/);
    const saved = await send('PUT', url, cookies.reform, { agencyIds: route, note: 'Liên thông xác minh' });
    expect(saved.statusCode, saved.body).toBe(200);
    expect((await send('PUT', url, cookies.reform, { agencyIds: route })).statusCode).toBe(409);
    const list = (await send('GET', '/api/office/interlinked-procedures', cookies.desk)).json() as {
      items: { procedureCode: string; agencies: { id: string }[] }[];
    };
    expect(list.items.find((i) => i.procedureCode === '1.001193')?.agencies.map((a) => a.id)).toEqual(route);

    const created = await send('POST', '/api/office/dossiers', cookies.desk, {
      procedureCode: '1.001193',
      receivingAgencyId: route[0],
      applicant: {
        fullName: 'Nguyễn Thị Hoa',
        phone: '0912345678',
        citizenId: '093190001234',
        address: 'Vị Thanh',
      },
      documents: [{ name: 'Tờ khai đăng ký khai sinh', originals: 1, copies: 0 }],
      complete: true,
    });
    expect(created.statusCode, created.body).toBe(201);
    let d = created.json() as {
      id: string;
      version: number;
      interlink: { nextAgencyId: string | null } | null;
    };
    const act = (action: object) =>
      send('POST', `/api/office/dossiers/${d.id}/actions`, cookies.specialist, {
        version: d.version,
        action,
      });
    const handOver = await send('POST', `/api/office/dossiers/${d.id}/actions`, cookies.desk, {
      version: d.version,
      action: { type: 'complete_step', comment: 'Chuyển thẩm định' },
    });
    expect(handOver.statusCode, handOver.body).toBe(200);
    d = handOver.json();
    expect(d.interlink?.nextAgencyId).toBe(route[2]);
    const transfer = {
      stepName: 'Cho ý kiến',
      actorRole: 'specialist',
      budgetHours: 2,
      comment: 'Đề nghị cho ý kiến',
    };
    const wrong = await act({
      type: 'transfer',
      toAgencyId: agencyId['cantho-phuong-vi-tan-ubnd'],
      ...transfer,
    });
    expect(wrong.statusCode).toBe(422);
    expect(wrong.json().error.message).toMatch(/danh mục thủ tục liên thông/);
    const right = await act({ type: 'transfer', toAgencyId: route[2], ...transfer });
    expect(right.statusCode, right.body).toBe(200);
    expect(right.json().interlink.nextAgencyId).toBeNull();
    expect((await send('DELETE', url, cookies.reform)).statusCode).toBe(204);
  });
});
