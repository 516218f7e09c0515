-- A transition rewrites the dossier's row with its whole snapshot (3–4 KB of JSON, about 2 KB once compressed).
-- With the default toast_tuple_target (about 2 KB) the compressed snapshot was still moved out of line on most
-- updates: one more heap row and index entry in the TOAST table per transition, and one more index look-up per
-- read. With a target of 3,000 bytes a row above it is still compressed (about three rows per page), and only
-- snapshots still larger once compressed (long histories) go out of line.
ALTER TABLE "dossiers" SET (toast_tuple_target = 3000);
