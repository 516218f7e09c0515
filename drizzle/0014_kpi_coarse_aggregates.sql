CREATE TABLE "kpi_agency_monthly" (
	"owner_unit_id" uuid NOT NULL,
	"month" date NOT NULL,
	"receiving_agency_id" uuid NOT NULL,
	"competent_agency_id" uuid NOT NULL,
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
	"ratings" integer DEFAULT 0 NOT NULL,
	"ratings_satisfied" integer DEFAULT 0 NOT NULL,
	CONSTRAINT "kpi_agency_monthly_owner_unit_id_month_receiving_agency_id_competent_agency_id_pk" PRIMARY KEY("owner_unit_id","month","receiving_agency_id","competent_agency_id")
);
--> statement-breakpoint
CREATE TABLE "kpi_unit_monthly" (
	"owner_unit_id" uuid NOT NULL,
	"month" date NOT NULL,
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
	"ratings" integer DEFAULT 0 NOT NULL,
	"ratings_satisfied" integer DEFAULT 0 NOT NULL,
	CONSTRAINT "kpi_unit_monthly_owner_unit_id_month_pk" PRIMARY KEY("owner_unit_id","month")
);
--> statement-breakpoint
CREATE INDEX "kpi_agency_monthly_competent_idx" ON "kpi_agency_monthly" USING btree ("competent_agency_id","month");--> statement-breakpoint
CREATE INDEX "kpi_agency_monthly_receiving_idx" ON "kpi_agency_monthly" USING btree ("receiving_agency_id","month");--> statement-breakpoint
CREATE INDEX "kpi_dossier_monthly_procedure_idx" ON "kpi_dossier_monthly" USING btree ("procedure_id","month");--> statement-breakpoint
CREATE INDEX "kpi_rating_monthly_procedure_idx" ON "kpi_rating_monthly" USING btree ("procedure_id","month");