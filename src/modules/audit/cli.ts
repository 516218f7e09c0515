import { parseArgs } from 'node:util';
import { z } from 'zod';
import type { Database } from '../../platform/db/connect.ts';
import { verifyAuditLog } from './verify.ts';
import { describeVerification } from './verify-report.ts';

export const auditCliHelp = `  audit verify                    Niêm phong các mục nhật ký kiểm toán đang chờ rồi kiểm tra chuỗi băm của từng
                                  đơn vị; nêu mục hỏng đầu tiên và trả mã thoát 1 nếu chuỗi bị sửa, xóa hoặc chèn
      --unit <mã đơn vị>          Chỉ kiểm tra chuỗi của một đơn vị (UUID; lặp lại được)
      --no-seal                   Không niêm phong, chỉ kiểm tra và báo số mục đang chờ`;

/** `motcua audit verify`: prints one line per chain; answers the exit code (0 intact, 1 broken). */
export async function runAuditCommand(
  database: Database,
  args: string[],
  say: (line: string) => void,
): Promise<number> {
  const { positionals, values } = parseArgs({
    args,
    allowPositionals: true,
    options: { unit: { type: 'string', multiple: true }, 'no-seal': { type: 'boolean', default: false } },
  });
  if (positionals[0] !== 'verify') throw new Error('Lệnh con không hợp lệ. Dùng: npx motcua audit verify');
  const units = values.unit ?? [];
  for (const unit of units)
    if (!z.uuid().safeParse(unit).success) throw new Error(`--unit ${unit}: mã đơn vị phải là UUID.`);
  const report = await verifyAuditLog(database.db, {
    seal: !values['no-seal'],
    ...(units.length ? { unitIds: units } : {}),
  });
  for (const line of describeVerification(report)) say(line);
  return report.ok ? 0 : 1;
}
