import { once } from 'node:events';
import type { Writable } from 'node:stream';

/**
 * A minimal ustar writer and streaming reader: regular files only, names up to 100 bytes. Enough for backup
 * archives, whose entry names we choose ourselves; any other entry, a bad header checksum or a truncated stream
 * is reported as a corrupt archive.
 */
export class CorruptArchiveError extends Error {}

const BLOCK = 512;

function octal(value: number, width: number): string {
  return `${value.toString(8).padStart(width - 1, '0')}\0`;
}

function header(name: string, size: number, mtime: number): Buffer {
  const nameBytes = Buffer.from(name, 'utf8');
  if (nameBytes.length > 100) throw new Error(`tar entry name too long: ${name}`);
  const h = Buffer.alloc(BLOCK);
  nameBytes.copy(h, 0);
  h.write(octal(0o644, 8), 100, 'ascii');
  h.write(octal(0, 8), 108, 'ascii');
  h.write(octal(0, 8), 116, 'ascii');
  h.write(octal(size, 12), 124, 'ascii');
  h.write(octal(mtime, 12), 136, 'ascii');
  h.write('        ', 148, 'ascii');
  h.write('0', 156, 'ascii');
  h.write('ustar\u000000', 257, 'ascii');
  let sum = 0;
  for (const byte of h) sum += byte;
  h.write(`${sum.toString(8).padStart(6, '0')}\0 `, 148, 'ascii');
  return h;
}

export class TarWriter {
  private readonly mtime = Math.floor(Date.now() / 1000);
  constructor(private readonly out: Writable) {}

  private async write(chunk: Buffer) {
    if (!this.out.write(chunk)) await once(this.out, 'drain');
  }

  async add(name: string, data: Buffer): Promise<void> {
    await this.write(header(name, data.length, this.mtime));
    await this.write(data);
    const pad = (BLOCK - (data.length % BLOCK)) % BLOCK;
    if (pad) await this.write(Buffer.alloc(pad));
  }

  /** Writes the two zero blocks that end an archive; the caller ends the stream. */
  async finish(): Promise<void> {
    await this.write(Buffer.alloc(BLOCK * 2));
  }
}

export interface TarEntry {
  name: string;
  data: Buffer;
}

/** Reads entries one by one from a stream (each entry's content is held in memory, the archive is not). */
export async function* readTar(input: AsyncIterable<Buffer | string>): AsyncGenerator<TarEntry> {
  const iterator = input[Symbol.asyncIterator]();
  let chunks: Buffer[] = [];
  let buffered = 0;
  const take = async (n: number): Promise<Buffer> => {
    while (buffered < n) {
      const next = await iterator.next();
      if (next.done) throw new CorruptArchiveError('archive ends in the middle of an entry');
      const chunk = typeof next.value === 'string' ? Buffer.from(next.value) : next.value;
      chunks.push(chunk);
      buffered += chunk.length;
    }
    const all = chunks.length === 1 ? (chunks[0] as Buffer) : Buffer.concat(chunks);
    const out = all.subarray(0, n);
    const rest = all.subarray(n);
    chunks = rest.length ? [rest] : [];
    buffered = rest.length;
    return out;
  };
  for (;;) {
    const h = await take(BLOCK);
    if (h.every((byte) => byte === 0)) return;
    let sum = 0;
    for (let i = 0; i < BLOCK; i++) sum += i >= 148 && i < 156 ? 32 : (h[i] as number);
    const stored = Number.parseInt(h.subarray(148, 156).toString('ascii').replace(/\0.*$/s, '').trim(), 8);
    if (stored !== sum) throw new CorruptArchiveError('bad tar header checksum');
    const type = String.fromCharCode(h[156] as number);
    if (type !== '0' && type !== '\0') throw new CorruptArchiveError(`unexpected tar entry type ${type}`);
    const name = h.subarray(0, 100).toString('utf8').replace(/\0.*$/s, '');
    const size = Number.parseInt(h.subarray(124, 136).toString('ascii').replace(/\0.*$/s, '').trim(), 8);
    if (!Number.isSafeInteger(size) || size < 0) throw new CorruptArchiveError('bad tar entry size');
    const data = Buffer.from(await take(size));
    const pad = (BLOCK - (size % BLOCK)) % BLOCK;
    if (pad) await take(pad);
    yield { name, data };
  }
}
