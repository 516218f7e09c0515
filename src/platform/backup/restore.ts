import { createHash } from 'node:crypto';
import fs from 'node:fs';
import { createGunzip } from 'node:zlib';
import { sql } from 'drizzle-orm';
import type { Database, Db } from '../db/connect.ts';
import { migrate } from '../db/migrate.ts';
import { rawRows } from '../db/raw-rows.ts';
import { contentHash, type FileStore } from '../files/file-store.ts';
import { RowDigest, tablePages } from './backup.ts';
import { type BackupManifest, backupManifest, MANIFEST_ENTRY } from './manifest.ts';
import {
  APP_SCHEMA,
  appMigrationLevel,
  databaseMigrationLevel,
  describeLevel,
  describeTables,
  fixOutputSettings,
  type MigrationLevel,
  migrateTo,
  qualified,
  quoteIdent,
  readJournal,
} from './schema-info.ts';

const knownLevel = (level: MigrationLevel) =>
  readJournal().findIndex((e) => e.when === level.when) === level.count - 1;

import { CorruptArchiveError, readTar } from './tar.ts';

/** A restore that was refused or failed; the message is for the operator, and nothing was changed. */
export class RestoreError extends Error {}

const corrupt = (file: string, detail: string) =>
  new RestoreError(
    `Tệp sao lưu ${file} bị hỏng hoặc không phải bản sao lưu Motcua (${detail}). Không có gì bị thay đổi.`,
  );

async function* entries(file: string) {
  let input: fs.ReadStream;
  try {
    await fs.promises.access(file, fs.constants.R_OK);
    input = fs.createReadStream(file);
  } catch {
    throw new RestoreError(`Không đọc được tệp sao lưu ${file}.`);
  }
  const gunzip = createGunzip();
  input.on('error', (error) => gunzip.destroy(error));
  input.pipe(gunzip);
  try {
    yield* readTar(gunzip);
  } catch (error) {
    if (error instanceof RestoreError) throw error;
    throw corrupt(file, error instanceof CorruptArchiveError ? error.message : (error as Error).message);
  } finally {
    input.destroy();
    gunzip.destroy();
  }
}

const tableOf = (name: string) => /^tables\/([^/]+)\/\d{6}\.jsonl$/.exec(name)?.[1];
const fileOf = (name: string) => /^files\/([0-9a-f]{64})$/.exec(name)?.[1];

/** First pass: reads the whole archive and checks every table's and file's checksum against the manifest. */
export async function verifyArchive(file: string): Promise<BackupManifest> {
  const tableHashes = new Map<string, ReturnType<typeof createHash>>();
  const tableRows = new Map<string, number>();
  const files = new Map<string, number>();
  let manifest: BackupManifest | undefined;
  for await (const entry of entries(file)) {
    if (manifest) throw corrupt(file, `mục ${entry.name} nằm sau bản kê`);
    const table = tableOf(entry.name);
    const sha256 = fileOf(entry.name);
    if (table) {
      const hash = tableHashes.get(table) ?? createHash('sha256');
      tableHashes.set(table, hash.update(entry.data));
      let rows = 0;
      for (const byte of entry.data) if (byte === 10) rows++;
      tableRows.set(table, (tableRows.get(table) ?? 0) + rows);
    } else if (sha256) {
      if (contentHash(entry.data) !== sha256) throw corrupt(file, `tệp ${sha256} không khớp mã SHA-256`);
      files.set(sha256, entry.data.length);
    } else if (entry.name === MANIFEST_ENTRY) {
      let parsed: unknown;
      try {
        parsed = JSON.parse(entry.data.toString('utf8'));
      } catch {
        throw corrupt(file, 'bản kê không phải JSON');
      }
      const result = backupManifest.safeParse(parsed);
      if (!result.success) throw corrupt(file, 'bản kê không đúng định dạng');
      manifest = result.data;
    } else throw corrupt(file, `mục lạ ${entry.name}`);
  }
  if (!manifest) throw corrupt(file, 'thiếu bản kê manifest.json');
  for (const table of manifest.tables) {
    const hash = tableHashes.get(table.name)?.digest('hex') ?? createHash('sha256').digest('hex');
    if (hash !== table.sha256 || (tableRows.get(table.name) ?? 0) !== table.rows)
      throw corrupt(file, `dữ liệu bảng ${table.name} không khớp mã kiểm tra`);
    tableHashes.delete(table.name);
  }
  if (tableHashes.size)
    throw corrupt(file, `có bảng không có trong bản kê: ${[...tableHashes.keys()].join(', ')}`);
  if (manifest.files.entries.length !== files.size) throw corrupt(file, 'số tệp đính kèm không khớp bản kê');
  for (const f of manifest.files.entries)
    if (files.get(f.sha256) !== f.bytes) throw corrupt(file, `thiếu hoặc sai tệp ${f.sha256}`);
  return manifest;
}

