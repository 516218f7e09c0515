// What an applicant (or anyone tracking a dossier) reads about each event: plain Vietnamese, no internal jargon,
// no officer-only events. Internal hand-overs between steps are folded into "being processed".

const labels: Record<string, string> = {
  submit: 'Hồ sơ đã được nộp',
  request_intake_supplement: 'Bộ phận Một cửa đề nghị bổ sung, hoàn thiện hồ sơ',
  supply_supplement: 'Người nộp đã bổ sung hồ sơ',
  refuse: 'Bộ phận Một cửa từ chối tiếp nhận hồ sơ',
  receive: 'Hồ sơ đã được tiếp nhận',
  complete_step: 'Hồ sơ đang được giải quyết',
  transfer: 'Hồ sơ được chuyển đến cơ quan phối hợp giải quyết',
  request_supplement: 'Cơ quan giải quyết đề nghị bổ sung hồ sơ',
  apologise: 'Cơ quan giải quyết xin lỗi vì chậm trễ và hẹn lại ngày trả kết quả',
  stop: 'Cơ quan giải quyết dừng giải quyết hồ sơ',
  approve: 'Hồ sơ đã được phê duyệt',
  reject: 'Hồ sơ không được chấp thuận',
  issue_result: 'Đã có kết quả, chờ trả',
  return_result: 'Đã trả kết quả',
  withdraw: 'Hồ sơ đã được rút',
  recompute_deadlines: 'Ngày hẹn trả được tính lại do thay đổi lịch nghỉ',
};

/** The public label of an event, or null for events the public does not see (assignments, picking up a step). */
export function publicStepLabel(action: string): string | null {
  return labels[action] ?? null;
}
