import { deflateSync } from 'node:zlib';
import sharp from 'sharp';
import { describe, expect, it } from 'vitest';
import { maxImageSide, prepareUpload, UploadRejectedError } from './prepare-upload.ts';

/** Deterministic noise (photos do not compress well either), with a red block in the stored top-left corner. */
function noisyPixels(width: number, height: number, channels: 3 | 4 = 3) {
  const pixels = Buffer.alloc(width * height * channels);
  let state = 2463534242; // xorshift32: incompressible, unlike a plain LCG's bytes
  for (let i = 0; i < pixels.length; i++) {
    state ^= state << 13;
    state ^= state >>> 17;
    state ^= state << 5;
    pixels[i] = state & 0xff;
  }
  for (let y = 0; y < 300; y++) {
    for (let x = 0; x < 300; x++) {
      const at = (y * width + x) * channels;
      pixels.set(channels === 3 ? [255, 0, 0] : [255, 0, 0, 255], at);
    }
  }
  if (channels === 4) for (let i = 3; i < pixels.length; i += 4 * 7) pixels[i] = 0; // some transparent pixels
  return sharp(pixels, { raw: { width, height, channels } });
}

const rejection = (promise: Promise<unknown>) =>
  promise.then(
    () => {
      throw new Error('expected a rejection');
    },
    (error: unknown) => {
      expect(error).toBeInstanceOf(UploadRejectedError);
      return error as UploadRejectedError;
    },
  );

