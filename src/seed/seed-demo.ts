import fs from 'node:fs';
import { and, eq, inArray, isNull } from 'drizzle-orm';
import { hashPassword } from '../modules/auth/passwords.ts';
import { roleAssignments, users } from '../modules/auth/schema.ts';
import { importProcedures } from '../modules/catalog/import-procedures.ts';
import { procedureAgencies, procedures } from '../modules/catalog/schema.ts';
import { adminUnits, agencies } from '../modules/org/schema.ts';
import { seedViThanhOrganisation } from '../modules/org/seed-vi-thanh.ts';
import type { Db } from '../platform/db/connect.ts';
import { demoAccounts, demoPassword } from './demo-accounts.ts';
import { seedDemoFormSchemas } from './demo-form-schemas.ts';
import { seedDocuments } from './seed-documents.ts';
import { seedEgovCriteria } from './seed-egov.ts';
import { seedFeedback } from './seed-feedback.ts';
import { historySummary, seedHistory } from './seed-history.ts';
import { seedNews } from './seed-news.ts';
import { seedPositions } from './seed-positions.ts';
import { seedReferenceData } from './seed-reference.ts';
import { seedReformBudget } from './seed-reform-budget.ts';
import { seedReformIndex } from './seed-reform-index.ts';
import { seedReformPlan } from './seed-reform-plan.ts';
import { seedReformReports } from './seed-reform-reports.ts';
import { seedStaff } from './seed-staff.ts';
import { seedSurveys } from './seed-surveys.ts';

export const proceduresFile = new URL('../../seed-data/procedures.json', import.meta.url);

/** Fields whose procedures the ward police carry out rather than the people's committee. */
const policeFields = new Set(['Cấp, quản lý căn cước', 'Đăng ký, quản lý cư trú']);

export interface SeedDemoOptions {
  /** Also generate the dossier history 2021 – today (seed-history.ts); off for the test template. */
  history?: boolean;
}

/** Idempotent: a second run finds everything in place and changes nothing. */
export async function seedDemo(
  db: Db,
  log: (line: string) => void = () => {},
  options: SeedDemoOptions = {},
): Promise<void> {
  await seedReferenceData(db);
  const agencyIds = await seedViThanhOrganisation(db);
  log(`Cơ cấu tổ chức: ${agencyIds.size} cơ quan.`);
  const records = JSON.parse(fs.readFileSync(proceduresFile, 'utf8')) as unknown[];
  const result = await importProcedures(db, records, { publish: true });
  log(
    `Danh mục TTHC: thêm ${result.inserted}, đã có ${result.skipped}, cần xác nhận ${result.flags} giá trị.`,
  );
  if (result.rejected.length) log(`  ${result.rejected.length} bản ghi bị bỏ qua do lỗi dữ liệu.`);
  await linkProceduresToWards(db);
  await seedDemoFormSchemas(db);
  await seedDemoAccounts(db, agencyIds);
  log(`Phản ánh, kiến nghị mẫu: thêm ${await seedFeedback(db)}.`);
  if (options.history) log(historySummary(await seedHistory(db)));
  log(await seedSurveys(db));
  log(await seedReformPlan(db));
  log(await seedReformIndex(db));
  log(await seedStaff(db));
  log(await seedDocuments(db));
  log(await seedReformReports(db));
  log(await seedPositions(db));
  log(await seedReformBudget(db));
  log(await seedNews(db));
  log(await seedEgovCriteria(db));
}

/** Commune-level procedures are carried out by every ward/commune (police fields by the ward police). */
async function linkProceduresToWards(db: Db) {
  const wardAgencies = await db
    .select({ id: agencies.id, kind: agencies.kind })
    .from(agencies)
    .innerJoin(adminUnits, eq(adminUnits.id, agencies.unitId))
    .where(and(eq(adminUnits.tier, 3), inArray(agencies.kind, ['people_committee', 'police'])));
  const all = await db
    .select({ id: procedures.id, field: procedures.field, levels: procedures.levels })
    .from(procedures);
  const links = all
    .filter((p) => p.levels.includes('commune'))
    .flatMap((p) => {
      const kind = policeFields.has(p.field) ? 'police' : 'people_committee';
      return wardAgencies.filter((a) => a.kind === kind).map((a) => ({ procedureId: p.id, agencyId: a.id }));
    });
  for (let i = 0; i < links.length; i += 500) {
    await db
      .insert(procedureAgencies)
      .values(links.slice(i, i + 500))
      .onConflictDoNothing();
  }
}

/** Demo users and each of their role grants are ensured one by one, so later grants reach existing demo data. */
async function seedDemoAccounts(db: Db, agencyIds: Map<string, string>) {
  let passwordHash: string | undefined;
  for (const account of demoAccounts) {
    let [user] = await db.select({ id: users.id }).from(users).where(eq(users.email, account.email));
    if (!user) {
      passwordHash ??= await hashPassword(demoPassword);
      [user] = await db
        .insert(users)
        .values({ kind: account.kind, fullName: account.fullName, email: account.email, passwordHash })
        .returning({ id: users.id });
    }
    if (!user) throw new Error('insert returned nothing');
    for (const grant of account.roles) {
      const agencyId = grant.agency ? agencyIds.get(grant.agency) : null;
      if (agencyId === undefined) throw new Error(`demo agency ${grant.agency} is missing`);
      const [taken] = await db
        .select({ id: roleAssignments.id })
        .from(roleAssignments)
        .where(
          and(
            eq(roleAssignments.userId, user.id),
            eq(roleAssignments.role, grant.role),
            agencyId ? eq(roleAssignments.agencyId, agencyId) : isNull(roleAssignments.agencyId),
          ),
        );
      if (!taken) await db.insert(roleAssignments).values({ userId: user.id, role: grant.role, agencyId });
    }
  }
}
