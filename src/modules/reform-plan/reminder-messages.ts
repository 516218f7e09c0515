// The text of the deadline reminders (pure): Vietnamese in-app/email text, short unaccented SMS.
import { SMS_MAX_CHARS, withoutDiacritics } from '../notify/messages.ts';
import type { ReminderDue } from './reminder-schedule.ts';

export interface ReminderOccurrence {
  description: string;
  agencyName: string;
  planTitle: string;
  /** `2023`, `2023-Q2` or `once`. */
  periodKey: string;
  dueDate: string;
  percent: number;
}

export interface ReminderText {
  kind: 'task_due_soon' | 'task_overdue' | 'tasks_overdue_digest';
  title: string;
  body: string;
  smsText: string;
}

/** 2026-12-06 → 06/12/2026. */
export const vnDate = (date: string) => `${date.slice(8, 10)}/${date.slice(5, 7)}/${date.slice(0, 4)}`;

const romanQuarters = ['I', 'II', 'III', 'IV'];

/** `2023` → "năm 2023", `2023-Q2` → "quý II/2023", `once` → null. */
export function periodLabel(periodKey: string): string | null {
  const quarter = /^(\d{4})-Q([1-4])$/.exec(periodKey);
  if (quarter) return `quý ${romanQuarters[Number(quarter[2]) - 1]}/${quarter[1]}`;
  if (/^\d{4}$/.test(periodKey)) return `năm ${periodKey}`;
  return null;
}

const shorten = (text: string, max: number) => (text.length > max ? `${text.slice(0, max - 1)}…` : text);

function taskLine(o: ReminderOccurrence): string {
  const period = periodLabel(o.periodKey);
  return `Nhiệm vụ: ${o.description}${period ? ` (${period})` : ''}\nCơ quan chủ trì: ${o.agencyName}\nKế hoạch: ${o.planTitle}`;
}

function sms(text: string): string {
  return shorten(withoutDiacritics(text), SMS_MAX_CHARS);
}

/** The reminder (before the deadline) or the overdue alert to an officer of the lead agency. */
export function reminderText(
  o: ReminderOccurrence,
  due: ReminderDue,
  boardUrl: string,
  today: string,
): ReminderText {
  const deadline = vnDate(o.dueDate);
  const short = shorten(o.description, 90);
  if (due.kind === 'overdue') {
    return {
      kind: 'task_overdue',
      title: `Nhiệm vụ CCHC quá hạn: ${short}`,
      body: [
        `Nhiệm vụ cải cách hành chính dưới đây có hạn hoàn thành ngày ${deadline}, đến ngày ${vnDate(today)} chưa được báo cáo hoàn thành (quá hạn ${due.daysLate} ngày).`,
        '',
        taskLine(o),
        `Hạn hoàn thành: ${deadline}`,
        `Tiến độ đã báo cáo: ${o.percent}%`,
        '',
        `Đề nghị cơ quan khẩn trương thực hiện và cập nhật tiến độ tại: ${boardUrl}`,
      ].join('\n'),
      smsText: sms(
        `Motcua: Nhiem vu CCHC "${shorten(o.description, 100)}" cua ${o.agencyName} da qua han ${deadline}. Cap nhat tien do: ${boardUrl}`,
      ),
    };
  }
  const left = due.daysLeft === 0 ? 'hôm nay là hạn cuối' : `còn ${due.daysLeft} ngày`;
  return {
    kind: 'task_due_soon',
    title: `Sắp đến hạn nhiệm vụ CCHC (${left}, hạn ${deadline}): ${short}`,
    body: [
      `Nhiệm vụ cải cách hành chính dưới đây có hạn hoàn thành ngày ${deadline} (${left}).`,
      '',
      taskLine(o),
      `Hạn hoàn thành: ${deadline}`,
      `Tiến độ đã báo cáo: ${o.percent}%`,
      '',
      `Xem và cập nhật tiến độ tại: ${boardUrl}`,
    ].join('\n'),
    smsText: sms(
      `Motcua: Nhiem vu CCHC "${shorten(o.description, 100)}" cua ${o.agencyName} han ${deadline} (${left}). Cap nhat: ${boardUrl}`,
    ),
  };
}

/** The reform office's summary of a plan's occurrences that went overdue (not yet reported to this officer). */
export function overdueDigestText(
  planTitle: string,
  items: ReminderOccurrence[],
  planUrl: string,
  today: string,
): ReminderText {
  const lines = items.map(
    (o) =>
      `- ${o.agencyName}: ${o.description}${periodLabel(o.periodKey) ? ` (${periodLabel(o.periodKey)})` : ''} — hạn ${vnDate(o.dueDate)}, tiến độ ${o.percent}%`,
  );
  return {
    kind: 'tasks_overdue_digest',
    title: `Tổng hợp ngày ${vnDate(today)}: ${items.length} nhiệm vụ CCHC mới quá hạn — ${shorten(planTitle, 80)}`,
    body: [
      `Các nhiệm vụ sau của ${planTitle} đã quá hạn mà chưa được báo cáo hoàn thành:`,
      '',
      ...lines,
      '',
      `Theo dõi, đôn đốc tại: ${planUrl}`,
    ].join('\n'),
    smsText: sms(
      `Motcua: ${items.length} nhiem vu CCHC moi qua han (${vnDate(today)}), ${shorten(planTitle, 80)}. Xem: ${planUrl}`,
    ),
  };
}
