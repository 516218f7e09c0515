import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { finished } from 'node:stream/promises';
import { createGunzip, createGzip, gunzipSync, gzipSync } from 'node:zlib';
import { sql } from 'drizzle-orm';
import { afterAll, describe, expect, it } from 'vitest';
import { dossierWalk } from '../../testing/dossier-walk.ts';
import { useTestApp } from '../../testing/test-app.ts';
import { openEmptyTestDatabase, testDatabaseKinds } from '../../testing/test-db.ts';
import type { Database, Db } from '../db/connect.ts';
import { migrate } from '../db/migrate.ts';
import { rawRows } from '../db/raw-rows.ts';
import { LocalFileStore } from '../files/file-store.ts';
import { createBackup, listStoredFiles, tablePages } from './backup.ts';
import type { BackupManifest } from './manifest.ts';
import { RestoreError, restoreBackup } from './restore.ts';
import {
  appMigrationLevel,
  databaseMigrationLevel,
  describeTables,
  fixOutputSettings,
  migrateTo,
  qualified,
  readJournal,
} from './schema-info.ts';
import { readTar, TarWriter } from './tar.ts';

const work = fs.mkdtempSync(path.join(os.tmpdir(), 'motcua-backup-test-'));
afterAll(() => fs.rmSync(work, { recursive: true, force: true }));

/** Every table's rows as JSON text in primary-key order, read with the same output settings on any server. */
async function snapshot(database: Database): Promise<Map<string, string[]>> {
  return database.db.transaction(async (tx) => {
    const db = tx as unknown as Db;
    await fixOutputSettings(db);
    const result = new Map<string, string[]>();
    for (const table of await describeTables(db)) {
      const rows: string[] = [];
      for await (const page of tablePages(db, table, 250)) rows.push(...page);
      result.set(table.name, rows);
    }
    return result;
  });
}

function filesOf(dir: string): Map<string, Buffer> {
  return new Map(listStoredFiles(dir).map((f) => [path.relative(dir, f), fs.readFileSync(f)]));
}

async function rewriteArchive(from: string, to: string, change: (manifest: BackupManifest) => void) {
  const out = fs.createWriteStream(to);
  const gzip = createGzip();
  gzip.pipe(out);
  const tar = new TarWriter(gzip);
  for await (const entry of readTar(fs.createReadStream(from).pipe(createGunzip()))) {
    if (entry.name === 'manifest.json') {
      const manifest = JSON.parse(entry.data.toString('utf8')) as BackupManifest;
      change(manifest);
      await tar.add(entry.name, Buffer.from(JSON.stringify(manifest)));
    } else await tar.add(entry.name, entry.data);
  }
  await tar.finish();
  gzip.end();
  await finished(out);
}

async function isEmpty(database: Database) {
  for (const table of await describeTables(database.db)) {
    const [row] = await rawRows<{ n: number }>(
      database.db,
      sql`select count(*)::int as n from ${sql.raw(qualified(table.name))}`,
    );
    if (row?.n) return false;
  }
  return true;
}