describe('prepareUpload', () => {
  it('shrinks a large photo, turns it upright by its EXIF orientation and strips the metadata', async () => {
    // Stored 3000 × 2000 with orientation 6: shown rotated 90° clockwise, i.e. 2000 wide, 3000 high.
    const photo = await noisyPixels(3000, 2000)
      .jpeg({ quality: 95 })
      .withMetadata({ orientation: 6, exif: { IFD0: { Copyright: 'GPS và máy ảnh' } } })
      .toBuffer();
    expect(photo.length).toBeGreaterThan(1024 * 1024);
    const prepared = await prepareUpload(photo);
    expect(prepared).toMatchObject({ mime: 'image/jpeg', shrunk: true, originalSizeBytes: photo.length });
    expect(prepared.sizeBytes).toBe(prepared.bytes.length);
    expect(prepared.sizeBytes).toBeLessThan(photo.length);
    const meta = await sharp(prepared.bytes).metadata();
    expect([meta.width, meta.height]).toEqual([1333, maxImageSide]);
    expect(meta.orientation).toBeUndefined();
    expect(meta.exif).toBeUndefined();
    // The stored top-left corner is now the top-right one.
    const corner = async (left: number) =>
      (await sharp(prepared.bytes).extract({ left, top: 10, width: 1, height: 1 }).raw().toBuffer()).toJSON()
        .data;
    const [r, g, b] = await corner(1333 - 11);
    expect(r).toBeGreaterThan(200);
    expect(g).toBeLessThan(60);
    expect(b).toBeLessThan(60);
  });

  it('keeps a small PNG byte for byte', async () => {
    const png = await sharp({ create: { width: 400, height: 300, channels: 3, background: '#1f6f43' } })
      .png()
      .toBuffer();
    const prepared = await prepareUpload(png);
    expect(prepared).toMatchObject({ mime: 'image/png', shrunk: false, sizeBytes: png.length });
    expect(prepared.bytes.equals(png)).toBe(true);
  });

  it('keeps a large PNG with transparency as PNG, and turns an opaque photo-like PNG into JPEG', async () => {
    const transparent = await noisyPixels(2200, 1000, 4).png().toBuffer();
    const keptPng = await prepareUpload(transparent);
    expect(keptPng).toMatchObject({ mime: 'image/png', shrunk: true });
    expect((await sharp(keptPng.bytes).metadata()).hasAlpha).toBe(true);

    const opaque = await noisyPixels(2400, 1600).png().toBuffer();
    const asJpeg = await prepareUpload(opaque);
    expect(asJpeg).toMatchObject({ mime: 'image/jpeg', shrunk: true });
    expect(asJpeg.sizeBytes).toBeLessThan(opaque.length / 2);
  });

  it('keeps a flat graphic (a form, a diagram) as PNG when PNG is the smaller', async () => {
    const bars = Array.from(
      { length: 20 },
      (_, i) => `<rect x="248" y="${350 + i * 140}" width="1984" height="28"/>`,
    );
    const page = await sharp({ create: { width: 2480, height: 3508, channels: 3, background: '#ffffff' } })
      .composite([{ input: Buffer.from(`<svg width="2480" height="3508">${bars.join('')}</svg>`) }])
      .png()
      .toBuffer();
    const prepared = await prepareUpload(page);
    // Small already (mostly white): shrunk because it is longer than 2000 px, and it stays PNG.
    expect(prepared).toMatchObject({ mime: 'image/png', shrunk: true });
    expect((await sharp(prepared.bytes).metadata()).height).toBe(maxImageSide);
  });

  it('never returns more bytes than it got', async () => {
    // Over 1 MB but within 2000 px, already compressed harder than the re-encoding would.
    const dense = await noisyPixels(2000, 2000).jpeg({ quality: 60 }).toBuffer();
    expect(dense.length).toBeGreaterThan(1024 * 1024);
    const prepared = await prepareUpload(dense);
    expect(prepared.sizeBytes).toBeLessThanOrEqual(dense.length);
    if (!prepared.shrunk) expect(prepared.bytes.equals(dense)).toBe(true);
  });

  it('passes a PDF through untouched', async () => {
    const pdf = Buffer.from('%PDF-1.7\n1 0 obj << /Type /Catalog >> endobj\n%%EOF\n');
    const prepared = await prepareUpload(pdf);
    expect(prepared).toEqual({
      bytes: pdf,
      mime: 'application/pdf',
      sizeBytes: pdf.length,
      originalSizeBytes: pdf.length,
      shrunk: false,
    });
  });

  it('refuses by content whatever the name says: an executable, a text file, an empty file', async () => {
    const exe = await rejection(prepareUpload(Buffer.from('MZ\x90\x00\x03\x00\x00\x00\x04\x00PE\x00\x00')));
    expect(exe).toMatchObject({ reason: 'type', status: 415, code: 'UNSUPPORTED_MEDIA_TYPE' });
    expect(exe.message).toMatch(/PDF, PNG, JPEG.*theo nội dung tệp/);
    const text = await rejection(prepareUpload(Buffer.from('Đơn đề nghị cấp bản sao — không phải PDF')));
    expect(text).toMatchObject({ reason: 'type', status: 415 });
    const empty = await rejection(prepareUpload(new Uint8Array()));
    expect(empty).toMatchObject({ reason: 'empty', status: 400 });
  });

  it('refuses a truncated or corrupt image cleanly, large or small', async () => {
    const large = await noisyPixels(3000, 2000).jpeg({ quality: 90 }).toBuffer();
    const small = await noisyPixels(600, 400).jpeg({ quality: 90 }).toBuffer();
    for (const jpeg of [large, small]) {
      const truncated = await rejection(prepareUpload(jpeg.subarray(0, Math.floor(jpeg.length / 2))));
      expect(truncated).toMatchObject({ reason: 'corrupt', status: 422 });
      expect(truncated.message).toMatch(/JPEG bị hỏng hoặc không đầy đủ/);
    }
    const headerOnly = Buffer.from('89504e470d0a1a0a0000000d4948445200000001000000010806000000', 'hex');
    expect(await rejection(prepareUpload(headerOnly))).toMatchObject({ reason: 'corrupt', status: 422 });
    const garbage = Buffer.concat([Buffer.from([0xff, 0xd8, 0xff, 0xe0]), Buffer.alloc(5000, 0x41)]);
    expect(await rejection(prepareUpload(garbage))).toMatchObject({ reason: 'corrupt', status: 422 });
  });

  it('refuses to decode an image that declares too many pixels', async () => {
    const bomb = pngHeader(50_000, 50_000);
    const refused = await rejection(prepareUpload(bomb));
    expect(refused).toMatchObject({ reason: 'too-many-pixels', status: 422 });
    expect(refused.message).toMatch(/triệu điểm ảnh/);
  });
});

/** A PNG that declares the given size and holds almost no image data: what a decompression bomb starts with. */
function pngHeader(width: number, height: number) {
  const header = Buffer.alloc(13);
  header.writeUInt32BE(width, 0);
  header.writeUInt32BE(height, 4);
  header.set([8, 2, 0, 0, 0], 8); // 8-bit RGB
  return Buffer.concat([
    Buffer.from('89504e470d0a1a0a', 'hex'),
    chunk('IHDR', header),
    chunk('IDAT', deflateSync(Buffer.alloc(64))),
    chunk('IEND', Buffer.alloc(0)),
  ]);
}

function chunk(type: string, data: Buffer) {
  const body = Buffer.concat([Buffer.from(type, 'latin1'), data]);
  const framed = Buffer.alloc(body.length + 8);
  framed.writeUInt32BE(data.length, 0);
  body.copy(framed, 4);
  framed.writeUInt32BE(crc32(body), body.length + 4);
  return framed;
}

function crc32(bytes: Uint8Array) {
  let crc = 0xffffffff;
  for (const byte of bytes) {
    crc ^= byte;
    for (let k = 0; k < 8; k++) crc = crc & 1 ? (crc >>> 1) ^ 0xedb88320 : crc >>> 1;
  }
  return (crc ^ 0xffffffff) >>> 0;
}
