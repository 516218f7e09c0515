import { eq } from 'drizzle-orm';
import { z } from 'zod';
import type { Db } from '../../platform/db/connect.ts';
import { DEFAULT_TARGETS, targetsSchema } from './formulas.ts';
import { DEFAULT_766, index766SettingsSchema } from './index-766.ts';
import { kpiSettings } from './schema.ts';

// The deployment's indicator settings: the plan's targets and the Decision 766 weights (docs/kpi.md).

export const kpiSettingsSchema = z.object({
  targets: targetsSchema,
  index766: index766SettingsSchema,
});
export type KpiSettings = z.infer<typeof kpiSettingsSchema>;

export const DEFAULT_KPI_SETTINGS: KpiSettings = { targets: DEFAULT_TARGETS, index766: DEFAULT_766 };

export async function loadKpiSettings(db: Db): Promise<KpiSettings> {
  const [row] = await db.select().from(kpiSettings).where(eq(kpiSettings.id, 1));
  const parsed = row ? kpiSettingsSchema.safeParse(row.settings) : undefined;
  return parsed?.success ? parsed.data : DEFAULT_KPI_SETTINGS;
}

export async function saveKpiSettings(db: Db, settings: KpiSettings, userId: string): Promise<KpiSettings> {
  const now = new Date();
  await db
    .insert(kpiSettings)
    .values({ id: 1, settings, updatedAt: now, updatedBy: userId })
    .onConflictDoUpdate({ target: kpiSettings.id, set: { settings, updatedAt: now, updatedBy: userId } });
  return settings;
}