export interface RestoreOptions {
  file: string;
  /** Where to put the archived files back; `undefined` skips them. */
  fileStore: FileStore | undefined;
  /** Replace the data of a database that is not empty. */
  force?: boolean;
  say?: (line: string) => void;
}

export interface RestoreSummary {
  manifest: BackupManifest;
  tables: number;
  rows: number;
  files: number;
}

/**
 * Restores a backup into the database: migrates it first (to this version's level), refuses a backup from
 * another migration level and a database that already has data (unless `force`), checks the whole archive,
 * then loads every table in one transaction, with foreign keys dropped during the load and re-created (and so
 * re-validated) at the end, sets the sequences, compares each restored table with its digest, and puts the files
 * back. Any failure rolls the database back untouched.
 */
export async function restoreBackup(database: Database, options: RestoreOptions): Promise<RestoreSummary> {
  const say = options.say ?? (() => {});
  const manifest = await verifyArchive(options.file);
  // A brand-new database is brought to the backup's own level (when this version knows it), loaded, and then
  // migrated to this version's level: an older backup restores, and the migrations upgrade its data.
  const fresh = (await databaseMigrationLevel(database.db)).count === 0;
  const upgradeAfter =
    fresh && manifest.migration.when < appMigrationLevel().when && knownLevel(manifest.migration);
  if (upgradeAfter) await migrateTo(database, manifest.migration.when);
  else await migrate(database);
  const level = await databaseMigrationLevel(database.db);
  if (manifest.migration.when > level.when)
    throw new RestoreError(
      `Bản sao lưu được tạo từ cơ sở dữ liệu ở mức mới hơn (${describeLevel(manifest.migration)}) so với cơ sở ` +
        `dữ liệu đích (${describeLevel(level)}). Hãy cập nhật Motcua lên phiên bản mới hơn rồi khôi phục lại. ` +
        'Không có gì bị thay đổi.',
    );
  if (manifest.migration.when < level.when)
    throw new RestoreError(
      `Bản sao lưu ở mức cũ hơn (${describeLevel(manifest.migration)}) so với cơ sở dữ liệu đích ` +
        `(${describeLevel(level)}). Hãy khôi phục vào cơ sở dữ liệu mới tạo (chưa có bảng nào, ví dụ DATA_DIR mới ` +
        'hoặc một database PostgreSQL mới): lệnh sẽ khôi phục ở mức của bản sao lưu rồi tự nâng cấp. ' +
        'Không có gì bị thay đổi.',
    );
  if (options.fileStore === undefined && manifest.files.entries.length)
    say(`Cảnh báo: không khôi phục ${manifest.files.entries.length} tệp đính kèm (không có kho tệp đích).`);

  let rows = 0;
  await database.db.transaction(async (tx) => {
    const db = tx as unknown as Db;
    await fixOutputSettings(db);
    const tables = await describeTables(db);
    const byName = new Map(tables.map((t) => [t.name, t]));
    for (const t of manifest.tables) {
      const target = byName.get(t.name);
      if (!target || target.columns.map((c) => c.name).join(',') !== t.columns.join(','))
        throw new RestoreError(
          `Bảng ${t.name} trong bản sao lưu không khớp cấu trúc cơ sở dữ liệu đích. Không có gì bị thay đổi.`,
        );
    }
    const nonEmpty: string[] = [];
    for (const table of tables) {
      const [row] = await rawRows<{ present: boolean }>(
        db,
        sql`select exists (select 1 from ${sql.raw(qualified(table.name))}) as present`,
      );
      if (row?.present) nonEmpty.push(table.name);
    }
    if (nonEmpty.length && !options.force)
      throw new RestoreError(
        `Cơ sở dữ liệu đích đã có dữ liệu (${nonEmpty.length} bảng, ví dụ ${nonEmpty.slice(0, 3).join(', ')}). ` +
          'Chỉ khôi phục vào cơ sở dữ liệu trống; thêm --force để xóa toàn bộ dữ liệu hiện có rồi khôi phục. ' +
          'Không có gì bị thay đổi.',
      );
    if (nonEmpty.length) {
      say(`Xóa dữ liệu hiện có của ${nonEmpty.length} bảng (--force)...`);
      await db.execute(sql.raw(`truncate table ${tables.map((t) => qualified(t.name)).join(', ')}`));
    }
    // Foreign keys: dropped for the load (rows arrive table by table, self-references in any order), re-created
    // after it, which checks every reference again.
    const foreignKeys = await rawRows<{ tbl: string; name: string; def: string }>(
      db,
      sql`select conrelid::regclass::text as tbl, conname as name, pg_get_constraintdef(oid) as def
          from pg_constraint where contype = 'f' and connamespace = ${APP_SCHEMA}::regnamespace
          order by conname collate "C"`,
    );
    for (const fk of foreignKeys)
      await db.execute(sql.raw(`alter table ${fk.tbl} drop constraint ${quoteIdent(fk.name)}`));

    const columnLists = new Map(
      tables.map((t) => [
        t.name,
        t.columns
          .filter((c) => !c.generated)
          .map((c) => quoteIdent(c.name))
          .join(', '),
      ]),
    );
    for await (const entry of entries(options.file)) {
      const table = tableOf(entry.name);
      if (!table) continue;
      const lines = entry.data.toString('utf8').split('\n').slice(0, -1);
      const columns = sql.raw(columnLists.get(table) as string);
      const target = sql.raw(qualified(table));
      await db.execute(
        sql`insert into ${target} (${columns}) overriding system value
            select ${columns} from json_populate_recordset(null::${target}, ${`[${lines.join(',')}]`}::json)`,
      );
      rows += lines.length;
    }
    for (const fk of foreignKeys)
      await db.execute(sql.raw(`alter table ${fk.tbl} add constraint ${quoteIdent(fk.name)} ${fk.def}`));
    for (const s of manifest.sequences)
      await rawRows(
        db,
        sql`select setval(${qualified(s.name)}::regclass, ${s.lastValue}::bigint, ${s.isCalled})`,
      );
    for (const t of manifest.tables) {
      const digest = new RowDigest();
      for await (const lines of tablePages(db, byName.get(t.name) as (typeof tables)[number]))
        for (const line of lines) digest.add(line);
      if (digest.rows !== t.rows || digest.hex() !== t.rowDigest)
        throw new RestoreError(
          `Bảng ${t.name} sau khi nạp không khớp bản sao lưu (${digest.rows}/${t.rows} dòng). ` +
            'Đã hủy khôi phục, không có gì bị thay đổi.',
        );
      say(`  ${t.name}: ${t.rows} dòng — khớp`);
    }
    // Files go in before the database commits: a failure here rolls the data back, and files already put are
    // harmless (content-addressed, unreferenced).
    if (options.fileStore) {
      for await (const entry of entries(options.file)) {
        const sha256 = fileOf(entry.name);
        if (!sha256) continue;
        const stored = await options.fileStore.put(entry.data);
        if (stored !== sha256 || !(await options.fileStore.exists(sha256)))
          throw new RestoreError(`Không ghi được tệp ${sha256} vào kho tệp. Đã hủy khôi phục.`);
      }
    }
  });
  if (upgradeAfter) {
    say('Nâng cấp dữ liệu đã khôi phục lên mức của phiên bản Motcua này...');
    await migrate(database);
  }
  return {
    manifest,
    tables: manifest.tables.length,
    rows,
    files: options.fileStore ? manifest.files.entries.length : 0,
  };
}
