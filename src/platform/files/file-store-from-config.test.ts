import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { loadS3Config, loadUploadLimits } from '../config.ts';
import { LocalFileStore } from './file-store.ts';
import { describeFileStore, fileStoreFromConfig } from './file-store-from-config.ts';
import { S3FileStore } from './s3-file-store.ts';

describe('file storage settings', () => {
  it('upload limits default to 10 MB per file, 50 MB per dossier and 120 uploads per 10 minutes', () => {
    expect(loadUploadLimits({})).toEqual({
      maxFileBytes: 10 * 1024 * 1024,
      maxDossierBytes: 50 * 1024 * 1024,
      perSenderPer10Minutes: 120,
    });
    expect(loadUploadLimits({ UPLOAD_RATE_PER_10_MIN: '30' }).perSenderPer10Minutes).toBe(30);
    expect(() => loadUploadLimits({ UPLOAD_RATE_PER_10_MIN: '2.5' })).toThrow(/UPLOAD_RATE_PER_10_MIN/);
    expect(loadUploadLimits({ UPLOAD_MAX_FILE_MB: '2.5' }).maxFileBytes).toBe(2.5 * 1024 * 1024);
    expect(() => loadUploadLimits({ UPLOAD_MAX_DOSSIER_MB: 'năm mươi' })).toThrow(/UPLOAD_MAX_DOSSIER_MB/);
    expect(() => loadUploadLimits({ UPLOAD_MAX_FILE_MB: '0' })).toThrow(/lớn hơn 0/);
  });

  it('uses local disk unless S3_BUCKET is set, and then wants the credentials', () => {
    expect(loadS3Config({})).toBeUndefined();
    expect(() => loadS3Config({ S3_BUCKET: 'motcua' })).toThrow(/S3_ACCESS_KEY_ID, S3_SECRET_ACCESS_KEY/);
    const s3 = loadS3Config({
      S3_BUCKET: 'motcua',
      S3_ENDPOINT: 'http://127.0.0.1:9000',
      S3_ACCESS_KEY_ID: 'motcua',
      S3_SECRET_ACCESS_KEY: 'bí mật',
    });
    expect(s3).toMatchObject({
      region: 'us-east-1',
      forcePathStyle: true,
      endpoint: 'http://127.0.0.1:9000',
    });
    expect(fileStoreFromConfig({ dataDir: '/srv/motcua', s3 })).toBeInstanceOf(S3FileStore);
    expect(describeFileStore({ dataDir: '/srv/motcua', s3 })).toBe('S3 http://127.0.0.1:9000, bucket motcua');
    const local = fileStoreFromConfig({ dataDir: '/srv/motcua', s3: undefined });
    expect(local).toBeInstanceOf(LocalFileStore);
    expect((local as LocalFileStore).root).toBe(path.join('/srv/motcua', 'files'));
    expect(
      loadS3Config({
        S3_BUCKET: 'b',
        S3_REGION: 'ap-southeast-1',
        S3_ACCESS_KEY_ID: 'a',
        S3_SECRET_ACCESS_KEY: 's',
      }),
    ).toMatchObject({ endpoint: 'https://s3.ap-southeast-1.amazonaws.com' });
  });
});