for (const kind of testDatabaseKinds()) {
  describe(`backup from ${kind}`, () => {
    const t = useTestApp(kind);
    const archive = path.join(work, `${kind}.motcua-backup.tar.gz`);
    let manifest: BackupManifest;

    it('backs up a populated system: every table, sequence and uploaded file', async () => {
      const desk = await t.login('motcua.vithanh@demo.motcua.vn');
      const { toResult, intake } = dossierWalk(t);
      await toResult(desk);
      await toResult(desk);
      await intake(desk);
      const upload = await t.request({
        method: 'POST',
        url: '/api/office/files',
        cookie: desk,
        headers: { 'content-type': 'multipart/form-data; boundary=XYZ' },
        payload: `--XYZ\r\nContent-Disposition: form-data; name="file"; filename="to-khai.pdf"\r\nContent-Type: application/pdf\r\n\r\n%PDF-1.4 tờ khai \u0000\u00ff\r\n--XYZ--\r\n`,
      });
      expect(upload.statusCode, upload.body).toBe(201);
      manifest = await createBackup(t.database, { file: archive, filesDir: t.filesDir });
      expect(fs.existsSync(archive)).toBe(true);
      expect(manifest.migration.count).toBeGreaterThan(0);
      expect(manifest.files.entries.length).toBe(listStoredFiles(t.filesDir).length);
      expect(manifest.files.entries.length).toBeGreaterThanOrEqual(3);
      expect(manifest.tables.find((x) => x.name === 'dossiers')?.rows).toBeGreaterThanOrEqual(3);
    });

    for (const targetKind of testDatabaseKinds()) {
      it(`restores into a fresh ${targetKind} database and files directory with zero differences`, async () => {
        const target = await openEmptyTestDatabase(targetKind);
        const targetFiles = fs.mkdtempSync(path.join(work, 'files-'));
        try {
          const summary = await restoreBackup(target, {
            file: archive,
            fileStore: new LocalFileStore(targetFiles),
          });
          const [before, after] = [await snapshot(t.database), await snapshot(target)];
          expect([...after.keys()]).toEqual([...before.keys()]);
          let rows = 0;
          let nonEmptyTables = 0;
          for (const [table, sourceRows] of before) {
            expect(after.get(table), table).toEqual(sourceRows);
            rows += sourceRows.length;
            if (sourceRows.length) nonEmptyTables++;
          }
          const [sourceFiles, restoredFiles] = [filesOf(t.filesDir), filesOf(targetFiles)];
          expect([...restoredFiles.keys()]).toEqual([...sourceFiles.keys()]);
          for (const [name, bytes] of sourceFiles)
            expect(restoredFiles.get(name)?.equals(bytes), name).toBe(true);
          expect(summary.rows).toBe(rows);
          // Sequences carry on where the source left off.
          for (const s of manifest.sequences) {
            const [row] = await rawRows<{ v: string }>(
              target.db,
              sql`select last_value::text as v from ${sql.raw(qualified(s.name))}`,
            );
            expect(row?.v, s.name).toBe(s.lastValue);
          }
          console.log(
            `${kind} → ${targetKind}: ${before.size} tables (${nonEmptyTables} with rows), ${rows} rows, ` +
              `${manifest.sequences.length} sequences, ${sourceFiles.size} files compared — 0 differences`,
          );

          // Not empty any more: refused without --force, replaced with it.
          await expect(restoreBackup(target, { file: archive, fileStore: undefined })).rejects.toThrow(
            /đã có dữ liệu.*--force/,
          );
          await restoreBackup(target, { file: archive, fileStore: undefined, force: true });
          const again = await snapshot(target);
          for (const [table, sourceRows] of before) expect(again.get(table), table).toEqual(sourceRows);
        } finally {
          await target.close();
        }
      });
    }

    it('refuses a corrupted or truncated archive with a clear message and changes nothing', async () => {
      const target = await openEmptyTestDatabase(kind);
      try {
        const bytes = fs.readFileSync(archive);
        const flipped = Buffer.from(bytes);
        const middle = Math.floor(bytes.length / 2);
        flipped[middle] = (flipped[middle] as number) ^ 0xff;
        fs.writeFileSync(path.join(work, 'flipped.tar.gz'), flipped);
        fs.writeFileSync(path.join(work, 'truncated.tar.gz'), bytes.subarray(0, bytes.length - 700));
        fs.writeFileSync(path.join(work, 'not-a-backup.tar.gz'), 'xin chào');
        // A row changed inside a well-formed archive: only the per-table checksum can tell.
        const tar = gunzipSync(bytes);
        const at = tar.indexOf('Nguyễn Thị Hoa');
        expect(at).toBeGreaterThan(0);
        tar.write('Nguyễn Thị Hoà', at);
        fs.writeFileSync(path.join(work, 'tampered.tar.gz'), gzipSync(tar));
        for (const name of ['flipped', 'truncated', 'not-a-backup', 'tampered']) {
          const error = await restoreBackup(target, {
            file: path.join(work, `${name}.tar.gz`),
            fileStore: undefined,
          }).catch((e) => e);
          expect(error, name).toBeInstanceOf(RestoreError);
          expect((error as Error).message, name).toMatch(/bị hỏng hoặc không phải bản sao lưu Motcua/);
          expect((error as Error).message, name).toMatch(/Không có gì bị thay đổi/);
        }
        await expect(
          restoreBackup(target, { file: path.join(work, 'missing.tar.gz'), fileStore: undefined }),
        ).rejects.toThrow(/Không đọc được tệp sao lưu/);
        expect(await isEmpty(target)).toBe(true);
      } finally {
        await target.close();
      }
    });

    it('refuses a backup from a newer migration level', async () => {
      const newer = path.join(work, `${kind}-newer.tar.gz`);
      await rewriteArchive(archive, newer, (m) => {
        m.migration = { count: m.migration.count + 1, tag: '9999_future', when: m.migration.when + 1000 };
      });
      const target = await openEmptyTestDatabase(kind);
      try {
        await expect(restoreBackup(target, { file: newer, fileStore: undefined })).rejects.toThrow(
          /mức mới hơn \(migration 9999_future.*Hãy cập nhật Motcua/,
        );
        expect(await isEmpty(target)).toBe(true);
      } finally {
        await target.close();
      }
    });
  });
}

for (const kind of testDatabaseKinds()) {
  it(`${kind}: restores a backup from an older migration level into a new database, then upgrades it`, async () => {
    const older = readJournal().at(-2);
    if (!older) throw new Error('needs two migrations');
    const source = await openEmptyTestDatabase(kind);
    const target = await openEmptyTestDatabase(kind);
    const file = path.join(work, `${kind}-older.tar.gz`);
    try {
      await migrateTo(source, older.when);
      await source.db.execute(sql`
        insert into admin_units (code, name, kind, tier, valid_from)
        values ('92', 'Thành phố Cần Thơ', 'city', 1, '2025-07-01'), ('31153', 'Phường Vị Thanh', 'ward', 2, null)`);
      const manifest = await createBackup(source, { file, filesDir: undefined });
      expect(manifest.migration.tag).toBe(older.tag);
      // A database already at this version's level refuses it...
      const current = await openEmptyTestDatabase(kind);
      try {
        await migrate(current);
        await expect(restoreBackup(current, { file, fileStore: undefined, force: true })).rejects.toThrow(
          /mức cũ hơn \(migration .*vào cơ sở dữ liệu mới tạo/,
        );
      } finally {
        await current.close();
      }
      // ...a brand-new one takes it at its own level and is migrated afterwards.
      await restoreBackup(target, { file, fileStore: undefined });
      expect((await databaseMigrationLevel(target.db)).when).toBe(appMigrationLevel().when);
      const rows = await rawRows<{ code: string; name: string }>(
        target.db,
        sql`select code, name from admin_units order by code`,
      );
      expect(rows).toEqual([
        { code: '31153', name: 'Phường Vị Thanh' },
        { code: '92', name: 'Thành phố Cần Thơ' },
      ]);
    } finally {
      await source.close();
      await target.close();
    }
  });
}
