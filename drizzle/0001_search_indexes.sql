-- Trigram indexes for diacritic-insensitive catalog search. The folded text is computed in code
-- (src/platform/text/normalize.ts), so PGlite and PostgreSQL index identical strings.
CREATE EXTENSION IF NOT EXISTS pg_trgm;
--> statement-breakpoint
CREATE INDEX IF NOT EXISTS procedures_search_text_trgm ON procedures USING gin (search_text gin_trgm_ops);
--> statement-breakpoint
CREATE INDEX IF NOT EXISTS procedures_search_name_trgm ON procedures USING gin (search_name gin_trgm_ops);
