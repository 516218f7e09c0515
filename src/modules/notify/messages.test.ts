import { describe, expect, it } from 'vitest';
import {
  buildMessage,
  type MessageFacts,
  notificationKindOf,
  SMS_MAX_CHARS,
  withoutDiacritics,
} from './messages.ts';

const base: MessageFacts = {
  kind: 'received',
  dossierCode: '001.01.92.H92-261125-0001',
  procedureName: 'Đăng ký khai sinh',
  receivingAgencyName: 'Trung tâm Phục vụ hành chính công phường Vị Thanh',
  receivingAgencyAddress: '01 Trần Hưng Đạo, phường Vị Thanh',
  handlingAgencyName: 'UBND phường Vị Thanh',
  officerName: 'Nguyễn Thị Mai',
  channel: 'counter',
  receivedAt: new Date('2026-11-25T01:30:00Z'),
  dueAt: new Date('2026-11-27T10:00:00Z'),
  previousDueAt: null,
  returnedAt: null,
  returnChannel: null,
  reasons: [],
  legalBasis: null,
};

describe('notification kinds', () => {
  it('maps the actions the applicant must hear about, and nothing else', () => {
    expect(notificationKindOf('receive')).toBe('received');
    expect(notificationKindOf('request_intake_supplement')).toBe('supplement_requested');
    expect(notificationKindOf('request_supplement')).toBe('supplement_requested');
    expect(notificationKindOf('apologise')).toBe('apologised');
    expect(notificationKindOf('stop')).toBe('stopped');
    expect(notificationKindOf('issue_result')).toBe('result_ready');
    expect(notificationKindOf('return_result')).toBe('returned');
    expect(notificationKindOf('refuse')).toBe('refused');
    for (const action of ['submit', 'complete_step', 'transfer', 'approve', 'assign', 'withdraw'])
      expect(notificationKindOf(action)).toBeNull();
  });
});

