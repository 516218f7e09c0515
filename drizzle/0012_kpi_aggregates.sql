CREATE TABLE "kpi_dossier_monthly" (
	"owner_unit_id" uuid NOT NULL,
	"month" date NOT NULL,
	"receiving_agency_id" uuid NOT NULL,
	"competent_agency_id" uuid NOT NULL,
	"procedure_id" uuid NOT NULL,
	"received_online" integer DEFAULT 0 NOT NULL,
	"received_offline" integer DEFAULT 0 NOT NULL,
	"received_digitised" integer DEFAULT 0 NOT NULL,
	"resolved_early" integer DEFAULT 0 NOT NULL,
	"resolved_on_time" integer DEFAULT 0 NOT NULL,
	"resolved_late" integer DEFAULT 0 NOT NULL,
	"resolved_uncounted" integer DEFAULT 0 NOT NULL,
	"index_on_time" integer DEFAULT 0 NOT NULL,
	"index_late" integer DEFAULT 0 NOT NULL,
	"results_issued" integer DEFAULT 0 NOT NULL,
	"results_digitised" integer DEFAULT 0 NOT NULL,
	"returned" integer DEFAULT 0 NOT NULL,
	"withdrawn" integer DEFAULT 0 NOT NULL,
	"stopped" integer DEFAULT 0 NOT NULL,
	"refused" integer DEFAULT 0 NOT NULL,
	CONSTRAINT "kpi_dossier_monthly_owner_unit_id_month_receiving_agency_id_competent_agency_id_procedure_id_pk" PRIMARY KEY("owner_unit_id","month","receiving_agency_id","competent_agency_id","procedure_id")
);
--> statement-breakpoint
CREATE TABLE "kpi_rating_monthly" (
	"owner_unit_id" uuid NOT NULL,
	"month" date NOT NULL,
	"receiving_agency_id" uuid NOT NULL,
	"competent_agency_id" uuid NOT NULL,
	"procedure_id" uuid NOT NULL,
	"level" varchar(40) NOT NULL,
	"satisfied" boolean NOT NULL,
	"ratings" integer DEFAULT 0 NOT NULL,
	CONSTRAINT "kpi_rating_monthly_owner_unit_id_month_receiving_agency_id_competent_agency_id_procedure_id_level_satisfied_pk" PRIMARY KEY("owner_unit_id","month","receiving_agency_id","competent_agency_id","procedure_id","level","satisfied")
);
--> statement-breakpoint
CREATE TABLE "kpi_rollup_state" (
	"source" varchar(40) PRIMARY KEY NOT NULL,
	"last_tx" "xid8" NOT NULL,
	"last_key" varchar(60) NOT NULL,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
CREATE TABLE "kpi_settings" (
	"id" integer PRIMARY KEY NOT NULL,
	"settings" jsonb NOT NULL,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL,
	"updated_by" uuid
);
--> statement-breakpoint
ALTER TABLE "dossier_events" ADD COLUMN "tx" "xid8" DEFAULT pg_current_xact_id() NOT NULL;--> statement-breakpoint
ALTER TABLE "dossier_ratings" ADD COLUMN "tx" "xid8" DEFAULT pg_current_xact_id() NOT NULL;--> statement-breakpoint
ALTER TABLE "dossier_ratings" ADD COLUMN "counted_level" varchar(40);--> statement-breakpoint
ALTER TABLE "dossier_ratings" ADD COLUMN "counted_satisfied" boolean;--> statement-breakpoint
CREATE INDEX "kpi_dossier_monthly_competent_idx" ON "kpi_dossier_monthly" USING btree ("competent_agency_id","month");--> statement-breakpoint
CREATE INDEX "kpi_dossier_monthly_receiving_idx" ON "kpi_dossier_monthly" USING btree ("receiving_agency_id","month");--> statement-breakpoint
CREATE INDEX "kpi_rating_monthly_competent_idx" ON "kpi_rating_monthly" USING btree ("competent_agency_id","month");--> statement-breakpoint
CREATE INDEX "kpi_rating_monthly_receiving_idx" ON "kpi_rating_monthly" USING btree ("receiving_agency_id","month");--> statement-breakpoint
CREATE INDEX "dossier_events_tx_idx" ON "dossier_events" USING btree ("tx","id");--> statement-breakpoint
CREATE INDEX "dossiers_resolved_idx" ON "dossiers" USING btree ("owner_unit_id","resolved_at") WHERE "dossiers"."resolved_at" is not null;--> statement-breakpoint
CREATE INDEX "dossiers_open_due_idx" ON "dossiers" USING btree ("owner_unit_id","due_at") WHERE "dossiers"."state" in ('received', 'in_progress', 'supplement_requested');--> statement-breakpoint
CREATE INDEX "dossier_ratings_tx_idx" ON "dossier_ratings" USING btree ("tx","dossier_id");