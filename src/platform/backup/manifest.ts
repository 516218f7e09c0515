import { z } from 'zod';

export const FORMAT = 'motcua-backup';
export const FORMAT_VERSION = 1;
export const MANIFEST_ENTRY = 'manifest.json';

const sha256 = z.string().regex(/^[0-9a-f]{64}$/);

/** What a backup archive says about itself; checked before anything is restored. */
export const backupManifest = z.object({
  format: z.literal(FORMAT),
  formatVersion: z.literal(FORMAT_VERSION),
  createdAt: z.string(),
  databaseKind: z.enum(['pglite', 'postgres']),
  /** The last applied migration of the database that was backed up. */
  migration: z.object({ count: z.number().int().min(0), tag: z.string().nullable(), when: z.number() }),
  tables: z.array(
    z.object({
      name: z.string().min(1),
      columns: z.array(z.string()),
      rows: z.number().int().min(0),
      pages: z.number().int().min(0),
      /** SHA-256 of the table's archived data (its pages, in order). */
      sha256,
      /** Order-independent digest of the rows (see RowDigest), compared with the restored table. */
      rowDigest: sha256,
    }),
  ),
  sequences: z.array(z.object({ name: z.string(), lastValue: z.string(), isCalled: z.boolean() })),
  files: z.object({
    /** False when files were in S3 storage, which a backup does not copy. */
    included: z.boolean(),
    entries: z.array(z.object({ sha256, bytes: z.number().int().min(0) })),
  }),
});
export type BackupManifest = z.infer<typeof backupManifest>;
