import { createHash, randomBytes } from 'node:crypto';
import fs from 'node:fs';
import path from 'node:path';

/**
 * Where uploaded documents and results live, addressed by the SHA-256 of their content: the same bytes are stored
 * once, and an id can never point at other content. `put` is idempotent, so an upload can be stored first and
 * attached to a dossier later in a transaction; a request that fails in between leaves an unreferenced file,
 * never a reference to a missing one.
 */
export interface FileStore {
  /** Stores the bytes (once) and returns their SHA-256, lowercase hex. */
  put(bytes: Uint8Array): Promise<string>;
  /** The stored bytes; rejects with FileNotFoundError when there are none. */
  get(sha256: string): Promise<Buffer>;
  exists(sha256: string): Promise<boolean>;
}

export class FileNotFoundError extends Error {
  constructor(readonly sha256: string) {
    super(`file ${sha256} not found`);
  }
}

export const contentHash = (bytes: Uint8Array) => createHash('sha256').update(bytes).digest('hex');

/** Ids reach stores from URLs: anything but 64 hex digits could walk out of the store's directory or prefix. */
export function assertContentHash(sha256: string): void {
  if (!/^[0-9a-f]{64}$/.test(sha256)) throw new Error('invalid content hash');
}

/** `ab/cd/<sha256>`: two levels of fan-out keep directories (and S3 listings) small. */
export const shardedKey = (sha256: string) => `${sha256.slice(0, 2)}/${sha256.slice(2, 4)}/${sha256}`;

/**
 * Content-addressed file storage on local disk (`DATA_DIR/files/ab/cd/<sha256>`). Writes go to a temporary file
 * first and are renamed into place, so a crash never leaves a half-written file under its final name.
 */
export class LocalFileStore implements FileStore {
  constructor(readonly root: string) {}

  private pathOf(sha256: string) {
    assertContentHash(sha256);
    return path.join(this.root, ...shardedKey(sha256).split('/'));
  }

  async put(bytes: Uint8Array): Promise<string> {
    const sha256 = contentHash(bytes);
    const target = this.pathOf(sha256);
    if (await this.exists(sha256)) return sha256;
    await fs.promises.mkdir(path.dirname(target), { recursive: true });
    const temporary = `${target}.${randomBytes(6).toString('hex')}.tmp`;
    const handle = await fs.promises.open(temporary, 'w');
    try {
      await handle.writeFile(bytes);
      await handle.sync();
    } finally {
      await handle.close();
    }
    await fs.promises.rename(temporary, target);
    return sha256;
  }

  async get(sha256: string): Promise<Buffer> {
    try {
      return await fs.promises.readFile(this.pathOf(sha256));
    } catch (error) {
      if ((error as NodeJS.ErrnoException).code === 'ENOENT') throw new FileNotFoundError(sha256);
      throw error;
    }
  }

  async exists(sha256: string): Promise<boolean> {
    try {
      return (await fs.promises.stat(this.pathOf(sha256))).isFile();
    } catch (error) {
      if ((error as NodeJS.ErrnoException).code === 'ENOENT') return false;
      throw error;
    }
  }
}
