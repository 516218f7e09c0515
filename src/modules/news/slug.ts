import { foldText } from '../../platform/text/normalize.ts';

/** `Hướng dẫn đăng ký khai sinh trực tuyến` → `huong-dan-dang-ky-khai-sinh-truc-tuyen` (ASCII, at most 100). */
export function slugify(title: string): string {
  const slug = foldText(title)
    .replace(/\./g, ' ')
    .trim()
    .replace(/\s+/g, '-')
    .slice(0, 100)
    .replace(/-+$/, '');
  return slug || 'bai-viet';
}

export const slugPattern = /^[a-z0-9]+(?:-[a-z0-9]+)*$/;

/** The first of `base`, `base-2`, `base-3`, … not yet taken. */
export function uniqueSlug(base: string, taken: ReadonlySet<string>): string {
  if (!taken.has(base)) return base;
  for (let n = 2; ; n++) {
    const candidate = `${base.slice(0, 95)}-${n}`;
    if (!taken.has(candidate)) return candidate;
  }
}
