import { defineConfig } from 'drizzle-kit';

// Migrations are generated from the module schemas and applied from code at start-up
// (drizzle-kit's own migrate silently fails on PGlite; see docs/decisions/0002-database.md).
export default defineConfig({
  dialect: 'postgresql',
  schema: './src/modules/*/schema.ts',
  out: './drizzle',
});
