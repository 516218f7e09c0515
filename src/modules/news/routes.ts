import { z } from 'zod';
import { receiveUpload } from '../../platform/files/receive-upload.ts';
import type { AppContext, ZodApp } from '../../platform/http/context.ts';
import { requireOfficer } from '../auth/guards.ts';
import {
  articlesForProcedure,
  createArticle,
  createCategory,
  feedItems,
  getForEditor,
  getPublic,
  listCategories,
  listForEditor,
  listPublic,
  newsFileFor,
  publishArticle,
  recordUpload,
  unpublishArticle,
  updateArticle,
} from './articles.ts';
import {
  articleFileSchema,
  articleInput,
  articleSummarySchema,
  categoryInput,
  categorySchema,
  officeArticleSchema,
  publicArticleSchema,
  publicListQuery,
  publishBody,
  updateArticleBody,
  versionBody,
} from './news.types.ts';
import { isPublisher, requirePublisher } from './news-access.ts';
import { renderRss } from './rss.ts';
import { articleStatuses } from './schema.ts';

// Reform news and guides (src/modules/news/README.md): the portal reads, the culture office publishes.

const idParams = z.object({ id: z.uuid('Mã bài viết không hợp lệ.') });
const editorRow = articleSummarySchema.extend({
  status: z.enum(articleStatuses),
  state: z.enum(['draft', 'scheduled', 'published', 'unpublished']),
  version: z.number(),
  updatedAt: z.date(),
});
const savedSchema = z.object({ id: z.string(), slug: z.string(), version: z.number() });
const saved = (a: { id: string; slug: string; version: number }) => ({
  id: a.id,
  slug: a.slug,
  version: a.version,
});

