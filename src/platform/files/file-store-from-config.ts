import path from 'node:path';
import { type FileStore, LocalFileStore } from './file-store.ts';
import { S3FileStore, type S3Settings } from './s3-file-store.ts';

/** The S3-compatible bucket when one is configured, else `DATA_DIR/files` on local disk. */
export function fileStoreFromConfig(config: { dataDir: string; s3: S3Settings | undefined }): FileStore {
  return config.s3 ? new S3FileStore(config.s3) : new LocalFileStore(path.join(config.dataDir, 'files'));
}

/** For the start-up banner: where files go, without credentials. */
export function describeFileStore(config: { dataDir: string; s3: S3Settings | undefined }): string {
  return config.s3
    ? `S3 ${config.s3.endpoint.replace(/\/+$/, '')}, bucket ${config.s3.bucket}`
    : path.join(config.dataDir, 'files');
}
