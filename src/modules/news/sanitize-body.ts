import sanitizeHtml from 'sanitize-html';

// The article body is stored only after this allow-list: headings, paragraphs, emphasis, lists, quotes, simple
// tables, links (http, https, mailto, tel or a path on this site) and images served by this module. Everything
// else — scripts, styles, event handlers, iframes, forms, `javascript:`/`data:` URLs, classes and inline styles —
// is removed, so the portal can render the stored HTML as it is.

/** Images in a body must be files uploaded through the editor (GET /api/news/files/<sha256>). */
export const articleImagePath = /^\/api\/news\/files\/[0-9a-f]{64}$/;

const options: sanitizeHtml.IOptions = {
  allowedTags: [
    'p',
    'br',
    'h2',
    'h3',
    'h4',
    'strong',
    'b',
    'em',
    'i',
    'u',
    's',
    'ul',
    'ol',
    'li',
    'blockquote',
    'a',
    'img',
    'figure',
    'figcaption',
    'table',
    'thead',
    'tbody',
    'tr',
    'th',
    'td',
    'hr',
  ],
  allowedAttributes: {
    a: ['href', 'title', 'rel'],
    img: ['src', 'alt', 'width', 'height'],
    th: ['colspan', 'rowspan'],
    td: ['colspan', 'rowspan'],
  },
  allowedSchemes: ['http', 'https', 'mailto', 'tel'],
  allowedSchemesByTag: { img: [] },
  allowProtocolRelative: false,
  disallowedTagsMode: 'discard',
  // h1 is the article's title on the page; a body heading starts at h2.
  transformTags: {
    h1: 'h2',
    a: (tagName, attribs) => ({
      tagName,
      attribs: { ...attribs, rel: 'noopener noreferrer nofollow' },
    }),
  },
  exclusiveFilter: (frame) => frame.tag === 'img' && !articleImagePath.test(frame.attribs.src ?? ''),
};

/** The safe subset of an article body; also trims and drops empty paragraphs left by the editor. */
export function sanitizeBody(html: string): string {
  return sanitizeHtml(html, options)
    .replace(/<p>(\s|&nbsp;|<br \/>)*<\/p>/g, '')
    .trim();
}

/** The file ids of the images a (sanitised) body shows. */
export function bodyImageIds(html: string): string[] {
  return [...html.matchAll(/src="\/api\/news\/files\/([0-9a-f]{64})"/g)].map((m) => m[1] as string);
}

/** Plain text of a body (for summaries and feeds). */
export const bodyText = (html: string) =>
  sanitizeHtml(html, { allowedTags: [], allowedAttributes: {} }).replace(/\s+/g, ' ').trim();
