import { and, count, desc, eq, inArray, isNotNull, like, lte, or, sql } from 'drizzle-orm';
import type { Db } from '../../platform/db/connect.ts';
import type { ReceivedUpload } from '../../platform/files/receive-upload.ts';
import { AppError, invalid, notFound } from '../../platform/http/errors.ts';
import type { Principal } from '../auth/permissions.ts';
import { getPublishedProcedure } from '../catalog/procedures.ts';
import type { ArticleInput, UpdateArticleInput } from './news.types.ts';
import { bodyImageIds, sanitizeBody } from './sanitize-body.ts';
import { type ArticleStatus, newsArticles, newsCategories, newsFiles, newsRevisions } from './schema.ts';
import { slugify, uniqueSlug } from './slug.ts';
import { publicationState } from './visibility.ts';

type ArticleRow = typeof newsArticles.$inferSelect;

/** Published and its time reached — by the database clock, so every process agrees and tests need no sleeps. */
const visible = () => and(eq(newsArticles.status, 'published'), lte(newsArticles.publishAt, sql`now()`));

const stale = () => new AppError('CONFLICT', 'Bài viết vừa được người khác sửa; vui lòng tải lại.');

export async function listCategories(db: Db) {
  return db.select().from(newsCategories).orderBy(newsCategories.name);
}

export async function createCategory(db: Db, name: string) {
  const base = slugify(name);
  const taken = await db.select({ slug: newsCategories.slug }).from(newsCategories);
  if (taken.some((c) => c.slug === base)) throw invalid('name', 'Chuyên mục này đã có.');
  const [row] = await db.insert(newsCategories).values({ name, slug: base }).returning();
  return row as typeof newsCategories.$inferSelect;
}

async function categoriesById(db: Db) {
  return new Map((await listCategories(db)).map((c) => [c.id, c]));
}

const summaryOf = (a: ArticleRow, categories: Map<string, typeof newsCategories.$inferSelect>) => ({
  id: a.id,
  kind: a.kind,
  slug: a.slug,
  title: a.title,
  summary: a.summary,
  category: (a.categoryId && categories.get(a.categoryId)) || null,
  publishAt: a.publishAt,
});

/** The portal's list: visible articles, newest first, optionally of one kind or category (by slug). */
export async function listPublic(
  db: Db,
  query: {
    kind?: ArticleRow['kind'] | undefined;
    category?: string | undefined;
    page: number;
    pageSize: number;
  },
) {
  const categories = await categoriesById(db);
  const category = query.category
    ? [...categories.values()].find((c) => c.slug === query.category)
    : undefined;
  if (query.category && !category) return { total: 0, items: [] };
  const where = and(
    visible(),
    query.kind ? eq(newsArticles.kind, query.kind) : undefined,
    category ? eq(newsArticles.categoryId, category.id) : undefined,
  );
  const [rows, [total]] = await Promise.all([
    db
      .select()
      .from(newsArticles)
      .where(where)
      .orderBy(desc(newsArticles.publishAt), desc(newsArticles.id))
      .limit(query.pageSize)
      .offset((query.page - 1) * query.pageSize),
    db.select({ n: count() }).from(newsArticles).where(where),
  ]);
  return { total: Number(total?.n ?? 0), items: rows.map((a) => summaryOf(a, categories)) };
}

async function proceduresOf(db: Db, codes: string[]) {
  const found = await Promise.all(
    codes.map((code) =>
      getPublishedProcedure(db, code).then(
        (p) => ({ code: p.code, name: p.name }),
        () => null,
      ),
    ),
  );
  return found.filter((p) => p !== null);
}

export async function getPublic(db: Db, slug: string) {
  const [a] = await db
    .select()
    .from(newsArticles)
    .where(and(eq(newsArticles.slug, slug), visible()));
  if (!a) throw notFound('Không tìm thấy bài viết hoặc bài viết chưa được đăng.');
  return {
    ...summaryOf(a, await categoriesById(db)),
    bodyHtml: a.bodyHtml,
    attachments: a.attachments,
    procedures: await proceduresOf(db, a.procedureCodes),
  };
}

/** Visible articles linked to a procedure (the "Hướng dẫn" block of its page). */
export async function articlesForProcedure(db: Db, code: string) {
  const rows = await db
    .select()
    .from(newsArticles)
    .where(and(visible(), sql`${newsArticles.procedureCodes} @> ${JSON.stringify([code])}::jsonb`))
    .orderBy(desc(newsArticles.publishAt))
    .limit(20);
  const categories = await categoriesById(db);
  return rows.map((a) => summaryOf(a, categories));
}

