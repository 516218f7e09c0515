import { eq, sql } from 'drizzle-orm';
import type { Db } from '../../platform/db/connect.ts';
import { conflict, notFound } from '../../platform/http/errors.ts';
import { documentSlots } from './document-slots.ts';
import type { FormSchema } from './form-schema.ts';
import { procedures } from './schema.ts';

/** A procedure's online form as the administrator defined it (empty when none). */
export async function getFormSchema(db: Db, code: string) {
  const [row] = await db
    .select({
      name: procedures.name,
      formSchema: procedures.formSchema,
      requiredDocuments: procedures.requiredDocuments,
      version: procedures.version,
    })
    .from(procedures)
    .where(eq(procedures.code, code));
  if (!row) throw notFound(`Không tìm thấy thủ tục có mã ${code}.`);
  return {
    procedureName: row.name,
    formSchema: row.formSchema ?? { fields: [] },
    documentSlots: documentSlots(row.requiredDocuments, row.formSchema),
    version: row.version,
  };
}

/** Replaces the online form of a procedure (optimistic concurrency on the procedure's version). */
export async function putFormSchema(db: Db, code: string, version: number, formSchema: FormSchema) {
  const saved = await db
    .update(procedures)
    .set({
      formSchema: formSchema.fields.length || formSchema.documentRules?.length ? formSchema : null,
      version: sql`${procedures.version} + 1`,
      updatedAt: new Date(),
    })
    .where(sql`${procedures.code} = ${code} and ${procedures.version} = ${version}`)
    .returning({ version: procedures.version });
  if (saved.length === 0) {
    await getFormSchema(db, code); // 404 when the procedure does not exist
    throw conflict('Thủ tục vừa được người khác cập nhật. Vui lòng tải lại rồi sửa tiếp.');
  }
  return getFormSchema(db, code);
}