export function registerNewsRoutes(app: ZodApp, context: AppContext): void {
  const { db, files } = context;
  const tags = ['news'];

  app.get(
    '/api/news',
    {
      schema: {
        tags,
        summary: 'Published reform news, guides and announcements, newest first (paged)',
        querystring: publicListQuery,
        response: { 200: z.object({ total: z.number(), items: z.array(articleSummarySchema) }) },
      },
    },
    async (request) => listPublic(db, request.query),
  );

  app.get(
    '/api/news/categories',
    { schema: { tags, summary: 'Article categories', response: { 200: z.array(categorySchema) } } },
    async () => listCategories(db),
  );

  app.get(
    '/api/news/articles/:slug',
    {
      schema: {
        tags,
        summary: 'One published article (its body is sanitised HTML)',
        params: z.object({ slug: z.string().max(120) }),
        response: { 200: publicArticleSchema },
      },
    },
    async (request) => getPublic(db, request.params.slug),
  );

  app.get(
    '/api/news/procedures/:code',
    {
      schema: {
        tags,
        summary: 'Published articles linked to a procedure ("Hướng dẫn" on its page)',
        params: z.object({ code: z.string().max(30) }),
        response: { 200: z.array(articleSummarySchema) },
      },
    },
    async (request) => articlesForProcedure(db, request.params.code),
  );

  app.get(
    '/api/news/rss.xml',
    { schema: { tags, summary: 'RSS 2.0 feed of the published articles, newest first' } },
    async (request, reply) => {
      const baseUrl = `${request.protocol}://${request.host}`;
      const xml = renderRss(
        {
          baseUrl,
          title: 'Tin tức cải cách hành chính',
          description: 'Tin tức, hướng dẫn và thông báo về cải cách hành chính',
        },
        await feedItems(db),
      );
      return reply.header('content-type', 'application/rss+xml; charset=utf-8').send(xml);
    },
  );

  app.get(
    '/api/news/files/:fileId',
    {
      schema: {
        tags,
        summary: 'An image or attachment of a published article (editors: any uploaded news file)',
        params: z.object({ fileId: z.string().regex(/^[0-9a-f]{64}$/, 'Mã tệp không hợp lệ.') }),
      },
    },
    async (request, reply) => {
      const editor = await isPublisher(db, request.principal);
      const file = await newsFileFor(db, request.params.fileId, editor);
      const bytes = await files.get(file.fileId);
      const disposition = file.mime.startsWith('image/') ? 'inline' : 'attachment';
      return reply
        .header('content-type', file.mime)
        .header('cache-control', editor ? 'private, no-store' : 'public, max-age=300')
        .header('x-content-type-options', 'nosniff')
        .header('content-disposition', `${disposition}; filename*=UTF-8''${encodeURIComponent(file.name)}`)
        .send(bytes);
    },
  );

  // Back office.

  const publisher = async (request: Parameters<typeof requireOfficer>[0]) =>
    requirePublisher(db, requireOfficer(request));

  app.get(
    '/api/office/news',
    {
      schema: {
        tags,
        summary: 'Every article with its publication state (culture office, administrators)',
        response: { 200: z.array(editorRow) },
      },
    },
    async (request) => {
      await publisher(request);
      return listForEditor(db);
    },
  );

  app.get(
    '/api/office/news/:id',
    {
      schema: {
        tags,
        summary: 'One article for the editor, with its revisions',
        params: idParams,
        response: { 200: officeArticleSchema },
      },
    },
    async (request) => {
      await publisher(request);
      return getForEditor(db, request.params.id);
    },
  );

  app.post(
    '/api/office/news',
    {
      schema: {
        tags,
        summary: 'Create a draft article (body sanitised with a strict allow-list)',
        body: articleInput,
        response: { 201: savedSchema },
      },
    },
    async (request, reply) => {
      const principal = await publisher(request);
      return reply.status(201).send(saved(await createArticle(db, principal, request.body)));
    },
  );

  app.put(
    '/api/office/news/:id',
    {
      schema: {
        tags,
        summary: 'Save an article (a new revision; 409 when the version is stale)',
        params: idParams,
        body: updateArticleBody,
        response: { 200: savedSchema },
      },
    },
    async (request) => {
      const principal = await publisher(request);
      return saved(await updateArticle(db, principal, request.params.id, request.body));
    },
  );

  app.post(
    '/api/office/news/:id/publish',
    {
      schema: {
        tags,
        summary: 'Publish now or at a later time (scheduled)',
        params: idParams,
        body: publishBody,
        response: { 200: savedSchema },
      },
    },
    async (request) => {
      const principal = await publisher(request);
      return saved(await publishArticle(db, principal, request.params.id, request.body));
    },
  );

  app.post(
    '/api/office/news/:id/unpublish',
    {
      schema: {
        tags,
        summary: 'Take an article off the portal',
        params: idParams,
        body: versionBody,
        response: { 200: savedSchema },
      },
    },
    async (request) => {
      const principal = await publisher(request);
      return saved(await unpublishArticle(db, principal, request.params.id, request.body.version));
    },
  );

  app.post(
    '/api/office/news/categories',
    { schema: { tags, summary: 'Add a category', body: categoryInput, response: { 201: categorySchema } } },
    async (request, reply) => {
      await publisher(request);
      return reply.status(201).send(await createCategory(db, request.body.name));
    },
  );

  app.post(
    '/api/office/news/files',
    {
      schema: {
        tags,
        summary: 'Upload an image (PNG/JPEG) or attachment (PDF/PNG/JPEG) for an article',
        description: 'Multipart, one field `file`; checked by content. `kind=image` refuses a PDF.',
        querystring: z.object({ kind: z.enum(['image', 'attachment']).default('attachment') }),
        response: { 201: articleFileSchema },
      },
    },
    async (request, reply) => {
      const principal = await publisher(request);
      // An image that is not one is refused before it is stored.
      const upload = await receiveUpload(
        request,
        context,
        request.query.kind === 'image'
          ? { accept: ['image/png', 'image/jpeg'], refusal: 'Ảnh minh họa phải là tệp PNG hoặc JPEG.' }
          : undefined,
      );
      return reply.status(201).send(await recordUpload(db, principal, upload));
    },
  );
}
