import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import fastifyMultipart from '@fastify/multipart';
import Fastify, { type FastifyInstance } from 'fastify';
import sharp from 'sharp';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { registerErrorHandler } from '../http/errors.ts';
import { LocalFileStore } from './file-store.ts';
import { receiveUpload, uploadName } from './receive-upload.ts';
import { assertDossierSizeWithin } from './upload-limits.ts';

const multipart = (filename: string, bytes: Buffer) => ({
  headers: { 'content-type': 'multipart/form-data; boundary=XYZ' },
  payload: Buffer.concat([
    Buffer.from(
      `--XYZ\r\nContent-Disposition: form-data; name="file"; filename="${filename}"\r\nContent-Type: application/octet-stream\r\n\r\n`,
    ),
    bytes,
    Buffer.from('\r\n--XYZ--\r\n'),
  ]),
});

describe('receiveUpload', () => {
  let root: string;
  let app: FastifyInstance;
  const storedFiles = () => (fs.existsSync(root) ? fs.readdirSync(root, { recursive: true }) : []);

  beforeAll(async () => {
    root = fs.mkdtempSync(path.join(os.tmpdir(), 'motcua-upload-'));
    const files = new LocalFileStore(root);
    app = Fastify({ logger: false });
    registerErrorHandler(app);
    await app.register(fastifyMultipart);
    const uploadLimits = { maxFileBytes: 1024 * 1024, maxDossierBytes: 5 * 1024 * 1024 };
    app.post('/upload', async (request, reply) =>
      reply.status(201).send(await receiveUpload(request, { files, uploadLimits })),
    );
  });

  afterAll(async () => {
    await app?.close();
    if (root) fs.rmSync(root, { recursive: true, force: true });
  });

  it('stores a checked file and answers what the caller attaches', async () => {
    const pdf = Buffer.from('%PDF-1.4 tờ khai');
    const response = await app.inject({
      method: 'POST',
      url: '/upload',
      ...multipart('C:\\hồ sơ\\Tờ khai.PDF', pdf),
    });
    expect(response.statusCode, response.body).toBe(201);
    expect(response.json()).toEqual({
      fileId: expect.stringMatching(/^[0-9a-f]{64}$/),
      mime: 'application/pdf',
      sizeBytes: pdf.length,
      originalSizeBytes: pdf.length,
      name: 'Tờ khai.pdf',
      shrunk: false,
    });
    expect((await new LocalFileStore(root).get(response.json().fileId)).equals(pdf)).toBe(true);
  });

  it('refuses a file over the limit while it streams in, storing nothing (413)', async () => {
    const before = storedFiles().length;
    const big = Buffer.concat([Buffer.from('%PDF-1.4 '), Buffer.alloc(1024 * 1024 + 1, 0x20)]);
    const response = await app.inject({ method: 'POST', url: '/upload', ...multipart('lon.pdf', big) });
    expect(response.statusCode).toBe(413);
    expect(response.json().error).toMatchObject({ code: 'PAYLOAD_TOO_LARGE' });
    expect(response.json().error.message).toMatch(/Tệp quá lớn: mỗi tệp tối đa 1 MB/);
    expect(storedFiles().length).toBe(before);
  });

  it('answers 415 for a disguised file, 422 for a corrupt image, 400 without a file', async () => {
    const exe = await app.inject({
      method: 'POST',
      url: '/upload',
      ...multipart('giay-to.pdf', Buffer.from('MZ\x90')),
    });
    expect(exe.statusCode).toBe(415);
    expect(exe.json().error.message).toMatch(/PDF, PNG, JPEG/);
    const jpeg = await sharp({ create: { width: 300, height: 200, channels: 3, background: '#888' } })
      .jpeg()
      .toBuffer();
    const broken = await app.inject({
      method: 'POST',
      url: '/upload',
      ...multipart('anh.jpg', jpeg.subarray(0, jpeg.length - 200)),
    });
    expect(broken.statusCode).toBe(422);
    expect(broken.json().error.message).toMatch(/bị hỏng/);
    const none = await app.inject({ method: 'POST', url: '/upload', payload: { file: 'x' } });
    expect(none.statusCode).toBe(400);
  });

  it('names the file after the stored type', () => {
    expect(uploadName('scan.png', 'image/jpeg')).toBe('scan.jpg');
    expect(uploadName('anh.JPEG', 'image/jpeg')).toBe('anh.jpeg');
    expect(uploadName('../../etc/passwd', 'application/pdf')).toBe('passwd.pdf');
    expect(uploadName('chuong-trinh.exe', 'application/pdf')).toBe('chuong-trinh.exe.pdf');
    expect(uploadName('Giấy khai sinh.pdf'.normalize('NFD'), 'application/pdf')).toBe('Giấy khai sinh.pdf');
    expect(uploadName(undefined, 'image/png')).toBe('tep-tai-len.png');
  });
});

describe('assertDossierSizeWithin', () => {
  const MB = 1024 * 1024;
  it('lets a dossier grow up to its limit and refuses beyond, saying what is left', () => {
    expect(() => assertDossierSizeWithin(50 * MB, 40 * MB, 10 * MB)).not.toThrow();
    let refused: unknown;
    try {
      assertDossierSizeWithin(50 * MB, 45.5 * MB, 6 * MB);
    } catch (error) {
      refused = error;
    }
    expect(refused).toMatchObject({ status: 422, code: 'RULE' });
    expect((refused as Error).message).toBe(
      'Tổng dung lượng tệp của hồ sơ vượt quá giới hạn 50 MB: hồ sơ đã có 45,5 MB, tệp này 6 MB, chỉ còn được thêm 4,5 MB.',
    );
  });
});

describe('receiveUpload rate limit', () => {
  it('refuses a sender over its uploads per 10 minutes with a Vietnamese 429, storing nothing more', async () => {
    const root = fs.mkdtempSync(path.join(os.tmpdir(), 'motcua-upload-rate-'));
    const files = new LocalFileStore(root);
    const app = Fastify({ logger: false });
    registerErrorHandler(app);
    await app.register(fastifyMultipart);
    const uploadLimits = {
      maxFileBytes: 1024 * 1024,
      maxDossierBytes: 5 * 1024 * 1024,
      perSenderPer10Minutes: 2,
    };
    app.post('/upload', async (request, reply) =>
      reply.status(201).send(await receiveUpload(request, { files, uploadLimits })),
    );
    try {
      const send = (n: number) =>
        app.inject({
          method: 'POST',
          url: '/upload',
          ...multipart('a.pdf', Buffer.from(`%PDF-1.4 tệp ${n}`)),
        });
      expect((await send(1)).statusCode).toBe(201);
      expect((await send(2)).statusCode).toBe(201);
      const refused = await send(3);
      expect(refused.statusCode).toBe(429);
      expect(refused.json().error.message).toBe(
        'Bạn đã tải lên quá 2 tệp trong 10 phút. Vui lòng chờ ít phút rồi tải tiếp.',
      );
      const stored = fs.readdirSync(root, { recursive: true, withFileTypes: true }).filter((e) => e.isFile());
      expect(stored).toHaveLength(2);
    } finally {
      await app.close();
      fs.rmSync(root, { recursive: true, force: true });
    }
  });
});
