import net from 'node:net';

// IP allow-lists: CIDR blocks in IPv4 or IPv6; an IPv4 client seen as an IPv4-mapped IPv6 address
// (`::ffff:203.0.113.5`) matches IPv4 blocks.

function bytesOf(address: string): Uint8Array | null {
  const mapped = /^::ffff:(\d+\.\d+\.\d+\.\d+)$/i.exec(address)?.[1];
  const ip = mapped ?? address;
  if (net.isIPv4(ip)) return Uint8Array.from(ip.split('.').map(Number));
  if (!net.isIPv6(ip)) return null;
  const [head = '', tail = ''] = ip.includes('::') ? ip.split('::') : [ip, ''];
  const groups = (s: string) => (s ? s.split(':') : []);
  let h = groups(head);
  let t = groups(tail);
  const v4 = (parts: string[]) => {
    const last = parts.at(-1);
    if (!last?.includes('.')) return parts;
    const b = last.split('.').map(Number);
    return [
      ...parts.slice(0, -1),
      (((b[0] ?? 0) << 8) | (b[1] ?? 0)).toString(16),
      (((b[2] ?? 0) << 8) | (b[3] ?? 0)).toString(16),
    ];
  };
  h = v4(h);
  t = v4(t);
  const all = ip.includes('::') ? [...h, ...Array(8 - h.length - t.length).fill('0'), ...t] : h;
  const out = new Uint8Array(16);
  all.forEach((g, i) => {
    const n = Number.parseInt(g, 16);
    out[i * 2] = n >> 8;
    out[i * 2 + 1] = n & 0xff;
  });
  return out;
}

/** A CIDR block's problem in Vietnamese, or null when it is valid. */
export function cidrProblem(cidr: string): string | null {
  const [ip = '', bits, ...rest] = cidr.trim().split('/');
  const bytes = bytesOf(ip);
  if (!bytes || rest.length > 0) return `«${cidr}» không phải địa chỉ IP hoặc dải CIDR hợp lệ.`;
  if (bits === undefined) return null;
  const n = Number(bits);
  if (!/^\d{1,3}$/.test(bits) || n > bytes.length * 8) return `Độ dài tiền tố của «${cidr}» không hợp lệ.`;
  return null;
}

/** Whether `address` lies within `cidr` (an address without a prefix is a single host). */
export function inCidr(address: string, cidr: string): boolean {
  const [ip = '', bits] = cidr.trim().split('/');
  const a = bytesOf(address);
  const b = bytesOf(ip);
  if (!a || !b || a.length !== b.length) return false;
  const prefix = bits === undefined ? a.length * 8 : Number(bits);
  for (let i = 0; i < a.length; i++) {
    const left = Math.max(0, Math.min(8, prefix - i * 8));
    if (left === 0) return true;
    const mask = (0xff << (8 - left)) & 0xff;
    if (((a[i] ?? 0) & mask) !== ((b[i] ?? 0) & mask)) return false;
  }
  return true;
}

export const allowedAddress = (address: string, cidrs: readonly string[]) =>
  cidrs.some((c) => inCidr(address, c));
