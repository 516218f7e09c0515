import { eq } from 'drizzle-orm';
import type { Db } from '../../platform/db/connect.ts';
import { notFound } from '../../platform/http/errors.ts';
import type { Principal } from '../auth/permissions.ts';
import { procedures } from '../catalog/schema.ts';
import { paymentProcedureSettings } from './schema.ts';

/** A procedure's payment setting; the default (at receipt, online allowed) when none is stored. */
export async function procedureSetting(db: Db, procedureId: string) {
  const [procedure] = await db
    .select({
      id: procedures.id,
      code: procedures.code,
      feeAmountVnd: procedures.feeAmountVnd,
      feeText: procedures.feeText,
    })
    .from(procedures)
    .where(eq(procedures.id, procedureId));
  if (!procedure) throw notFound('Không tìm thấy thủ tục.');
  const [setting] = await db
    .select()
    .from(paymentProcedureSettings)
    .where(eq(paymentProcedureSettings.procedureId, procedureId));
  return {
    procedureId,
    procedureCode: procedure.code,
    feeAmountVnd: procedure.feeAmountVnd,
    feeText: procedure.feeText,
    payableAt: setting?.payableAt ?? 'receipt',
    onlinePayment: setting?.onlinePayment ?? true,
    stored: setting !== undefined,
  };
}

export async function saveProcedureSetting(
  db: Db,
  principal: Principal,
  procedureId: string,
  input: { payableAt: 'receipt' | 'submission'; onlinePayment: boolean },
) {
  await procedureSetting(db, procedureId);
  const values = { ...input, updatedBy: principal.userId, updatedAt: new Date() };
  await db
    .insert(paymentProcedureSettings)
    .values({ procedureId, ...values })
    .onConflictDoUpdate({ target: paymentProcedureSettings.procedureId, set: values });
  return procedureSetting(db, procedureId);
}