export async function feedItems(db: Db, limit = 50) {
  const categories = await categoriesById(db);
  const rows = await db
    .select()
    .from(newsArticles)
    .where(visible())
    .orderBy(desc(newsArticles.publishAt))
    .limit(limit);
  return rows.map((a) => ({
    title: a.title,
    slug: a.slug,
    summary: a.summary,
    publishAt: a.publishAt as Date,
    kind: a.kind,
    category: (a.categoryId && categories.get(a.categoryId)?.name) || null,
  }));
}

/** Every article for the editor, newest change first, with its publication state. */
export async function listForEditor(db: Db) {
  const [[clock], rows, categories] = await Promise.all([
    db.select({ now: sql<string>`now()` }).from(sql`(select 1) as clock`),
    db.select().from(newsArticles).orderBy(desc(newsArticles.updatedAt)).limit(500),
    categoriesById(db),
  ]);
  const now = new Date(clock?.now ?? Date.now());
  return rows.map((a) => ({
    ...summaryOf(a, categories),
    status: a.status,
    state: publicationState(a, now),
    version: a.version,
    updatedAt: a.updatedAt,
  }));
}

async function loadArticle(db: Db, id: string) {
  const [a] = await db.select().from(newsArticles).where(eq(newsArticles.id, id));
  if (!a) throw notFound('Không tìm thấy bài viết.');
  return a;
}

export async function getForEditor(db: Db, id: string) {
  const a = await loadArticle(db, id);
  const [[clock], revisions, categories, procedures] = await Promise.all([
    db.select({ now: sql<string>`now()` }).from(sql`(select 1) as clock`),
    db
      .select({
        version: newsRevisions.version,
        title: newsRevisions.title,
        savedByName: newsRevisions.savedByName,
        savedAt: newsRevisions.savedAt,
      })
      .from(newsRevisions)
      .where(eq(newsRevisions.articleId, id))
      .orderBy(desc(newsRevisions.version)),
    categoriesById(db),
    proceduresOf(db, a.procedureCodes),
  ]);
  return {
    ...summaryOf(a, categories),
    bodyHtml: a.bodyHtml,
    attachments: a.attachments,
    procedures,
    status: a.status,
    state: publicationState(a, new Date(clock?.now ?? Date.now())),
    categoryId: a.categoryId,
    procedureCodes: a.procedureCodes,
    version: a.version,
    updatedAt: a.updatedAt,
    revisions,
  };
}

/** Checks references and sanitises; returns the columns to store. Changes nothing. */
async function checkedInput(db: Db, input: ArticleInput) {
  const bodyHtml = sanitizeBody(input.bodyHtml);
  if (bodyHtml === '') throw invalid('bodyHtml', 'Vui lòng nhập nội dung bài viết.');
  if (input.categoryId) {
    const [c] = await db.select().from(newsCategories).where(eq(newsCategories.id, input.categoryId));
    if (!c) throw invalid('categoryId', 'Chuyên mục không tồn tại.');
  }
  const codes = [...new Set(input.procedureCodes)];
  for (const code of codes) {
    await getPublishedProcedure(db, code).catch(() => {
      throw invalid('procedureCodes', `Không tìm thấy thủ tục đang công bố có mã ${code}.`);
    });
  }
  const fileIds = [...new Set([...bodyImageIds(bodyHtml), ...input.attachments.map((f) => f.fileId)])];
  if (fileIds.length) {
    const known = await db.select().from(newsFiles).where(inArray(newsFiles.fileId, fileIds));
    const byId = new Map(known.map((f) => [f.fileId, f]));
    const missing = fileIds.find((id) => !byId.has(id));
    if (missing) throw invalid('attachments', 'Tệp đính kèm hoặc ảnh chưa được tải lên qua trình soạn thảo.');
    // Name as the editor shows it; type and size as the upload recorded them.
    input.attachments = input.attachments.map((f) => {
      const k = byId.get(f.fileId) as typeof newsFiles.$inferSelect;
      return { fileId: f.fileId, name: f.name, mime: k.mime, sizeBytes: k.sizeBytes };
    });
  }
  return {
    kind: input.kind,
    title: input.title,
    summary: input.summary,
    bodyHtml,
    categoryId: input.categoryId,
    attachments: input.attachments,
    procedureCodes: codes,
  };
}

