import { z } from 'zod';

// The procedure-specific part of an online application, defined by an administrator as data (no code change):
// a list of fields with their type and rules. The same definition renders the form in the portal and validates
// what arrives at the API (`validateFormData`).

export const formFieldTypes = [
  'text',
  'textarea',
  'number',
  'date',
  'select',
  'citizen_id',
  'phone',
  'email',
] as const;
export type FormFieldType = (typeof formFieldTypes)[number];

export const FORM_FIELD_TYPE_LABELS: Readonly<Record<FormFieldType, string>> = {
  text: 'Văn bản ngắn',
  textarea: 'Văn bản dài',
  number: 'Số',
  date: 'Ngày',
  select: 'Chọn từ danh sách',
  citizen_id: 'Số định danh cá nhân (CCCD)',
  phone: 'Số điện thoại',
  email: 'Thư điện tử',
};

export const formFieldSchema = z
  .strictObject({
    key: z
      .string()
      .regex(/^[a-z][a-zA-Z0-9_]{0,39}$/, 'Mã trường chỉ gồm chữ cái không dấu, chữ số, dấu gạch dưới.'),
    label: z.string().trim().min(1, 'Vui lòng nhập nhãn của trường.').max(200),
    type: z.enum(formFieldTypes),
    required: z.boolean().default(false),
    /** A plain-Vietnamese hint shown under the field. */
    help: z.string().max(500).optional(),
    options: z
      .array(z.strictObject({ value: z.string().min(1).max(100), label: z.string().min(1).max(200) }))
      .max(100)
      .optional(),
    min: z.number().optional(),
    max: z.number().optional(),
    maxLength: z.number().int().min(1).max(5000).optional(),
    /** A regular expression the value must match, with the message shown when it does not. */
    pattern: z.string().max(300).optional(),
    patternMessage: z.string().max(300).optional(),
  })
  .superRefine((f, ctx) => {
    if (f.type === 'select' && !f.options?.length) {
      ctx.addIssue({ code: 'custom', path: ['options'], message: 'Trường chọn cần ít nhất một lựa chọn.' });
    }
    if (f.pattern) {
      try {
        new RegExp(f.pattern, 'u');
      } catch {
        ctx.addIssue({ code: 'custom', path: ['pattern'], message: 'Biểu thức kiểm tra không hợp lệ.' });
      }
    }
    if (f.min !== undefined && f.max !== undefined && f.min > f.max) {
      ctx.addIssue({
        code: 'custom',
        path: ['max'],
        message: 'Giá trị lớn nhất phải không nhỏ hơn giá trị nhỏ nhất.',
      });
    }
  });
export type FormField = z.infer<typeof formFieldSchema>;

/** The administrator's correction of the catalog's document list: which upload slots are required online. */
export const documentRuleSchema = z.strictObject({
  slot: z.string().regex(/^\d{1,3}\.\d{1,3}$/, 'Mã ô tải lên có dạng «nhóm.giấy tờ», ví dụ 0.1.'),
  required: z.boolean(),
});

export const formSchemaSchema = z
  .strictObject({
    fields: z.array(formFieldSchema).max(60),
    documentRules: z.array(documentRuleSchema).max(200).optional(),
  })
  .superRefine((s, ctx) => {
    const seen = new Set<string>();
    for (const [i, f] of s.fields.entries()) {
      if (seen.has(f.key)) {
        ctx.addIssue({
          code: 'custom',
          path: ['fields', i, 'key'],
          message: `Mã trường «${f.key}» bị trùng.`,
        });
      }
      seen.add(f.key);
    }
  });
export type FormSchema = z.infer<typeof formSchemaSchema>;

/** Values as stored: strings for text-like fields and dates (YYYY-MM-DD), numbers for numbers. */
export type FormData = Record<string, string | number>;
