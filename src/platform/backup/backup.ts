import { createHash, randomBytes } from 'node:crypto';
import fs from 'node:fs';
import path from 'node:path';
import { finished } from 'node:stream/promises';
import { createGzip } from 'node:zlib';
import { type SQL, sql } from 'drizzle-orm';
import type { Database, Db } from '../db/connect.ts';
import { rawRows } from '../db/raw-rows.ts';
import { contentHash } from '../files/file-store.ts';
import { type BackupManifest, FORMAT, FORMAT_VERSION, MANIFEST_ENTRY } from './manifest.ts';
import {
  databaseMigrationLevel,
  describeTables,
  fixOutputSettings,
  listSequences,
  qualified,
  quoteIdent,
  type TableInfo,
} from './schema-info.ts';
import { TarWriter } from './tar.ts';

export const PAGE_ROWS = 1000;

/**
 * Reads a table in primary-key order, a page at a time (keyset pagination, so large tables stream), each row as
 * the JSON text PostgreSQL gives it (`row_to_json`): bytea as hex, timestamps with their offset, numeric and
 * bigint exact, arrays as JSON arrays, xid8 as text. `json_populate_recordset` reads the same text back into the
 * same values, on PGlite and PostgreSQL alike.
 */
export async function* tablePages(db: Db, table: TableInfo, pageRows = PAGE_ROWS): AsyncGenerator<string[]> {
  const key = table.primaryKey;
  const types = new Map(table.columns.map((c) => [c.name, c.type]));
  const from = sql.raw(`${qualified(table.name)} as motcua_row`);
  if (key.length === 0) {
    const rows = await rawRows<{ j: string }>(
      db,
      sql`select row_to_json(motcua_row)::text as j from ${from} order by motcua_row::text collate "C"`,
    );
    if (rows.length) yield rows.map((r) => r.j);
    return;
  }
  const keyList = sql.raw(key.map((k) => `motcua_row.${quoteIdent(k)}`).join(', '));
  const keyText = sql.raw(key.map((k) => `motcua_row.${quoteIdent(k)}::text`).join(', '));
  let after: string[] | null = null;
  for (;;) {
    let where: SQL = sql``;
    if (after) {
      const bound = sql.join(
        after.map((value, i) => sql`${value}::${sql.raw(types.get(key[i] as string) ?? 'text')}`),
        sql`, `,
      );
      where = sql` where (${keyList}) > (${bound})`;
    }
    const rows: { j: string; k: string }[] = await rawRows<{ j: string; k: string }>(
      db,
      sql`select row_to_json(motcua_row)::text as j, json_build_array(${keyText})::text as k
          from ${from}${where} order by ${keyList} limit ${pageRows}`,
    );
    if (rows.length === 0) return;
    yield rows.map((r) => r.j);
    if (rows.length < pageRows) return;
    after = JSON.parse((rows.at(-1) as { k: string }).k) as string[];
  }
}

/**
 * An order-independent digest of a table's rows: the sum (mod 2^256) of the SHA-256 of each row's JSON text.
 * Rows are unique by primary key, so it identifies the set of rows whatever order a server returns them in.
 */
export class RowDigest {
  private sum = 0n;
  rows = 0;
  add(line: string) {
    this.sum = (this.sum + BigInt(`0x${contentHash(Buffer.from(line, 'utf8'))}`)) & ((1n << 256n) - 1n);
    this.rows++;
  }
  hex() {
    return this.sum.toString(16).padStart(64, '0');
  }
}

/** Names of the files in a local content-addressed store (`ab/cd/<sha256>`), sorted. */
export function listStoredFiles(root: string): string[] {
  const found: string[] = [];
  const walk = (dir: string) => {
    let entries: fs.Dirent[];
    try {
      entries = fs.readdirSync(dir, { withFileTypes: true });
    } catch (error) {
      if ((error as NodeJS.ErrnoException).code === 'ENOENT') return;
      throw error;
    }
    for (const entry of entries) {
      if (entry.isDirectory()) walk(path.join(dir, entry.name));
      else if (entry.isFile() && /^[0-9a-f]{64}$/.test(entry.name)) found.push(path.join(dir, entry.name));
    }
  };
  walk(root);
  return found.sort();
}

