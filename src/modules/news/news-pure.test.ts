import { describe, expect, it } from 'vitest';
import { escapeXml, renderRss } from './rss.ts';
import { bodyImageIds, sanitizeBody } from './sanitize-body.ts';
import { slugify, uniqueSlug } from './slug.ts';
import { isVisible, publicationState } from './visibility.ts';

const image = `/api/news/files/${'a'.repeat(64)}`;

describe('sanitizeBody', () => {
  it('keeps the editor subset', () => {
    const html = `<h2>Bước 1</h2><p><strong>Đậm</strong> <em>nghiêng</em></p><ul><li>một</li></ul><ol><li>hai</li></ol><p><a href="https://dichvucong.gov.vn">DVC</a></p><p><img src="${image}" alt="Ảnh"></p>`;
    const clean = sanitizeBody(html);
    expect(clean).toContain('<h2>Bước 1</h2>');
    expect(clean).toContain('<strong>Đậm</strong>');
    expect(clean).toContain('<ul><li>một</li></ul>');
    expect(clean).toContain('href="https://dichvucong.gov.vn" rel="noopener noreferrer nofollow"');
    expect(clean).toContain(`<img src="${image}" alt="Ảnh" />`);
    expect(bodyImageIds(clean)).toEqual(['a'.repeat(64)]);
  });

  const hostile: [string, string][] = [
    ['script element', '<p>a</p><script>alert(1)</script>'],
    ['script in svg', '<svg><script>alert(1)</script></svg>'],
    ['event handler', '<p onclick="alert(1)" onmouseover=alert(1)>a</p>'],
    ['img onerror', `<img src="${image}" onerror="alert(1)">`],
    ['javascript: link', '<a href="javascript:alert(1)">x</a>'],
    ['obfuscated javascript: link', '<a href="  JaVaScRiPt&#58;alert(1)">x</a>'],
    ['tab inside javascript:', '<a href="java\tscript:alert(1)">x</a>'],
    [
      'entity-encoded javascript:',
      '<a href="&#106;&#97;&#118;&#97;&#115;&#99;&#114;&#105;&#112;&#116;&#58;alert(1)">x</a>',
    ],
    ['data: link', '<a href="data:text/html;base64,PHNjcmlwdD5hbGVydCgxKTwvc2NyaXB0Pg==">x</a>'],
    ['vbscript: link', '<a href="vbscript:msgbox(1)">x</a>'],
    ['external image', '<img src="https://evil.example/x.png">'],
    ['javascript image', '<img src="javascript:alert(1)">'],
    ['iframe', '<iframe src="https://evil.example"></iframe>'],
    [
      'style element and attribute',
      '<style>body{display:none}</style><p style="background:url(javascript:alert(1))">a</p>',
    ],
    ['form', '<form action="https://evil.example"><input name="a"><button>x</button></form>'],
    ['object/embed', '<object data="x.swf"></object><embed src="x.swf">'],
    ['meta refresh', '<meta http-equiv="refresh" content="0;url=javascript:alert(1)">'],
    ['broken markup', '<p><a href="javascript:alert(1)"<b>x</p>'],
    ['comment trick', '<!--<img src=x onerror=alert(1)>-->'],
    ['protocol-relative', '<a href="//evil.example">x</a>'],
  ];
  it.each(hostile)('removes %s', (_name, html) => {
    const clean = sanitizeBody(html).toLowerCase();
    expect(clean).not.toMatch(/<script|<svg|<iframe|<style|<form|<input|<object|<embed|<meta/);
    expect(clean).not.toMatch(/\son[a-z]+=/);
    expect(clean).not.toMatch(/javascript:|vbscript:|data:|style=|evil\.example/);
  });

  it('turns h1 into h2 and drops empty paragraphs', () => {
    expect(sanitizeBody('<h1>T</h1><p> </p><p><br></p>')).toBe('<h2>T</h2>');
  });
});

describe('slugify', () => {
  it('folds Vietnamese titles', () => {
    expect(slugify('Hướng dẫn đăng ký khai sinh trực tuyến')).toBe('huong-dan-dang-ky-khai-sinh-truc-tuyen');
    expect(slugify('Đường Đông: 1.001612 — mới!')).toBe('duong-dong-1-001612-moi');
    expect(slugify('!!!')).toBe('bai-viet');
    expect(slugify('a '.repeat(200)).length).toBeLessThanOrEqual(100);
  });
  it('numbers a taken slug', () => {
    expect(uniqueSlug('a', new Set())).toBe('a');
    expect(uniqueSlug('a', new Set(['a', 'a-2']))).toBe('a-3');
  });
});

describe('visibility', () => {
  const now = new Date('2026-12-07T10:00:00Z');
  it('shows published articles only from their time', () => {
    expect(isVisible({ status: 'published', publishAt: new Date('2026-12-07T09:59:59Z') }, now)).toBe(true);
    expect(isVisible({ status: 'published', publishAt: new Date('2026-12-07T10:00:01Z') }, now)).toBe(false);
    expect(isVisible({ status: 'unpublished', publishAt: new Date('2026-01-01T00:00:00Z') }, now)).toBe(
      false,
    );
    expect(isVisible({ status: 'draft', publishAt: null }, now)).toBe(false);
    expect(publicationState({ status: 'published', publishAt: new Date('2027-01-01T00:00:00Z') }, now)).toBe(
      'scheduled',
    );
  });
});

describe('renderRss', () => {
  it('escapes, orders newest first and is RSS 2.0', () => {
    const xml = renderRss({ baseUrl: 'https://motcua.example/', title: 'Tin <CCHC>', description: 'd & e' }, [
      {
        title: 'Cũ',
        slug: 'cu',
        summary: 's',
        publishAt: new Date('2026-01-01T00:00:00Z'),
        kind: 'news',
        category: null,
      },
      {
        title: 'Mới <b>&</b> "x"',
        slug: 'moi',
        summary: '<script>alert(1)</script>\u0001',
        publishAt: new Date('2026-02-01T00:00:00Z'),
        kind: 'guide',
        category: 'Hướng dẫn',
      },
    ]);
    expect(xml.startsWith('<?xml version="1.0" encoding="UTF-8"?>\n<rss version="2.0"')).toBe(true);
    expect(xml).toContain('<title>Tin &lt;CCHC&gt;</title>');
    expect(xml).toContain('<title>Mới &lt;b&gt;&amp;&lt;/b&gt; &quot;x&quot;</title>');
    expect(xml).toContain('&lt;script&gt;alert(1)&lt;/script&gt;</description>');
    expect(xml).not.toContain('\u0001');
    expect(xml.indexOf('<link>https://motcua.example/tin-tuc/moi</link>')).toBeLessThan(
      xml.indexOf('<link>https://motcua.example/tin-tuc/cu</link>'),
    );
    expect(xml).toContain('<pubDate>Sun, 01 Feb 2026 00:00:00 GMT</pubDate>');
    expect(escapeXml("a'b")).toBe('a&apos;b');
  });
});
