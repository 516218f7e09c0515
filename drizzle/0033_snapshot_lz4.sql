-- The dossier snapshot (about 4 KB of JSON) is compressed on every transition: lz4 costs about half of pglz's
-- CPU per update. PGlite is built without lz4, so it keeps the default there. Rows already stored keep their
-- compression until next rewritten.
DO $$
BEGIN
  IF EXISTS (SELECT 1 FROM pg_settings WHERE name = 'default_toast_compression' AND 'lz4' = ANY (enumvals)) THEN
    ALTER TABLE "dossiers" ALTER COLUMN "snapshot" SET COMPRESSION lz4;
  END IF;
END $$;
