// Every module's tables, gathered so drizzle knows the whole database.
export * from '../../modules/auth/schema.ts';
export * from '../../modules/calendar/schema.ts';
export * from '../../modules/catalog/schema.ts';
export * from '../../modules/documents/schema.ts';
export * from '../../modules/dossier/schema.ts';
export * from '../../modules/evaluation/schema.ts';
export * from '../../modules/feedback/schema.ts';
export * from '../../modules/interop/schema.ts';
export * from '../../modules/kpi/schema.ts';
export * from '../../modules/notify/schema.ts';
export * from '../../modules/org/schema.ts';
export * from '../../modules/ratings/schema.ts';
export * from '../../modules/reform-index/schema.ts';
export * from '../../modules/reform-plan/schema.ts';
export * from '../../modules/reform-report/schema.ts';
export * from '../../modules/staff/schema.ts';
export * from '../../modules/surveys/schema.ts';
