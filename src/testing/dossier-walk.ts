import { expect } from 'vitest';
import type { TestApp } from './test-app.ts';

/** What the office API answers about a dossier after intake or an action. */
export type WalkedDossier = { id: string; code: string; version: number; state: string };

const VI_THANH_DESK_SLUG = 'cantho-phuong-vi-thanh-ttpvhcc';

/**
 * Drives demo dossiers through the office API as the Vị Thanh officers do: a walk-in birth registration at the
 * desk, then hand-over, appraisal, review, approval and the result. Shared by the API tests that need dossiers
 * in a given state (ratings, indicators, evaluation).
 */
export function dossierWalk(t: TestApp) {
  const act = async (cookie: string, d: WalkedDossier, action: Record<string, unknown>) => {
    const r = await t.request({
      method: 'POST',
      url: `/api/office/dossiers/${d.id}/actions`,
      cookie,
      payload: { version: d.version, action },
    });
    expect(r.statusCode, r.body).toBe(200);
    return r.json() as WalkedDossier;
  };

  /** A complete walk-in dossier received at the given desk (the Vị Thanh desk unless an agency id is given). */
  const intake = async (desk: string, receivingAgencyId?: string) => {
    let agencyId = receivingAgencyId;
    if (!agencyId) {
      const agencies = (await t.request({ method: 'GET', url: '/api/agencies' })).json() as {
        id: string;
        slug: string;
      }[];
      agencyId = agencies.find((a) => a.slug === VI_THANH_DESK_SLUG)?.id;
    }
    const r = await t.request({
      method: 'POST',
      url: '/api/office/dossiers',
      cookie: desk,
      payload: {
        procedureCode: '1.001193',
        receivingAgencyId: agencyId,
        applicant: { fullName: 'Nguyễn Thị Hoa', phone: '0912345678', citizenId: '093190001234' },
        documents: [{ name: 'Tờ khai đăng ký khai sinh', originals: 1, copies: 0 }],
        complete: true,
      },
    });
    expect(r.statusCode, r.body).toBe(201);
    return r.json() as WalkedDossier;
  };

  /** A dossier taken from intake to "result issued" by the five Vị Thanh officers. */
  const toResult = async (desk: string, receivingAgencyId?: string) => {
    const [specialist, head, leader, clerk] = (await Promise.all(
      ['chuyenvien', 'truongphong', 'lanhdao', 'vanthu'].map((who) =>
        t.login(`${who}.vithanh@demo.motcua.vn`),
      ),
    )) as [string, string, string, string];
    let d = await intake(desk, receivingAgencyId);
    d = await act(desk, d, { type: 'complete_step', comment: 'Chuyển thẩm định' });
    d = await act(specialist, d, { type: 'complete_step', comment: 'Đủ điều kiện' });
    d = await act(head, d, { type: 'complete_step', comment: 'Trình ký' });
    d = await act(leader, d, { type: 'approve', comment: 'Đồng ý', decisionNo: '15/QĐ-UBND' });
    const upload = await t.request({
      method: 'POST',
      url: '/api/office/files',
      cookie: clerk,
      headers: { 'content-type': 'multipart/form-data; boundary=XYZ' },
      payload: `--XYZ\r\nContent-Disposition: form-data; name="file"; filename="ket-qua.pdf"\r\nContent-Type: application/pdf\r\n\r\n%PDF-1.4 ket qua ${d.id}\r\n--XYZ--\r\n`,
    });
    expect(upload.statusCode, upload.body).toBe(201);
    d = await act(clerk, d, { type: 'issue_result', resultFileId: upload.json().fileId });
    expect(d.state).toBe('result_issued');
    return d;
  };

  /** A dossier walked to its result and returned at the counter. */
  const toReturned = async (desk: string, receivingAgencyId?: string) =>
    act(desk, await toResult(desk, receivingAgencyId), { type: 'return_result', channel: 'counter' });

  return { act, intake, toResult, toReturned };
}
