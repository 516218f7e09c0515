import fs from 'node:fs';
import path from 'node:path';
import { parseArgs } from 'node:util';
import { eq } from 'drizzle-orm';
import { auditCliHelp, runAuditCommand } from '../modules/audit/cli.ts';
import { createOfficer } from '../modules/auth/accounts.ts';
import { createOfficerBody } from '../modules/auth/auth.types.ts';
import { roles } from '../modules/auth/schema.ts';
import { importProcedures } from '../modules/catalog/import-procedures.ts';
import { generateSynthetic } from '../modules/kpi/synthetic.ts';
import { agencies } from '../modules/org/schema.ts';
import { createBackup } from '../platform/backup/backup.ts';
import { RestoreError, restoreBackup } from '../platform/backup/restore.ts';
import { loadConfig } from '../platform/config.ts';
import { type Database, openDatabase } from '../platform/db/connect.ts';
import { DataDirLockedError } from '../platform/db/lock.ts';
import { migrate } from '../platform/db/migrate.ts';
import { describeFileStore, fileStoreFromConfig } from '../platform/files/file-store-from-config.ts';
import { describeFigures } from '../seed/history-stats.ts';
import { seedDemo } from '../seed/seed-demo.ts';
import {
  DEFAULT_HISTORY_DOSSIERS,
  DEFAULT_HISTORY_SEED,
  historySummary,
  seedHistory,
} from '../seed/seed-history.ts';
import '../platform/validation.ts';

const help = `Motcua — lệnh quản trị

Cách dùng: npx motcua <lệnh> [tùy chọn]

Lệnh:
  migrate                         Áp dụng các migration còn thiếu vào cơ sở dữ liệu
  seed                            Nạp dữ liệu minh họa Vị Thanh (chạy lại nhiều lần không tạo trùng)
  seed-history                    Sinh lịch sử hồ sơ minh họa 2021 – nay (sau lệnh seed; đã có thì bỏ qua)
      --dossiers <N>              Số hồ sơ (mặc định ${DEFAULT_HISTORY_DOSSIERS})
      --seed <S>                  Hạt giống ngẫu nhiên: cùng hạt giống, cùng lịch sử (mặc định ${DEFAULT_HISTORY_SEED})
  generate                        Sinh hồ sơ tổng hợp số lượng lớn để đo hiệu năng chỉ số (sau lệnh seed;
                                  dừng ứng dụng trước khi chạy; mã hồ sơ bắt đầu bằng SYN-)
      --dossiers <N>              Số hồ sơ, ví dụ 10000000
  import-procedures <file.json>   Nhập thủ tục từ tệp JSON theo định dạng CSDL quốc gia về TTHC
      --publish                   Công bố ngay các thủ tục mới nhập (mặc định: chưa công bố)
  create-user                     Tạo tài khoản cán bộ
      --email <email> --name <họ tên> --password <mật khẩu>
      --role <vai trò>[:<mã cơ quan>]  (lặp lại được; vai trò: ${roles.join(', ')};
                                   mã cơ quan là slug, ví dụ cantho-phuong-vi-thanh-ttpvhcc;
                                   admin không kèm cơ quan là quản trị toàn hệ thống)
  backup <tệp>                    Sao lưu toàn bộ cơ sở dữ liệu và tệp đính kèm (kho tệp cục bộ DATA_DIR/files)
                                  vào một tệp nén, ví dụ motcua-2026-12-07.tar.gz (tệp trên S3 không được sao lưu)
  restore <tệp>                   Khôi phục bản sao lưu vào cơ sở dữ liệu trống (tự áp dụng migration;
                                  bản sao lưu cũ hơn thì khôi phục vào CSDL mới tạo rồi tự nâng cấp);
                                  kiểm tra mã SHA-256 từng bảng, từng tệp; lỗi thì không thay đổi gì
      --force                     Xóa toàn bộ dữ liệu hiện có rồi khôi phục (trong một giao dịch)
${auditCliHelp}
  --help                          Hiện hướng dẫn này

Cơ sở dữ liệu: DATABASE_URL (PostgreSQL) nếu có, nếu không là PGlite nhúng trong DATA_DIR (mặc định ./data).
Với PGlite nhúng, hãy dừng máy chủ Motcua trước khi chạy backup/restore (lệnh bị từ chối khi máy chủ đang chạy).
Hướng dẫn sao lưu, khôi phục và khôi phục theo thời điểm (PostgreSQL): docs/operations.md.
`;

const say = (line: string) => process.stdout.write(`${line}\n`);
const fail = (message: string): never => {
  process.stderr.write(`Lỗi: ${message}\n`);
  process.exit(1);
};