export interface BackupOptions {
  file: string;
  /** The local file store's directory (`DATA_DIR/files`); `undefined` when files live in S3 (not copied). */
  filesDir: string | undefined;
  say?: (line: string) => void;
}

/**
 * Writes a consistent backup of the database (one repeatable-read snapshot) and of the uploaded files into one
 * gzip-compressed tar archive: `tables/<table>/<page>.jsonl`, `files/<sha256>`, then `manifest.json`. The archive
 * is written under a temporary name and renamed when complete, so a failed backup leaves no partial file.
 */
export async function createBackup(database: Database, options: BackupOptions): Promise<BackupManifest> {
  const say = options.say ?? (() => {});
  const temporary = `${options.file}.${randomBytes(4).toString('hex')}.tmp`;
  // Personal data and password hashes: readable by the owner only.
  const output = fs.createWriteStream(temporary, { mode: 0o600 });
  const gzip = createGzip({ level: 6 });
  gzip.pipe(output);
  const tar = new TarWriter(gzip);
  try {
    const manifest = await database.db.transaction(
      async (tx) => {
        const db = tx as unknown as Db;
        await fixOutputSettings(db);
        const level = await databaseMigrationLevel(db);
        const tables: BackupManifest['tables'] = [];
        for (const table of await describeTables(db)) {
          const archived = createHash('sha256');
          const digest = new RowDigest();
          let page = 0;
          for await (const lines of tablePages(db, table)) {
            const data = Buffer.from(lines.map((l) => `${l}\n`).join(''), 'utf8');
            archived.update(data);
            for (const line of lines) digest.add(line);
            page++;
            await tar.add(`tables/${table.name}/${String(page).padStart(6, '0')}.jsonl`, data);
          }
          tables.push({
            name: table.name,
            columns: table.columns.map((c) => c.name),
            rows: digest.rows,
            pages: page,
            sha256: archived.digest('hex'),
            rowDigest: digest.hex(),
          });
          say(`  ${table.name}: ${digest.rows} dòng`);
        }
        const sequences: BackupManifest['sequences'] = [];
        for (const name of await listSequences(db)) {
          const [row] = await rawRows<{ last_value: string; is_called: boolean }>(
            db,
            sql`select last_value::text as last_value, is_called from ${sql.raw(qualified(name))}`,
          );
          if (row) sequences.push({ name, lastValue: row.last_value, isCalled: row.is_called });
        }
        return {
          format: FORMAT,
          formatVersion: FORMAT_VERSION,
          createdAt: new Date().toISOString(),
          databaseKind: database.kind,
          migration: level,
          tables,
          sequences,
          files: {
            included: options.filesDir !== undefined,
            entries: [] as BackupManifest['files']['entries'],
          },
        } satisfies BackupManifest;
      },
      { isolationLevel: 'repeatable read', accessMode: 'read only' },
    );
    // Files are content-addressed and never rewritten: every file the snapshot refers to is already on disk.
    if (options.filesDir !== undefined) {
      for (const file of listStoredFiles(options.filesDir)) {
        const data = await fs.promises.readFile(file);
        const sha256 = contentHash(data);
        if (sha256 !== path.basename(file))
          throw new Error(`Tệp ${file} trong kho tệp bị hỏng: nội dung không khớp mã SHA-256 của nó.`);
        await tar.add(`files/${sha256}`, data);
        manifest.files.entries.push({ sha256, bytes: data.length });
      }
    }
    await tar.add(MANIFEST_ENTRY, Buffer.from(JSON.stringify(manifest, null, 2), 'utf8'));
    await tar.finish();
    gzip.end();
    await finished(output);
    await fs.promises.rename(temporary, options.file);
    return manifest;
  } catch (error) {
    gzip.destroy();
    output.destroy();
    await fs.promises.rm(temporary, { force: true });
    throw error;
  }
}
