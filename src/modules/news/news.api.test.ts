import { createHash } from 'node:crypto';
import fs from 'node:fs';
import { count, eq, sql } from 'drizzle-orm';
import { beforeAll, describe, expect, it } from 'vitest';
import { useTestApp } from '../../testing/test-app.ts';
import { testDatabaseKinds } from '../../testing/test-db.ts';
import { newsArticles, newsRevisions } from './schema.ts';

const CULTURE = 'vanhoa@demo.motcua.vn';
const ADMIN = 'quantri@demo.motcua.vn';
const WARD_HEAD = 'truongphong.vithanh@demo.motcua.vn';
const CITIZEN = 'congdan@demo.motcua.vn';
const PROCEDURE = '1.001193';

const pngBytes = Buffer.from(
  'iVBORw0KGgoAAAANSUhEUgAAAAEAAAABCAYAAAAfFcSJAAAADUlEQVR42mP8z8BQDwAEhQGAhKmMIQAAAABJRU5ErkJggg==',
  'base64',
);
const pdfBytes = Buffer.from('%PDF-1.4\n1 0 obj<<>>endobj\ntrailer<<>>\n%%EOF\n');
const multipart = (filename: string, type: string, bytes: Buffer) => ({
  headers: { 'content-type': 'multipart/form-data; boundary=XYZ' },
  payload: Buffer.concat([
    Buffer.from(
      `--XYZ\r\nContent-Disposition: form-data; name="file"; filename="${filename}"\r\nContent-Type: ${type}\r\n\r\n`,
    ),
    bytes,
    Buffer.from('\r\n--XYZ--\r\n'),
  ]),
});

