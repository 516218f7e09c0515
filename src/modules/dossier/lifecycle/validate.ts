// Payload rules of each action (checked by transition() after the guards). Returns a Vietnamese message.
import { dayFromIso, type WorkingCalendar } from '../../calendar/index.ts';
import { stepActors } from '../../catalog/procedure.types.ts';
import type { DossierAction } from './actions.ts';
import { SECOND_SUPPLEMENT_MESSAGE } from './guards.ts';
import { type DossierSnapshot, holdingAgencyId } from './snapshot.ts';
import { ms, vnMidnight } from './time.ts';

const blank = (text: string | undefined): boolean => text === undefined || text.trim() === '';

/** Non-blank entries of a reasons list. */
export const cleanList = (items: readonly string[] | undefined): string[] =>
  (items ?? []).map((r) => r.trim()).filter((r) => r !== '');

export function validatePayload(s: DossierSnapshot, a: DossierAction, cal: WorkingCalendar): string | null {
  switch (a.type) {
    case 'request_intake_supplement':
      if (cleanList(a.reasons).length === 0) return 'Cần nêu rõ lý do và nội dung cần bổ sung, hoàn thiện.';
      if (s.intakeSupplementCount > 0 && a.applicantAtFault !== true)
        return (
          'Yêu cầu bổ sung, hoàn thiện hồ sơ phải hướng dẫn đầy đủ trong một lần (NĐ 61/2018 Điều 17(1)(a)); ' +
          'chỉ yêu cầu lại khi người nộp chưa bổ sung đúng nội dung đã được hướng dẫn.'
        );
      return null;
    case 'refuse':
      return cleanList(a.reasons).length === 0 ? 'Phiếu từ chối tiếp nhận phải nêu rõ lý do.' : null;
    case 'receive':
      return blank(a.dossierCode) ? 'Thiếu mã hồ sơ.' : null;
    case 'transfer':
      if (blank(a.toAgencyId) || blank(a.stepName))
        return 'Cần chọn cơ quan nhận và nội dung bước liên thông.';
      if (a.toAgencyId === holdingAgencyId(s))
        return 'Không thể chuyển liên thông cho chính cơ quan đang giữ hồ sơ.';
      if (!stepActors.includes(a.actorRole)) return 'Vai trò thực hiện bước liên thông không hợp lệ.';
      if (!Number.isFinite(a.budgetHours) || a.budgetHours <= 0)
        return 'Thời gian xử lý của bước liên thông phải lớn hơn 0 giờ làm việc.';
      return null;
    case 'request_supplement':
      if (cleanList(a.reasons).length === 0) return 'Cần nêu rõ lý do và nội dung cần bổ sung.';
      if (s.supplementCount > 0 && blank(a.exception?.legalBasis)) return SECOND_SUPPLEMENT_MESSAGE;
      return null;
    case 'apologise':
      return apologyRule(s, a.reason, a.newDueDate, cal);
    case 'stop':
      return blank(a.reason) ? 'Thông báo dừng giải quyết phải nêu rõ lý do.' : null;
    case 'reject':
      return cleanList(a.reasons).length === 0 ? 'Từ chối giải quyết phải nêu rõ lý do.' : null;
    case 'issue_result':
      return blank(a.resultFileId) ? 'Cần đính kèm tệp kết quả giải quyết.' : null;
    case 'return_result':
      return ['counter', 'post', 'online'].includes(a.channel) ? null : 'Hình thức trả kết quả không hợp lệ.';
    default:
      return null;
  }
}

/** Decree 61 art. 19(9): a reason, and a new date that is a working day after the due date in force. */
function apologyRule(
  s: DossierSnapshot,
  reason: string,
  newDueDate: string,
  cal: WorkingCalendar,
): string | null {
  if (blank(reason)) return 'Văn bản xin lỗi phải nêu rõ lý do chậm trả kết quả.';
  if (!isIsoDate(newDueDate)) return 'Ngày hẹn trả mới không hợp lệ.';
  if (!cal.isWorkingDay(newDueDate)) return 'Ngày hẹn trả mới phải là ngày làm việc.';
  if (s.dueAt && apologyDueAt(newDueDate, cal).getTime() <= ms(s.dueAt))
    return 'Ngày hẹn trả mới phải sau ngày hẹn trả hiện tại.';
  return null;
}

/** The new due instant of an apology: the end of office hours of the new day. */
export function apologyDueAt(newDueDate: string, cal: WorkingCalendar): Date {
  return cal.sameDayDue(vnMidnight(newDueDate));
}

function isIsoDate(text: string): boolean {
  try {
    dayFromIso(text);
    return true;
  } catch {
    return false;
  }
}
