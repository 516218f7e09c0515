import { and, eq, isNull } from 'drizzle-orm';
import { type FormSchema, formSchemaSchema } from '../modules/catalog/form-schema.ts';
import { procedures } from '../modules/catalog/schema.ts';
import type { Db } from '../platform/db/connect.ts';

// Online forms an administrator of the demo city has defined (Thông tư 04/2020/TT-BTP's birth registration
// declaration, reduced to what the desk checks). Set only where the procedure has none, so an administrator's
// own edits survive a re-seed.

const birthRegistration: FormSchema = formSchemaSchema.parse({
  fields: [
    {
      key: 'childFullName',
      label: 'Họ, chữ đệm và tên của trẻ',
      type: 'text',
      required: true,
      maxLength: 100,
    },
    { key: 'childBirthDate', label: 'Ngày, tháng, năm sinh của trẻ', type: 'date', required: true },
    {
      key: 'childSex',
      label: 'Giới tính của trẻ',
      type: 'select',
      required: true,
      options: [
        { value: 'nam', label: 'Nam' },
        { value: 'nu', label: 'Nữ' },
      ],
    },
    {
      key: 'placeOfBirth',
      label: 'Nơi sinh',
      type: 'text',
      required: true,
      help: 'Tên cơ sở y tế nơi trẻ được sinh ra, hoặc địa chỉ nếu sinh ngoài cơ sở y tế.',
    },
    { key: 'motherFullName', label: 'Họ, chữ đệm và tên người mẹ', type: 'text', required: true },
    {
      key: 'fatherFullName',
      label: 'Họ, chữ đệm và tên người cha',
      type: 'text',
      help: 'Bỏ trống nếu chưa xác định.',
    },
    {
      key: 'relationship',
      label: 'Quan hệ của người đi đăng ký với trẻ',
      type: 'select',
      required: true,
      options: [
        { value: 'me', label: 'Mẹ' },
        { value: 'cha', label: 'Cha' },
        { value: 'ong-ba', label: 'Ông, bà' },
        { value: 'khac', label: 'Người thân khác (có văn bản ủy quyền)' },
      ],
    },
  ],
});

const demoForms: Record<string, FormSchema> = {
  '1.001193': birthRegistration,
};

export async function seedDemoFormSchemas(db: Db): Promise<void> {
  for (const [code, formSchema] of Object.entries(demoForms)) {
    await db
      .update(procedures)
      .set({ formSchema })
      .where(and(eq(procedures.code, code), isNull(procedures.formSchema)));
  }
}