describe('messages', () => {
  it('tells the receipt with agency, officer and times in Vietnam time', () => {
    const m = buildMessage(base);
    expect(m.title).toBe('Hồ sơ 001.01.92.H92-261125-0001 đã được tiếp nhận');
    expect(m.body).toContain('Thủ tục: Đăng ký khai sinh');
    expect(m.body).toContain('Cơ quan tiếp nhận: Trung tâm Phục vụ hành chính công phường Vị Thanh');
    expect(m.body).toContain('Cơ quan đang giải quyết: UBND phường Vị Thanh');
    expect(m.body).toContain('Cán bộ xử lý: Nguyễn Thị Mai');
    expect(m.body).toContain('Thời điểm tiếp nhận: 08:30 ngày 25/11/2026');
    expect(m.body).toContain('Hẹn trả kết quả: 17:00 ngày 27/11/2026');
    expect(m.smsText).toBe(
      'Motcua: Ho so 001.01.92.H92-261125-0001 (Dang ky khai sinh) da duoc tiep nhan luc 08:30 25/11/2026 tai Trung tam Phuc vu hanh chinh cong phuong Vi Thanh, can bo Nguyen Thi Mai. Hen tra ket qua: 17:00 27/11/2026.',
    );
  });

  it('lists supplement reasons, and works before receipt (no code yet)', () => {
    const m = buildMessage({
      ...base,
      kind: 'supplement_requested',
      dossierCode: null,
      receivedAt: null,
      dueAt: null,
      reasons: ['Thiếu giấy chứng sinh bản chính', 'Tờ khai chưa ký'],
    });
    expect(m.title).toBe('Hồ sơ của ông/bà cần bổ sung, hoàn thiện');
    expect(m.body).toContain('- Thiếu giấy chứng sinh bản chính\n- Tờ khai chưa ký');
    expect(m.body).not.toContain('Mã hồ sơ');
    expect(m.smsText).toContain('can bo sung: Thieu giay chung sinh ban chinh; To khai chua ky');
  });

  it('gives the old and new due dates of an apology', () => {
    const m = buildMessage({
      ...base,
      kind: 'apologised',
      previousDueAt: new Date('2026-11-27T10:00:00Z'),
      dueAt: new Date('2026-12-02T10:00:00Z'),
      reasons: ['Cần xác minh thêm tại nơi cư trú'],
    });
    expect(m.body).toContain('Ngày hẹn cũ: 17:00 ngày 27/11/2026.');
    expect(m.body).toContain('Ngày hẹn trả kết quả mới: 17:00 ngày 02/12/2026.');
    expect(m.body).toContain('Lý do: Cần xác minh thêm tại nơi cư trú');
    expect(m.smsText).toContain('Hen tra moi: 17:00 02/12/2026');
  });

  it('says where to collect the result, by submission channel', () => {
    const counter = buildMessage({ ...base, kind: 'result_ready' });
    expect(counter.body).toContain(
      'đến nhận kết quả tại Trung tâm Phục vụ hành chính công phường Vị Thanh (01 Trần Hưng Đạo, phường Vị Thanh)',
    );
    expect(buildMessage({ ...base, kind: 'result_ready', channel: 'online' }).body).toContain(
      '«Hồ sơ của tôi»',
    );
  });

  it('tells the return, the stop and the refusal', () => {
    const returned = buildMessage({
      ...base,
      kind: 'returned',
      returnedAt: new Date('2026-11-26T08:05:00Z'),
      returnChannel: 'post',
    });
    expect(returned.body).toContain('Thời điểm trả kết quả: 15:05 ngày 26/11/2026');
    expect(returned.body).toContain('qua dịch vụ bưu chính công ích');
    const stopped = buildMessage({
      ...base,
      kind: 'stopped',
      reasons: ['Người nộp đề nghị dừng'],
      legalBasis: 'Điều 19',
    });
    expect(stopped.title).toContain('đã dừng giải quyết');
    expect(stopped.body).toContain('Căn cứ: Điều 19');
    const refused = buildMessage({
      ...base,
      kind: 'refused',
      dossierCode: null,
      reasons: ['Không thuộc thẩm quyền'],
    });
    expect(refused.title).toBe('Hồ sơ của ông/bà không được tiếp nhận');
    expect(refused.body).toContain('- Không thuộc thẩm quyền');
  });

  it('keeps every SMS short and unaccented, even with long names and reasons', () => {
    const long =
      'Cấp giấy chứng nhận quyền sử dụng đất, quyền sở hữu nhà ở và tài sản khác gắn liền với đất lần đầu';
    for (const kind of [
      'received',
      'supplement_requested',
      'apologised',
      'stopped',
      'result_ready',
      'returned',
      'refused',
    ] as const) {
      const m = buildMessage({
        ...base,
        kind,
        procedureName: long,
        reasons: [long, long],
        returnedAt: new Date(),
      });
      expect(m.smsText.length).toBeLessThanOrEqual(SMS_MAX_CHARS);
      expect(m.smsText).toBe(withoutDiacritics(m.smsText));
      expect(m.smsText).toMatch(/^[\x20-\x7e]+$/);
    }
  });

  it('invites a rating through the signed link on a returned result and an online result ready', () => {
    const ratingUrl = 'http://localhost:3000/danh-gia/abc.def';
    const invitation = `Mời ông/bà đánh giá mức độ hài lòng đối với việc giải quyết hồ sơ: ${ratingUrl}`;
    const returned = buildMessage({ ...base, kind: 'returned', returnChannel: 'counter', ratingUrl });
    expect(returned.body.split('\n')).toContain(invitation);
    expect(returned.smsText).not.toContain('danh-gia');
    expect(buildMessage({ ...base, kind: 'result_ready', channel: 'online', ratingUrl }).body).toContain(
      invitation,
    );
    // A paper result still waiting at the desk, or another kind, invites nothing yet.
    expect(buildMessage({ ...base, kind: 'result_ready', ratingUrl }).body).not.toContain('đánh giá');
    expect(buildMessage({ ...base, kind: 'received', ratingUrl }).body).not.toContain('đánh giá');
    expect(buildMessage({ ...base, kind: 'returned' }).body).not.toContain('đánh giá');
  });

  it('folds Vietnamese letters, keeping case', () => {
    expect(withoutDiacritics('Đăng ký kết hôn – Ủy ban')).toBe('Dang ky ket hon – Uy ban');
  });
});
