// Demo reform news for the portal: three categories and a few articles. INVENTED for the demonstration — the
// texts are written for this demo, not taken from any official source, and each body says so. Idempotent: rows
// are keyed by their slugs.
import { inArray } from 'drizzle-orm';
import { newsArticles, newsCategories, newsRevisions } from '../modules/news/schema.ts';
import type { Db } from '../platform/db/connect.ts';

const invented = '<p><em>Bài viết minh họa (dữ liệu mẫu của bản trình diễn).</em></p>';

const categories = [
  { slug: 'cai-cach-thu-tuc-hanh-chinh', name: 'Cải cách thủ tục hành chính' },
  { slug: 'chuyen-doi-so', name: 'Chuyển đổi số' },
  { slug: 'dich-vu-cong-truc-tuyen', name: 'Dịch vụ công trực tuyến' },
];

const articles = [
  {
    slug: 'huong-dan-dang-ky-khai-sinh-truc-tuyen',
    kind: 'guide' as const,
    category: 'dich-vu-cong-truc-tuyen',
    title: 'Hướng dẫn đăng ký khai sinh trực tuyến',
    summary:
      'Các bước nộp hồ sơ đăng ký khai sinh trên Cổng dịch vụ công, giấy tờ cần chuẩn bị và cách theo dõi kết quả.',
    bodyHtml:
      '<h2>Chuẩn bị</h2><ul><li>Giấy chứng sinh (bản chụp hoặc bản điện tử)</li><li>Căn cước công dân của người đi đăng ký</li></ul>' +
      '<h2>Các bước</h2><ol><li>Đăng nhập Cổng dịch vụ công và chọn thủ tục đăng ký khai sinh.</li>' +
      '<li>Điền tờ khai, tải lên giấy tờ và nộp hồ sơ.</li><li>Theo dõi hồ sơ bằng mã hồ sơ trên biên nhận.</li></ol>',
    procedureCodes: ['1.001193'],
    daysAgo: 2,
  },
  {
    slug: 'phuong-vi-thanh-tiep-nhan-ho-so-ngoai-gio',
    kind: 'announcement' as const,
    category: 'cai-cach-thu-tuc-hanh-chinh',
    title: 'Phường Vị Thanh tiếp nhận hồ sơ vào sáng thứ Bảy',
    summary: 'Trung tâm Phục vụ hành chính công phường Vị Thanh tiếp nhận hồ sơ vào sáng thứ Bảy hằng tuần.',
    bodyHtml:
      '<p>Từ tháng này, <strong>Trung tâm Phục vụ hành chính công phường Vị Thanh</strong> tiếp nhận và trả kết quả hồ sơ từ 7 giờ đến 11 giờ sáng thứ Bảy.</p>',
    procedureCodes: [],
    daysAgo: 5,
  },
  {
    slug: 'ket-qua-so-hoa-ho-so-nam-nay',
    kind: 'news' as const,
    category: 'chuyen-doi-so',
    title: 'Kết quả số hóa hồ sơ, kết quả giải quyết thủ tục hành chính',
    summary: 'Tỷ lệ hồ sơ được số hóa khi tiếp nhận tiếp tục tăng tại các phường, xã.',
    bodyHtml:
      '<p>Các Trung tâm Phục vụ hành chính công đã số hóa phần lớn hồ sơ khi tiếp nhận, giúp người dân không phải nộp lại giấy tờ đã có.</p>',
    procedureCodes: [],
    daysAgo: 9,
  },
];

export async function seedNews(db: Db): Promise<string> {
  await db.insert(newsCategories).values(categories).onConflictDoNothing();
  const rows = await db
    .select()
    .from(newsCategories)
    .where(
      inArray(
        newsCategories.slug,
        categories.map((c) => c.slug),
      ),
    );
  const categoryId = new Map(rows.map((c) => [c.slug, c.id]));
  let added = 0;
  for (const a of articles) {
    const bodyHtml = a.bodyHtml + invented;
    const [inserted] = await db
      .insert(newsArticles)
      .values({
        slug: a.slug,
        kind: a.kind,
        title: a.title,
        summary: a.summary,
        bodyHtml,
        categoryId: categoryId.get(a.category) ?? null,
        procedureCodes: a.procedureCodes,
        status: 'published',
        publishAt: new Date(Date.now() - a.daysAgo * 86_400_000),
      })
      .onConflictDoNothing()
      .returning();
    if (!inserted) continue;
    added++;
    await db.insert(newsRevisions).values({
      articleId: inserted.id,
      version: 1,
      title: a.title,
      summary: a.summary,
      bodyHtml,
      savedByName: 'Dữ liệu mẫu',
    });
  }
  return `Tin tức, hướng dẫn CCHC mẫu (minh họa): thêm ${added}.`;
}
