import { PassThrough } from 'node:stream';
import { describe, expect, it } from 'vitest';
import { CorruptArchiveError, readTar, TarWriter } from './tar.ts';

async function archive(entries: { name: string; data: Buffer }[]): Promise<Buffer> {
  const out = new PassThrough();
  const chunks: Buffer[] = [];
  out.on('data', (c: Buffer) => chunks.push(c));
  const tar = new TarWriter(out);
  for (const e of entries) await tar.add(e.name, e.data);
  await tar.finish();
  out.end();
  return Buffer.concat(chunks);
}

async function* inChunks(bytes: Buffer, size: number) {
  for (let i = 0; i < bytes.length; i += size) yield bytes.subarray(i, i + size);
}

async function read(bytes: Buffer, chunk = 7) {
  const out = [];
  for await (const entry of readTar(inChunks(bytes, chunk))) out.push(entry);
  return out;
}

describe('tar', () => {
  const entries = [
    { name: 'tables/dossiers/000001.jsonl', data: Buffer.from('{"a":"Nguyễn"}\n') },
    { name: 'empty', data: Buffer.alloc(0) },
    { name: `files/${'a'.repeat(64)}`, data: Buffer.alloc(1025, 0xab) },
    { name: 'exact', data: Buffer.alloc(512, 1) },
  ];

  it('reads back what it wrote, whatever the chunking', async () => {
    const bytes = await archive(entries);
    expect(bytes.length % 512).toBe(0);
    for (const chunk of [1, 7, 512, 100_000]) expect(await read(bytes, chunk)).toEqual(entries);
  });

  it('reports a damaged header or a truncated archive', async () => {
    const bytes = await archive(entries);
    const damaged = Buffer.from(bytes);
    damaged[3] = 0x41;
    await expect(read(damaged)).rejects.toBeInstanceOf(CorruptArchiveError);
    await expect(read(bytes.subarray(0, 700))).rejects.toBeInstanceOf(CorruptArchiveError);
  });
});
