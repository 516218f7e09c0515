import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { detectFileType } from './detect-type.ts';
import { contentHash, FileNotFoundError, LocalFileStore } from './file-store.ts';

describe('detectFileType', () => {
  it('recognises PDF, PNG and JPEG by content, whatever the name says', () => {
    expect(detectFileType(Buffer.from('%PDF-1.7\n...'))).toBe('application/pdf');
    expect(detectFileType(Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a, 0]))).toBe(
      'image/png',
    );
    expect(detectFileType(Buffer.from([0xff, 0xd8, 0xff, 0xe0]))).toBe('image/jpeg');
  });

  it('refuses anything else, including executables and HTML disguised as documents', () => {
    expect(detectFileType(Buffer.from('MZ\x90\x00'))).toBeNull();
    expect(detectFileType(Buffer.from('<html><script>'))).toBeNull();
    expect(detectFileType(Buffer.from('%PD'))).toBeNull();
    expect(detectFileType(new Uint8Array())).toBeNull();
  });
});

describe('LocalFileStore', () => {
  it('stores by content hash, once, and reads back the same bytes', async () => {
    const root = fs.mkdtempSync(path.join(os.tmpdir(), 'motcua-files-'));
    const store = new LocalFileStore(root);
    const bytes = Buffer.from('%PDF-1.4 kết quả giải quyết');
    expect(await store.exists(contentHash(bytes))).toBe(false);
    const first = await store.put(bytes);
    const second = await store.put(bytes);
    expect(first).toBe(second);
    expect(first).toMatch(/^[0-9a-f]{64}$/);
    expect(await store.get(first)).toEqual(bytes);
    expect(await store.exists(first)).toBe(true);
    await expect(store.get(contentHash(Buffer.from('x')))).rejects.toBeInstanceOf(FileNotFoundError);
    const files = fs.readdirSync(path.join(root, first.slice(0, 2), first.slice(2, 4)));
    expect(files).toEqual([first]); // no temporary files left behind
    await expect(store.get('../../etc/passwd')).rejects.toThrow(/invalid/);
    fs.rmSync(root, { recursive: true, force: true });
  });
});