describe.each(testDatabaseKinds())('news on %s', (kind) => {
  const t = useTestApp(kind);
  const cookies: Record<string, string> = {};
  const countArticles = async () =>
    (await t.database.db.select({ n: count() }).from(newsArticles))[0]?.n ?? 0;

  beforeAll(async () => {
    cookies.culture = await t.login(CULTURE);
    cookies.admin = await t.login(ADMIN);
    cookies.ward = await t.login(WARD_HEAD);
    cookies.citizen = await t.login(CITIZEN);
  });

  const draft = (over: Record<string, unknown> = {}) => ({
    kind: 'guide',
    title: 'Hướng dẫn nộp hồ sơ khai sinh qua mạng',
    summary: 'Ba bước nộp hồ sơ.',
    bodyHtml:
      '<p>Bước 1 <script>alert(1)</script><a href="javascript:alert(1)" onclick="x()">liên kết</a></p>',
    procedureCodes: [PROCEDURE],
    ...over,
  });

  it('the portal lists the seeded articles and the feed without signing in', async () => {
    const list = await t.request({ method: 'GET', url: '/api/news' });
    expect(list.statusCode).toBe(200);
    expect(list.json().total).toBeGreaterThanOrEqual(3);
    const rss = await t.request({ method: 'GET', url: '/api/news/rss.xml' });
    expect(rss.statusCode).toBe(200);
    expect(rss.headers['content-type']).toContain('application/rss+xml');
    expect(rss.body).toContain('<rss version="2.0"');
  });

  it('only the culture office and administrators reach the editor', async () => {
    for (const cookie of [cookies.ward, cookies.citizen]) {
      expect((await t.request({ method: 'GET', url: '/api/office/news', cookie })).statusCode).toBe(403);
      const r = await t.request({ method: 'POST', url: '/api/office/news', cookie, payload: draft() });
      expect(r.statusCode).toBe(403);
    }
    expect((await t.request({ method: 'GET', url: '/api/office/news' })).statusCode).toBe(401);
    expect(
      (await t.request({ method: 'GET', url: '/api/office/news', cookie: cookies.admin })).statusCode,
    ).toBe(200);
  });

  it('refuses bad input in Vietnamese and writes nothing', async () => {
    const before = await countArticles();
    for (const payload of [
      draft({ title: 'ab' }),
      draft({ kind: 'blog' }),
      draft({ bodyHtml: '<script>alert(1)</script>' }),
      draft({ procedureCodes: ['9.999999'] }),
      draft({ slug: 'Có Dấu' }),
      draft({
        attachments: [{ fileId: 'f'.repeat(64), name: 'x.pdf', mime: 'application/pdf', sizeBytes: 1 }],
      }),
    ]) {
      const r = await t.request({
        method: 'POST',
        url: '/api/office/news',
        cookie: cookies.culture,
        payload,
      });
      expect(r.statusCode, r.body).toBe(400);
      expect(r.json().error.message).toMatch(/[ạảãáàâấầẩẫậăắằẳẵặêếềểễệôốồổỗộơớờởỡợưứừửữựđ]/i);
    }
    expect(await countArticles()).toBe(before);
  });

  it('sanitises, schedules by the database clock, unpublishes, keeps revisions and refuses stale versions', async () => {
    const created = await t.request({
      method: 'POST',
      url: '/api/office/news',
      cookie: cookies.culture,
      payload: draft(),
    });
    expect(created.statusCode, created.body).toBe(201);
    const { id, slug, version } = created.json();
    expect(slug).toBe('huong-dan-nop-ho-so-khai-sinh-qua-mang');
    const stored = (await t.database.db.select().from(newsArticles).where(eq(newsArticles.id, id)))[0];
    expect(stored?.bodyHtml).not.toMatch(/script|javascript|onclick/);

    // A draft is not public.
    expect((await t.request({ method: 'GET', url: `/api/news/articles/${slug}` })).statusCode).toBe(404);

    const future = new Date(Date.now() + 3_600_000).toISOString();
    const scheduled = await t.request({
      method: 'POST',
      url: `/api/office/news/${id}/publish`,
      cookie: cookies.culture,
      payload: { version, publishAt: future },
    });
    expect(scheduled.statusCode, scheduled.body).toBe(200);
    const guides = async () =>
      (await t.request({ method: 'GET', url: `/api/news/procedures/${PROCEDURE}` })).json() as {
        slug: string;
      }[];
    expect((await t.request({ method: 'GET', url: `/api/news/articles/${slug}` })).statusCode).toBe(404);
    expect((await guides()).some((g) => g.slug === slug)).toBe(false);
    expect((await t.request({ method: 'GET', url: '/api/news/rss.xml' })).body).not.toContain(slug);
    const editor = await t.request({ method: 'GET', url: `/api/office/news/${id}`, cookie: cookies.culture });
    expect(editor.json().state).toBe('scheduled');

    // The publication time passes: move it into the past on the database clock.
    await t.database.db
      .update(newsArticles)
      .set({ publishAt: sql`now() - interval '1 minute'` })
      .where(eq(newsArticles.id, id));
    const page = await t.request({ method: 'GET', url: `/api/news/articles/${slug}` });
    expect(page.statusCode).toBe(200);
    expect(page.json().procedures).toEqual([{ code: PROCEDURE, name: expect.any(String) }]);
    expect((await guides()).some((g) => g.slug === slug)).toBe(true);
    const rss = (await t.request({ method: 'GET', url: '/api/news/rss.xml' })).body;
    expect(rss.indexOf(slug)).toBeGreaterThan(-1);
    expect(rss.indexOf(slug)).toBeLessThan(rss.indexOf('huong-dan-dang-ky-khai-sinh-truc-tuyen'));

    // Edit: a new revision; the old version number is refused.
    const v2 = scheduled.json().version;
    const edited = await t.request({
      method: 'PUT',
      url: `/api/office/news/${id}`,
      cookie: cookies.culture,
      payload: { ...draft({ summary: 'Bốn bước.' }), version: v2 },
    });
    expect(edited.statusCode, edited.body).toBe(200);
    const stale = await t.request({
      method: 'PUT',
      url: `/api/office/news/${id}`,
      cookie: cookies.admin,
      payload: { ...draft({ summary: 'Cũ' }), version: v2 },
    });
    expect(stale.statusCode).toBe(409);
    const revisions = await t.database.db.select().from(newsRevisions).where(eq(newsRevisions.articleId, id));
    expect(revisions.map((r) => r.summary).sort()).toEqual([draft().summary, 'Bốn bước.'].sort());

    const off = await t.request({
      method: 'POST',
      url: `/api/office/news/${id}/unpublish`,
      cookie: cookies.culture,
      payload: { version: edited.json().version },
    });
    expect(off.statusCode).toBe(200);
    expect((await t.request({ method: 'GET', url: `/api/news/articles/${slug}` })).statusCode).toBe(404);
    expect((await guides()).some((g) => g.slug === slug)).toBe(false);
    expect((await t.request({ method: 'GET', url: '/api/news/rss.xml' })).body).not.toContain(slug);
  });

  it('checks uploads by content; the public gets only files of visible articles', async () => {
    const fake = await t.request({
      method: 'POST',
      url: '/api/office/news/files?kind=image',
      cookie: cookies.culture,
      ...multipart('anh.png', 'image/png', Buffer.from('<html><script>alert(1)</script></html>')),
    });
    expect(fake.statusCode).toBe(415);
    const pdfAsImage = await t.request({
      method: 'POST',
      url: '/api/office/news/files?kind=image',
      cookie: cookies.culture,
      ...multipart('anh.pdf', 'application/pdf', pdfBytes),
    });
    expect(pdfAsImage.statusCode).toBe(415);
    // Refused before it is stored: the file store holds no copy of it.
    const storedNames = fs.readdirSync(t.filesDir, { recursive: true }).map(String);
    const pdfId = createHash('sha256').update(pdfBytes).digest('hex');
    expect(storedNames.some((n) => n.includes(pdfId))).toBe(false);
    const outsider = await t.request({
      method: 'POST',
      url: '/api/office/news/files?kind=image',
      cookie: cookies.ward,
      ...multipart('anh.png', 'image/png', pngBytes),
    });
    expect(outsider.statusCode).toBe(403);
    const image = await t.request({
      method: 'POST',
      url: '/api/office/news/files?kind=image',
      cookie: cookies.culture,
      ...multipart('anh.png', 'image/png', pngBytes),
    });
    expect(image.statusCode, image.body).toBe(201);
    const { fileId } = image.json();
    expect((await t.request({ method: 'GET', url: `/api/news/files/${fileId}` })).statusCode).toBe(404);
    expect(
      (await t.request({ method: 'GET', url: `/api/news/files/${fileId}`, cookie: cookies.culture }))
        .statusCode,
    ).toBe(200);
    const created = await t.request({
      method: 'POST',
      url: '/api/office/news',
      cookie: cookies.culture,
      payload: draft({
        title: 'Tin có ảnh minh họa',
        bodyHtml: `<p>Ảnh</p><img src="/api/news/files/${fileId}" alt="ảnh"><img src="https://evil.example/x.png">`,
        procedureCodes: [],
      }),
    });
    expect(created.statusCode, created.body).toBe(201);
    await t.request({
      method: 'POST',
      url: `/api/office/news/${created.json().id}/publish`,
      cookie: cookies.culture,
      payload: { version: created.json().version },
    });
    const file = await t.request({ method: 'GET', url: `/api/news/files/${fileId}` });
    expect(file.statusCode).toBe(200);
    expect(file.headers['content-type']).toBe('image/png');
    const page = await t.request({ method: 'GET', url: `/api/news/articles/${created.json().slug}` });
    expect(page.json().bodyHtml).not.toContain('evil.example');
  });
});