async function freeSlug(db: Db, wanted: string | undefined, title: string, exceptId?: string) {
  if (wanted) {
    const [other] = await db
      .select({ id: newsArticles.id })
      .from(newsArticles)
      .where(eq(newsArticles.slug, wanted));
    if (other && other.id !== exceptId) throw invalid('slug', 'Đường dẫn này đã được bài viết khác dùng.');
    return wanted;
  }
  const base = slugify(title);
  const taken = await db
    .select({ slug: newsArticles.slug })
    .from(newsArticles)
    .where(
      and(like(newsArticles.slug, `${base}%`), exceptId ? sql`${newsArticles.id} <> ${exceptId}` : undefined),
    );
  return uniqueSlug(base, new Set(taken.map((t) => t.slug)));
}

const revisionOf = (a: ArticleRow, principal: Principal) => ({
  articleId: a.id,
  version: a.version,
  title: a.title,
  summary: a.summary,
  bodyHtml: a.bodyHtml,
  savedBy: principal.userId,
  savedByName: principal.fullName,
});

export async function createArticle(db: Db, principal: Principal, input: ArticleInput) {
  const values = await checkedInput(db, input);
  const slug = await freeSlug(db, input.slug, input.title);
  return db.transaction(async (tx) => {
    const [a] = await tx
      .insert(newsArticles)
      .values({ ...values, slug, createdBy: principal.userId })
      .returning();
    if (!a) throw new Error('article not inserted');
    await tx.insert(newsRevisions).values(revisionOf(a, principal));
    return a;
  });
}

async function guardedUpdate(
  db: Db,
  principal: Principal,
  id: string,
  version: number,
  set: Partial<typeof newsArticles.$inferInsert>,
  revise: boolean,
) {
  return db.transaction(async (tx) => {
    const [a] = await tx
      .update(newsArticles)
      .set({ ...set, version: version + 1, updatedAt: sql`now()` })
      .where(and(eq(newsArticles.id, id), eq(newsArticles.version, version)))
      .returning();
    if (!a) throw stale();
    if (revise) await tx.insert(newsRevisions).values(revisionOf(a, principal));
    return a;
  });
}

export async function updateArticle(db: Db, principal: Principal, id: string, input: UpdateArticleInput) {
  const current = await loadArticle(db, id);
  if (current.version !== input.version) throw stale();
  const values = await checkedInput(db, input);
  const slug = await freeSlug(db, input.slug ?? current.slug, input.title, id);
  return guardedUpdate(db, principal, id, input.version, { ...values, slug }, true);
}

/** Publishes now or at a later time; a time in the past is taken as now. */
export async function publishArticle(
  db: Db,
  principal: Principal,
  id: string,
  input: { version: number; publishAt?: string | undefined },
) {
  await loadArticle(db, id);
  const at = input.publishAt ? sql`greatest(${new Date(input.publishAt)}::timestamptz, now())` : sql`now()`;
  return guardedUpdate(
    db,
    principal,
    id,
    input.version,
    { status: 'published' satisfies ArticleStatus, publishAt: at as unknown as Date },
    false,
  );
}

export async function unpublishArticle(db: Db, principal: Principal, id: string, version: number) {
  await loadArticle(db, id);
  return guardedUpdate(db, principal, id, version, { status: 'unpublished' }, false);
}

export async function recordUpload(db: Db, principal: Principal, upload: ReceivedUpload) {
  await db
    .insert(newsFiles)
    .values({
      fileId: upload.fileId,
      name: upload.name,
      mime: upload.mime,
      sizeBytes: upload.sizeBytes,
      uploadedBy: principal.userId,
    })
    .onConflictDoNothing();
  return { fileId: upload.fileId, name: upload.name, mime: upload.mime, sizeBytes: upload.sizeBytes };
}

/**
 * A news file for download: editors get any file uploaded through the editor; the public only files that a
 * visible article shows or attaches.
 */
export async function newsFileFor(db: Db, fileId: string, editor: boolean) {
  const [file] = await db.select().from(newsFiles).where(eq(newsFiles.fileId, fileId));
  if (!file) throw notFound('Không tìm thấy tệp.');
  if (editor) return file;
  const [used] = await db
    .select({ id: newsArticles.id })
    .from(newsArticles)
    .where(
      and(
        visible(),
        isNotNull(newsArticles.publishAt),
        or(
          like(newsArticles.bodyHtml, `%/api/news/files/${fileId}"%`),
          sql`${newsArticles.attachments} @> ${JSON.stringify([{ fileId }])}::jsonb`,
        ),
      ),
    )
    .limit(1);
  if (!used) throw notFound('Không tìm thấy tệp.');
  return file;
}
