DROP INDEX "dossiers_receiving_idx";--> statement-breakpoint
DROP INDEX "dossiers_competent_idx";--> statement-breakpoint
CREATE INDEX "dossiers_receiving_created_idx" ON "dossiers" USING btree ("receiving_agency_id","created_at");--> statement-breakpoint
CREATE INDEX "dossiers_competent_created_idx" ON "dossiers" USING btree ("competent_agency_id","created_at");