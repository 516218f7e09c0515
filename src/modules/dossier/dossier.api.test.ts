import { describe, expect, it } from 'vitest';
import { useTestApp } from '../../testing/test-app.ts';
import { testDatabaseKinds } from '../../testing/test-db.ts';
import { dossierCodePattern } from './dossier-code.ts';

type Detail = {
  id: string;
  code: string;
  state: string;
  version: number;
  dueAt: string;
  availableActions: { type: string }[];
  events: { action: string; toState: string; actorName: string | null }[];
  steps: { name: string; agency: { name: string }; completedAt: string | null; interlinked: boolean }[];
};

describe.each(testDatabaseKinds())('one-stop dossiers on %s', (kind) => {
  const t = useTestApp(kind);
  let agencyId: Map<string, string>;
  const agencies = async () => {
    agencyId ??= new Map(
      (
        (await t.request({ method: 'GET', url: '/api/agencies' })).json() as { id: string; slug: string }[]
      ).map((a) => [a.slug, a.id]),
    );
    return agencyId;
  };
  const intake = async (cookie: string, overrides: Record<string, unknown> = {}) =>
    t.request({
      method: 'POST',
      url: '/api/office/dossiers',
      cookie,
      payload: {
        procedureCode: '1.001193',
        receivingAgencyId: (await agencies()).get('cantho-phuong-vi-thanh-ttpvhcc'),
        applicant: {
          fullName: 'Nguyễn Thị Hoa',
          phone: '0912345678',
          citizenId: '093190001234',
          address: 'Phường Vị Thanh',
        },
        documents: [{ name: 'Tờ khai đăng ký khai sinh', originals: 1, copies: 0 }],
        complete: true,
        ...overrides,
      },
    });
  const act = async (
    cookie: string,
    dossier: { id: string; version: number },
    action: Record<string, unknown>,
  ) =>
    t.request({
      method: 'POST',
      url: `/api/office/dossiers/${dossier.id}/actions`,
      cookie,
      payload: { version: dossier.version, action },
    });
  const ok = async (response: Awaited<ReturnType<typeof act>>) => {
    expect(response.statusCode, response.body).toBe(200);
    return response.json() as Detail;
  };

  it('runs a walk-in dossier through interlinked processing, a supplement, decision, result and return', async () => {
    const desk = await t.login('motcua.vithanh@demo.motcua.vn');
    const specialist = await t.login('chuyenvien.vithanh@demo.motcua.vn');
    const head = await t.login('truongphong.vithanh@demo.motcua.vn');
    const leader = await t.login('lanhdao.vithanh@demo.motcua.vn');
    const clerk = await t.login('vanthu.vithanh@demo.motcua.vn');
    const created = await intake(desk);
    expect(created.statusCode, created.body).toBe(201);
    expect(created.json().statutoryAssumed).toBe(true); // the catalog gives "1" with no unit: counted as working days
    let d = created.json() as Detail;
    expect(d.state).toBe('received');
    expect(d.code).toMatch(dossierCodePattern);
    expect(d.code.startsWith('001.01.92.H92-')).toBe(true);
    expect(d.events.map((e) => e.action)).toEqual(['submit', 'receive']);

    // The desk hands over to the ward committee.
    d = await ok(await act(desk, d, { type: 'complete_step', comment: 'Hồ sơ đầy đủ, chuyển thẩm định' }));
    expect(d.state).toBe('in_progress');
    // Interlinked: the specialist asks the economic office for an opinion.
    const economic = (await agencies()).get('cantho-phuong-vi-thanh-kinh-te');
    d = await ok(
      await act(specialist, d, {
        type: 'transfer',
        toAgencyId: economic,
        stepName: 'Cho ý kiến về địa chỉ cư trú',
        actorRole: 'specialist',
        budgetHours: 2,
        comment: 'Đề nghị cho ý kiến',
      }),
    );
    expect(d.steps.some((s) => s.interlinked && s.agency.name.startsWith('Phòng Kinh tế'))).toBe(true);
    d = await ok(await act(specialist, d, { type: 'complete_step', comment: 'Thống nhất' }));
    d = await ok(
      await act(specialist, d, { type: 'request_supplement', reasons: ['Thiếu giấy chứng sinh bản chính'] }),
    );
    expect(d.state).toBe('supplement_requested');
    // Only one supplement request: a second is refused and changes nothing.
    d = await ok(await act(desk, d, { type: 'supply_supplement', note: 'Công dân đã nộp giấy chứng sinh' }));
    const second = await act(specialist, d, { type: 'request_supplement', reasons: ['Thêm giấy tờ khác'] });
    expect(second.statusCode).toBe(422);
    expect(second.json().error.message).toMatch(/một lần|1 lần/);
    // The transfer closed the appraisal step; after the opinion the dossier goes on to review.
    d = await ok(await act(head, d, { type: 'complete_step', comment: 'Trình ký' }));
    d = await ok(await act(leader, d, { type: 'approve', comment: 'Đồng ý', decisionNo: '15/QĐ-UBND' }));
    expect(d.state).toBe('decided');

    const upload = await t.request({
      method: 'POST',
      url: '/api/office/files',
      cookie: clerk,
      headers: { 'content-type': 'multipart/form-data; boundary=XYZ' },
      payload:
        '--XYZ\r\nContent-Disposition: form-data; name="file"; filename="ket-qua.pdf"\r\nContent-Type: application/pdf\r\n\r\n%PDF-1.4 giay khai sinh\r\n--XYZ--\r\n',
    });
    expect(upload.statusCode, upload.body).toBe(201);
    d = await ok(await act(clerk, d, { type: 'issue_result', resultFileId: upload.json().fileId }));
    expect(d.state).toBe('result_issued');
    d = await ok(await act(desk, d, { type: 'return_result', channel: 'counter' }));
    expect(d.state).toBe('returned');
    expect(d.events.map((e) => e.action)).toEqual([
      'submit',
      'receive',
      'complete_step',
      'transfer',
      'complete_step',
      'request_supplement',
      'supply_supplement',
      'complete_step',
      'approve',
      'issue_result',
      'return_result',
    ]);
    expect(d.events.find((e) => e.action === 'approve')?.actorName).toBe('Võ Thanh Bình');
  });

  it('lets exactly one of two officers acting at once on the same version through', async () => {
    const desk = await t.login('motcua.vithanh@demo.motcua.vn');
    const d = (await intake(desk)).json() as Detail;
    const answers = await Promise.all([
      act(desk, d, { type: 'complete_step', comment: 'Lần một' }),
      act(desk, d, { type: 'complete_step', comment: 'Lần hai' }),
    ]);
    expect(answers.map((a) => a.statusCode).sort()).toEqual([200, 409]);
    const after = (
      await t.request({ method: 'GET', url: `/api/office/dossiers/${d.id}`, cookie: desk })
    ).json() as Detail;
    expect(after.version).toBe(d.version + 1);
    expect(after.events.filter((e) => e.action === 'complete_step')).toHaveLength(1);
  });

  it('refuses stale versions, illegal actions and strangers, changing nothing', async () => {
    const desk = await t.login('motcua.vithanh@demo.motcua.vn');
    const d = (await intake(desk)).json() as Detail;
    const stale = await act(
      desk,
      { id: d.id, version: d.version - 1 },
      { type: 'complete_step', comment: 'x' },
    );
    expect(stale.statusCode).toBe(409);
    expect(stale.json().error.message).toMatch(/người khác cập nhật/);
    const illegal = await act(desk, d, { type: 'approve' });
    expect([403, 409]).toContain(illegal.statusCode);
    expect(illegal.json().error.message.length).toBeGreaterThan(10);
    const otherWard = await t.login('motcua.vitan@demo.motcua.vn');
    expect(
      (await t.request({ method: 'GET', url: `/api/office/dossiers/${d.id}`, cookie: otherWard })).statusCode,
    ).toBe(404);
    expect((await act(otherWard, d, { type: 'complete_step', comment: 'x' })).statusCode).toBe(404);
    const after = (
      await t.request({ method: 'GET', url: `/api/office/dossiers/${d.id}`, cookie: desk })
    ).json();
    expect(after.version).toBe(d.version);
    expect(after.state).toBe('received');
  });

  it('answers an incomplete walk-in with a supplement request and no receipt', async () => {
    const desk = await t.login('motcua.vithanh@demo.motcua.vn');
    const response = await intake(desk, { complete: false, supplementReasons: ['Thiếu giấy chứng sinh'] });
    expect(response.statusCode).toBe(201);
    expect(response.json()).toMatchObject({ state: 'intake_supplement_requested', code: null });
    const missingReasons = await intake(desk, { complete: false });
    expect(missingReasons.statusCode).toBe(400);
    const wrongDesk = await intake(await t.login('motcua.vitan@demo.motcua.vn'));
    expect(wrongDesk.statusCode).toBe(403);
  });

  it('rejects files by content, not by name', async () => {
    const desk = await t.login('motcua.vithanh@demo.motcua.vn');
    const upload = await t.request({
      method: 'POST',
      url: '/api/office/files',
      cookie: desk,
      headers: { 'content-type': 'multipart/form-data; boundary=XYZ' },
      payload:
        '--XYZ\r\nContent-Disposition: form-data; name="file"; filename="ket-qua.pdf"\r\nContent-Type: application/pdf\r\n\r\nMZ not a pdf\r\n--XYZ--\r\n',
    });
    expect(upload.statusCode).toBe(415);
    expect(upload.json().error.message).toMatch(/theo nội dung tệp/);
  });

  it("lists an agency's queue by urgency, and refuses other agencies", async () => {
    const desk = await t.login('motcua.vithanh@demo.motcua.vn');
    const queue = (
      await t.request({ method: 'GET', url: '/api/office/dossiers?scope=queue', cookie: desk })
    ).json();
    expect(queue.total).toBeGreaterThan(0);
    expect(queue.items.every((i: { currentRole: string }) => i.currentRole === 'desk_officer')).toBe(true);
    const other = (await agencies()).get('cantho-phuong-vi-tan-ttpvhcc');
    const refused = await t.request({
      method: 'GET',
      url: `/api/office/dossiers?agencyId=${other}`,
      cookie: desk,
    });
    expect(refused.statusCode).toBe(403);
  });

  it('recomputes open dossiers when the official schedule gains or loses a day off, and says why', async () => {
    const desk = await t.login('motcua.vithanh@demo.motcua.vn');
    const admin = await t.login('quantri@demo.motcua.vn');
    const created = await intake(desk, { procedureCode: '1.003583' }); // 5 working days
    expect(created.statusCode, created.body).toBe(201);
    const before = created.json() as Detail;
    // The first working day of the period becomes a day off.
    const next = (
      await t.request({
        method: 'GET',
        url: `/api/calendar/due?from=${encodeURIComponent(new Date().toISOString())}&workingDays=1`,
      })
    ).json();
    const date = new Date(new Date(next.due).getTime() + 7 * 3_600_000).toISOString().slice(0, 10);
    const added = await t.request({
      method: 'POST',
      url: '/api/admin/calendar/schedule',
      cookie: admin,
      payload: { date, type: 'day_off', name: 'Nghỉ đột xuất (thử)', instrument: 'Công văn 1/UBND (thử)' },
    });
    expect(added.statusCode, added.body).toBe(201);
    expect(added.json().recomputedDossiers).toBeGreaterThanOrEqual(1);
    const moved = (
      await t.request({ method: 'GET', url: `/api/office/dossiers/${before.id}`, cookie: desk })
    ).json();
    expect(new Date(moved.dueAt).getTime()).toBeGreaterThan(new Date(before.dueAt).getTime());
    const event = moved.events.at(-1);
    expect(event).toMatchObject({
      action: 'recompute_deadlines',
      actionLabel: 'Tính lại hạn giải quyết do thay đổi lịch nghỉ',
    });
    expect(event.reason).toContain(date);
    const rows = (
      await t.request({ method: 'GET', url: '/api/admin/calendar/schedule', cookie: admin })
    ).json();
    const row = rows.find((r: { date: string }) => r.date === date);
    await t.request({ method: 'DELETE', url: `/api/admin/calendar/schedule/${row.id}`, cookie: admin });
    const back = (
      await t.request({ method: 'GET', url: `/api/office/dossiers/${before.id}`, cookie: desk })
    ).json();
    expect(back.dueAt).toBe(before.dueAt);
  });
  it('claims, releases and assigns dossiers in the holding queue, and clears the assignee when it moves on', async () => {
    const desk = await t.login('motcua.vithanh@demo.motcua.vn');
    const specialist = await t.login('chuyenvien.vithanh@demo.motcua.vn');
    const head = await t.login('truongphong.vithanh@demo.motcua.vn');
    const leader = await t.login('lanhdao.vithanh@demo.motcua.vn');
    const otherWard = await t.login('motcua.vitan@demo.motcua.vn');
    const assign = (cookie: string, d: { id: string; version: number }, userId: string | null) =>
      t.request({
        method: 'POST',
        url: `/api/office/dossiers/${d.id}/assign`,
        cookie,
        payload: { version: d.version, userId },
      });
    const me = async (cookie: string) =>
      ((await t.request({ method: 'GET', url: '/api/auth/me', cookie })).json() as { user: { id: string } })
        .user;
    const mine = async (cookie: string) =>
      (await t.request({ method: 'GET', url: '/api/office/dossiers?scope=mine', cookie })).json() as {
        items: { id: string; assigneeName: string | null }[];
      };
    type Assigned = Omit<Detail, 'events'> & {
      assigneeUserId: string | null;
      assigneeName: string | null;
      canClaim: boolean;
      canAssign: boolean;
      events: { action: string; actionLabel: string; data: Record<string, unknown> }[];
    };
    let d = (await intake(desk)).json() as Assigned;
    expect(d).toMatchObject({ assigneeUserId: null, canClaim: true, canAssign: true });

    // The desk officer claims the desk-held dossier: it is theirs, and the version moves on.
    let r = await assign(desk, d, (await me(desk)).id);
    expect(r.statusCode, r.body).toBe(200);
    d = r.json() as Assigned;
    expect(d).toMatchObject({ assigneeName: 'Trần Thị Mai', canClaim: false });
    expect(d.events.at(-1)).toMatchObject({ action: 'assign', actionLabel: 'Nhận xử lý' });
    expect((await mine(desk)).items.some((i) => i.id === d.id && i.assigneeName === 'Trần Thị Mai')).toBe(
      true,
    );

    // Handing over to the ward committee clears the assignee.
    d = (await ok(
      await act(desk, d, { type: 'complete_step', comment: 'Chuyển thẩm định' }),
    )) as unknown as Assigned;
    expect(d.assigneeUserId).toBeNull();
    expect((await mine(desk)).items.some((i) => i.id === d.id)).toBe(false);

    // Refusals: another ward, a wrong role, a stale version, a target without the role.
    expect((await assign(otherWard, d, null)).statusCode).toBe(404);
    const wrongRole = await assign(leader, d, (await me(leader)).id);
    expect(wrongRole.statusCode).toBe(403);
    expect(wrongRole.json().error.message).toMatch(/chuyên viên/);
    const notManager = await assign(specialist, d, (await me(head)).id);
    expect(notManager.statusCode).toBe(403);
    const specialistId = (await me(specialist)).id;
    expect((await assign(specialist, { id: d.id, version: d.version - 1 }, specialistId)).statusCode).toBe(
      409,
    );
    const noRole = await assign(head, d, (await me(leader)).id);
    expect(noRole.statusCode).toBe(403);
    expect(noRole.json().error.message).toMatch(/vai trò chuyên viên/);

    // The specialist claims and releases; the head assigns.
    r = await assign(specialist, d, specialistId);
    expect(r.statusCode, r.body).toBe(200);
    d = r.json() as Assigned;
    expect(d.assigneeName).toBe('Lê Văn Hùng');
    r = await assign(specialist, d, null);
    expect(r.statusCode, r.body).toBe(200);
    d = r.json() as Assigned;
    expect(d.assigneeUserId).toBeNull();
    expect(d.events.at(-1)?.actionLabel).toBe('Trả lại hàng chờ');
    const picker = await t.request({
      method: 'GET',
      url: `/api/office/agencies/${(await agencies()).get('cantho-phuong-vi-thanh-ubnd')}/officers?role=specialist`,
      cookie: head,
    });
    expect(picker.statusCode, picker.body).toBe(200);
    expect(picker.json()).toContainEqual({ id: specialistId, fullName: 'Lê Văn Hùng' });
    expect(
      (
        await t.request({
          method: 'GET',
          url: `/api/office/agencies/${(await agencies()).get('cantho-phuong-vi-thanh-ubnd')}/officers?role=specialist`,
          cookie: otherWard,
        })
      ).statusCode,
    ).toBe(403);
    r = await assign(head, d, specialistId);
    expect(r.statusCode, r.body).toBe(200);
    d = r.json() as Assigned;
    expect(d.events.at(-1)).toMatchObject({
      action: 'assign',
      actionLabel: 'Phân công xử lý',
      data: { assigneeUserId: specialistId, assigneeName: 'Lê Văn Hùng' },
    });
    const specialistMine = await mine(specialist);
    expect(specialistMine.items.some((i) => i.id === d.id && i.assigneeName === 'Lê Văn Hùng')).toBe(true);
    // Actions keep optimistic concurrency across assignments.
    const before = d.version;
    expect(
      (await act(specialist, { id: d.id, version: before - 1 }, { type: 'complete_step', comment: 'x' }))
        .statusCode,
    ).toBe(409);
    d = (await ok(
      await act(specialist, d, { type: 'complete_step', comment: 'Đủ điều kiện' }),
    )) as unknown as Assigned;
    expect(d.assigneeUserId).toBeNull();
    expect((await mine(specialist)).items.some((i) => i.id === d.id)).toBe(false);
  });

  it('answers only id, state and version to clients that prefer a minimal return', async () => {
    const desk = await t.login('motcua.vithanh@demo.motcua.vn');
    const created = await intake(desk, { procedureCode: '1.003583' });
    const full = created.json();
    const minimal = await t.request({
      method: 'POST',
      url: `/api/office/dossiers/${full.id}/actions`,
      cookie: desk,
      headers: { prefer: 'return=minimal' },
      payload: { version: full.version, action: { type: 'complete_step', comment: 'Chuyển thẩm định' } },
    });
    expect(minimal.statusCode).toBe(200);
    expect(minimal.json()).toEqual({
      id: full.id,
      code: full.code,
      state: 'in_progress',
      stateLabel: 'Đang giải quyết',
      version: full.version + 1,
      availableActions: [],
    });
  });
});
