import { z } from 'zod';
import { articleKinds, articleStatuses } from './schema.ts';
import { slugPattern } from './slug.ts';

const fileId = z.string().regex(/^[0-9a-f]{64}$/, 'Mã tệp không hợp lệ.');

export const articleFileSchema = z.strictObject({
  fileId,
  name: z.string().trim().min(1).max(200),
  mime: z.string().max(40),
  sizeBytes: z.number().int().min(0),
});

export const articleInput = z.strictObject({
  kind: z.enum(articleKinds, 'Loại bài viết phải là tin tức, hướng dẫn hoặc thông báo.'),
  title: z
    .string('Vui lòng nhập tiêu đề.')
    .trim()
    .min(5, 'Tiêu đề cần ít nhất 5 ký tự.')
    .max(250, 'Tiêu đề tối đa 250 ký tự.'),
  slug: z
    .string()
    .trim()
    .max(120, 'Đường dẫn tối đa 120 ký tự.')
    .regex(slugPattern, 'Đường dẫn chỉ gồm chữ thường không dấu, số và dấu gạch ngang.')
    .optional()
    .or(z.literal('').transform(() => undefined)),
  summary: z
    .string('Vui lòng nhập tóm tắt.')
    .trim()
    .min(1, 'Vui lòng nhập tóm tắt.')
    .max(600, 'Tóm tắt tối đa 600 ký tự.'),
  bodyHtml: z.string('Vui lòng nhập nội dung.').max(200_000, 'Nội dung quá dài (tối đa 200.000 ký tự).'),
  categoryId: z.uuid('Chuyên mục không hợp lệ.').nullable().default(null),
  attachments: z.array(articleFileSchema).max(20, 'Tối đa 20 tệp đính kèm.').default([]),
  procedureCodes: z
    .array(z.string().trim().min(1).max(30, 'Mã thủ tục không hợp lệ.'))
    .max(20, 'Tối đa 20 thủ tục liên quan.')
    .default([]),
});
export type ArticleInput = z.infer<typeof articleInput>;

export const updateArticleBody = articleInput.extend({ version: z.number().int().min(1) });
export type UpdateArticleInput = z.infer<typeof updateArticleBody>;

export const publishBody = z.strictObject({
  version: z.number().int().min(1),
  /** Absent: now (the database clock). */
  publishAt: z.iso.datetime({ offset: true, message: 'Thời điểm đăng không hợp lệ.' }).optional(),
});
export const versionBody = z.strictObject({ version: z.number().int().min(1) });

export const categoryInput = z.strictObject({
  name: z
    .string('Vui lòng nhập tên chuyên mục.')
    .trim()
    .min(2, 'Tên chuyên mục cần ít nhất 2 ký tự.')
    .max(100),
});

export const publicListQuery = z.object({
  kind: z.enum(articleKinds).optional(),
  category: z.string().max(80).optional(),
  page: z.coerce.number().int().min(1).max(10_000).default(1),
  pageSize: z.coerce.number().int().min(1).max(50).default(10),
});

export const categorySchema = z.object({ id: z.string(), slug: z.string(), name: z.string() });

export const articleSummarySchema = z.object({
  id: z.string(),
  kind: z.enum(articleKinds),
  slug: z.string(),
  title: z.string(),
  summary: z.string(),
  category: categorySchema.nullable(),
  publishAt: z.date().nullable(),
});

export const publicArticleSchema = articleSummarySchema.extend({
  bodyHtml: z.string(),
  attachments: z.array(articleFileSchema),
  procedures: z.array(z.object({ code: z.string(), name: z.string() })),
});

export const officeArticleSchema = publicArticleSchema.extend({
  status: z.enum(articleStatuses),
  state: z.enum(['draft', 'scheduled', 'published', 'unpublished']),
  categoryId: z.string().nullable(),
  procedureCodes: z.array(z.string()),
  version: z.number(),
  updatedAt: z.date(),
  revisions: z.array(
    z.object({ version: z.number(), title: z.string(), savedByName: z.string(), savedAt: z.date() }),
  ),
});