async function withDatabase(run: (database: Database) => Promise<void>) {
  const config = loadConfig();
  const database = await openDatabase({ databaseUrl: config.databaseUrl, dataDir: config.dataDir }).catch(
    (e) => fail((e as Error).message),
  );
  try {
    await migrate(database);
    await run(database);
  } finally {
    await database.close();
  }
}

async function openOrFail() {
  const config = loadConfig();
  const database = await openDatabase({ databaseUrl: config.databaseUrl, dataDir: config.dataDir }).catch(
    (e) =>
      fail(
        e instanceof DataDirLockedError
          ? `${e.message} Với cơ sở dữ liệu nhúng, hãy dừng máy chủ Motcua trước khi sao lưu hoặc khôi phục.`
          : (e as Error).message,
      ),
  );
  return { config, database };
}

const megabytes = (file: string) => (fs.statSync(file).size / 1024 / 1024).toFixed(1);

async function main(argv: string[]) {
  const [command, ...rest] = argv;
  if (!command || command === '--help' || command === '-h' || command === 'help') return say(help);
  switch (command) {
    case 'migrate':
      return withDatabase(async () => {
        say('Đã áp dụng đầy đủ migration.');
      });
    case 'seed':
      return withDatabase((database) => seedDemo(database.db, say));
    case 'seed-history': {
      const { values } = parseArgs({
        args: rest,
        options: { dossiers: { type: 'string' }, seed: { type: 'string' } },
      });
      const dossiers = Number(values.dossiers ?? DEFAULT_HISTORY_DOSSIERS);
      if (!Number.isInteger(dossiers) || dossiers < 1 || dossiers > 100_000)
        fail('--dossiers phải là số nguyên từ 1 đến 100000.');
      return withDatabase(async (database) => {
        const result = await seedHistory(database.db, {
          dossiers,
          seed: values.seed ?? DEFAULT_HISTORY_SEED,
          onProgress: (done, total) => process.stdout.write(`\r  Đã ghi ${done}/${total} hồ sơ`),
        }).catch((e) => fail((e as Error).message));
        if (result.created) say('');
        say(historySummary(result));
        if (result.created) for (const line of describeFigures(result.figures)) say(line);
      });
    }
    case 'generate': {
      const { values } = parseArgs({ args: rest, options: { dossiers: { type: 'string' } } });
      const dossiers = Number(values.dossiers);
      if (!Number.isInteger(dossiers) || dossiers < 1 || dossiers > 200_000_000)
        fail('--dossiers phải là số nguyên từ 1 đến 200000000.');
      return withDatabase(async (database) => {
        const { ms } = await generateSynthetic(database.db, {
          dossiers,
          onProgress: (done, total) =>
            process.stdout.write(
              `\r  Đã sinh ${done.toLocaleString('vi-VN')}/${total.toLocaleString('vi-VN')} hồ sơ`,
            ),
        }).catch((e) => fail((e as Error).message));
        say('');
        say(
          `Đã sinh ${dossiers.toLocaleString('vi-VN')} hồ sơ và số liệu tổng hợp trong ${(ms / 1000).toFixed(0)} giây.`,
        );
      });
    }
    case 'import-procedures': {
      const { positionals, values } = parseArgs({
        args: rest,
        allowPositionals: true,
        options: { publish: { type: 'boolean', default: false } },
      });
      const file = positionals[0] ?? fail('Thiếu đường dẫn tệp JSON. Xem: npx motcua --help');
      let records: unknown;
      try {
        records = JSON.parse(fs.readFileSync(file, 'utf8'));
      } catch (error) {
        fail(`Không đọc được ${file}: ${(error as Error).message}`);
      }
      if (!Array.isArray(records)) fail('Tệp phải chứa một mảng JSON các thủ tục.');
      return withDatabase(async (database) => {
        const result = await importProcedures(database.db, records as unknown[], {
          publish: values.publish,
          onProgress: (done, total) => process.stdout.write(`\r  Đã xử lý ${done}/${total} thủ tục`),
        });
        say('');
        say(
          `Thêm mới ${result.inserted}, bỏ qua ${result.skipped} (đã có), cần xác nhận ${result.flags} giá trị.`,
        );
        for (const r of result.rejected)
          say(`  Bản ghi #${r.index} (${r.code ?? 'không mã'}) bị từ chối: ${r.reason}`);
      });
    }
    case 'create-user': {
      const { values } = parseArgs({
        args: rest,
        options: {
          email: { type: 'string' },
          name: { type: 'string' },
          password: { type: 'string' },
          phone: { type: 'string' },
          role: { type: 'string', multiple: true },
        },
      });
      return withDatabase(async (database) => {
        const grants = [];
        for (const spec of values.role ?? []) {
          const [role, slug] = spec.split(':');
          let agencyId: string | null = null;
          if (slug) {
            const [agency] = await database.db
              .select({ id: agencies.id })
              .from(agencies)
              .where(eq(agencies.slug, slug));
            agencyId = agency?.id ?? fail(`Không có cơ quan mã ${slug}.`);
          }
          grants.push({ role, agencyId });
        }
        const parsed = createOfficerBody.safeParse({
          fullName: values.name,
          email: values.email,
          phone: values.phone,
          password: values.password,
          roles: grants,
        });
        if (!parsed.success) {
          fail(parsed.error.issues.map((i) => `${i.path.join('.') || 'tham số'}: ${i.message}`).join('; '));
          return;
        }
        const id = await createOfficer(database.db, parsed.data).catch((e) => fail((e as Error).message));
        say(`Đã tạo tài khoản cán bộ ${parsed.data.email} (${id}).`);
      });
    }
    case 'backup': {
      const { positionals } = parseArgs({ args: rest, allowPositionals: true, options: {} });
      const file = path.resolve(
        positionals[0] ?? fail('Thiếu đường dẫn tệp sao lưu. Xem: npx motcua --help'),
      );
      if (!fs.existsSync(path.dirname(file))) fail(`Thư mục ${path.dirname(file)} không tồn tại.`);
      if (fs.existsSync(file)) fail(`Tệp ${file} đã có; hãy chọn tên khác (lệnh không ghi đè bản sao lưu).`);
      const { config, database } = await openOrFail();
      try {
        say(
          `Sao lưu cơ sở dữ liệu ${database.kind === 'postgres' ? 'PostgreSQL' : `PGlite (${config.dataDir})`}...`,
        );
        if (config.s3)
          say(
            `Lưu ý: tệp đính kèm nằm trên S3 (${describeFileStore(config)}) và KHÔNG có trong bản sao lưu này; ` +
              'hãy sao lưu bucket bằng công cụ của nhà cung cấp (bật phiên bản hóa, sao chép sang bucket khác).',
          );
        const manifest = await createBackup(database, {
          file,
          filesDir: config.s3 ? undefined : path.join(config.dataDir, 'files'),
          say,
        }).catch((e) => fail((e as Error).message));
        const rows = manifest.tables.reduce((sum, t) => sum + t.rows, 0);
        say(
          `Đã sao lưu ${manifest.tables.length} bảng (${rows.toLocaleString('vi-VN')} dòng), ` +
            `${manifest.files.entries.length} tệp đính kèm, mức ${manifest.migration.tag ?? manifest.migration.count} ` +
            `vào ${file} (${megabytes(file)} MB).`,
        );
      } finally {
        await database.close();
      }
      return;
    }
    case 'restore': {
      const { positionals, values } = parseArgs({
        args: rest,
        allowPositionals: true,
        options: { force: { type: 'boolean', default: false } },
      });
      const file = path.resolve(
        positionals[0] ?? fail('Thiếu đường dẫn tệp sao lưu. Xem: npx motcua --help'),
      );
      const { config, database } = await openOrFail();
      try {
        say(
          `Khôi phục ${file} vào ${database.kind === 'postgres' ? 'PostgreSQL' : `PGlite (${config.dataDir})`}...`,
        );
        const summary = await restoreBackup(database, {
          file,
          fileStore: fileStoreFromConfig(config),
          force: values.force,
          say,
        }).catch((e) =>
          fail(
            e instanceof RestoreError
              ? e.message
              : `Khôi phục thất bại, không có gì bị thay đổi: ${(e as Error).message}`,
          ),
        );
        if (!summary.manifest.files.included)
          say('Lưu ý: bản sao lưu này được tạo khi tệp đính kèm nằm trên S3, nên không chứa tệp nào.');
        say(
          `Đã khôi phục ${summary.tables} bảng (${summary.rows.toLocaleString('vi-VN')} dòng) và ${summary.files} tệp ` +
            `vào ${describeFileStore(config)}; mọi mã kiểm tra đều khớp. Bản sao lưu tạo lúc ${summary.manifest.createdAt} ` +
            `từ ${summary.manifest.databaseKind === 'postgres' ? 'PostgreSQL' : 'PGlite'}.`,
        );
      } finally {
        await database.close();
      }
      return;
    }
    case 'audit': {
      const { database } = await openOrFail();
      let code = 0;
      try {
        code = await runAuditCommand(database, rest, say).catch((e) => fail((e as Error).message));
      } finally {
        await database.close();
      }
      process.exit(code);
      return;
    }
    default:
      fail(`Lệnh không hợp lệ: ${command}. Xem: npx motcua --help`);
  }
}

await main(process.argv.slice(2));
