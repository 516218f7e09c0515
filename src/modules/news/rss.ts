// RSS 2.0 of the published articles (newest first). Pure: the route reads the rows and the site address.

export interface FeedItem {
  title: string;
  slug: string;
  summary: string;
  publishAt: Date;
  kind: string;
  category: string | null;
}

// Control characters other than tab, line feed and carriage return, lone surrogates, U+FFFE and U+FFFF.
const forbiddenInXml = /[^\t\n\r\u0020-\uD7FF\uE000-\uFFFD\u{10000}-\u{10FFFF}]/gu;

/** Escapes text for XML element content and attribute values; drops characters XML 1.0 forbids. */
export function escapeXml(text: string): string {
  return text
    .replace(forbiddenInXml, '')
    .replaceAll('&', '&amp;')
    .replaceAll('<', '&lt;')
    .replaceAll('>', '&gt;')
    .replaceAll('"', '&quot;')
    .replaceAll("'", '&apos;');
}

export function renderRss(site: { baseUrl: string; title: string; description: string }, items: FeedItem[]) {
  const base = site.baseUrl.replace(/\/+$/, '');
  const sorted = [...items].sort((a, b) => b.publishAt.getTime() - a.publishAt.getTime());
  const entries = sorted.map((item) => {
    const link = `${base}/tin-tuc/${encodeURIComponent(item.slug)}`;
    return [
      '    <item>',
      `      <title>${escapeXml(item.title)}</title>`,
      `      <link>${escapeXml(link)}</link>`,
      `      <guid isPermaLink="true">${escapeXml(link)}</guid>`,
      `      <description>${escapeXml(item.summary)}</description>`,
      ...(item.category ? [`      <category>${escapeXml(item.category)}</category>`] : []),
      `      <pubDate>${item.publishAt.toUTCString()}</pubDate>`,
      '    </item>',
    ].join('\n');
  });
  return [
    '<?xml version="1.0" encoding="UTF-8"?>',
    '<rss version="2.0" xmlns:atom="http://www.w3.org/2005/Atom">',
    '  <channel>',
    `    <title>${escapeXml(site.title)}</title>`,
    `    <link>${escapeXml(`${base}/tin-tuc`)}</link>`,
    `    <description>${escapeXml(site.description)}</description>`,
    '    <language>vi</language>',
    `    <atom:link href="${escapeXml(`${base}/api/news/rss.xml`)}" rel="self" type="application/rss+xml"/>`,
    ...(sorted[0] ? [`    <lastBuildDate>${sorted[0].publishAt.toUTCString()}</lastBuildDate>`] : []),
    ...entries,
    '  </channel>',
    '</rss>',
    '',
  ].join('\n');
}
