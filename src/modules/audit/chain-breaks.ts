/** What can be wrong with a chain, with the operator's (English) and the back office's (Vietnamese) wording. */
export type BreakKind =
  | { kind: 'duplicate'; seq: number }
  | { kind: 'missing'; from: number; to: number }
  | { kind: 'prev_hash' }
  | { kind: 'altered' }
  | { kind: 'truncated'; last: number; head: number; headEntryId: string }
  | { kind: 'head_mismatch' }
  | { kind: 'beyond_head'; head: number }
  | { kind: 'no_head' };

const range = (from: number, to: number) => (from === to ? `${from}` : `${from}..${to}`);

export function describeBreak(b: BreakKind): { problem: string; problemVi: string } {
  switch (b.kind) {
    case 'duplicate':
      return {
        problem: `sequence ${b.seq} occurs twice (a row was inserted into the chain)`,
        problemVi: `Số thứ tự ${b.seq} xuất hiện hai lần (có dòng bị chèn vào chuỗi).`,
      };
    case 'missing':
      return {
        problem: `entry ${range(b.from, b.to)} is missing (deleted) before this entry`,
        problemVi: `Thiếu mục ${range(b.from, b.to)} ngay trước mục này (đã bị xóa).`,
      };
    case 'prev_hash':
      return {
        problem: "prev_hash does not match the previous entry's hash (entry inserted or replaced)",
        problemVi: 'Mã băm trước không khớp mục liền trước (mục bị chèn hoặc thay thế).',
      };
    case 'altered':
      return {
        problem: 'content does not match its hash (entry altered)',
        problemVi: 'Nội dung không khớp mã băm (mục đã bị sửa).',
      };
    case 'truncated':
      return {
        problem: `the chain ends at entry ${b.last} but its head is entry ${b.head} (id ${b.headEntryId}): the newest entries were deleted`,
        problemVi: `Chuỗi dừng ở mục ${b.last} nhưng mục cuối đã niêm phong là ${b.head}: các mục mới nhất đã bị xóa.`,
      };
    case 'head_mismatch':
      return {
        problem: 'the head row does not match the last entry of the chain',
        problemVi: 'Bản ghi đầu chuỗi không khớp mục cuối cùng của chuỗi.',
      };
    case 'beyond_head':
      return {
        problem: `entries after the head (${b.head}) were added outside the sealer`,
        problemVi: `Có mục nằm sau đầu chuỗi (${b.head}) không do bộ niêm phong ghi (bị chèn).`,
      };
    case 'no_head':
      return {
        problem: 'the chain has sealed entries but no head row (head deleted)',
        problemVi: 'Chuỗi có mục đã niêm phong nhưng không có bản ghi đầu chuỗi (đã bị xóa).',
      };
  }
}
