DROP INDEX "dossiers_received_idx";--> statement-breakpoint
CREATE INDEX "dossiers_received_idx" ON "dossiers" USING btree ("owner_unit_id","received_at") WHERE "dossiers"."received_at" is not null;