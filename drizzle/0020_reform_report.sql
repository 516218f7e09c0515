CREATE TABLE "reform_report_events" (
	"owner_unit_id" uuid NOT NULL,
	"id" bigserial NOT NULL,
	"report_id" uuid NOT NULL,
	"action" varchar(30) NOT NULL,
	"actor_user_id" uuid,
	"actor_name" text,
	"at" timestamp with time zone NOT NULL,
	"data" jsonb DEFAULT '{}'::jsonb NOT NULL,
	CONSTRAINT "reform_report_events_owner_unit_id_id_pk" PRIMARY KEY("owner_unit_id","id")
);
--> statement-breakpoint
CREATE TABLE "reform_reports" (
	"owner_unit_id" uuid NOT NULL,
	"id" uuid DEFAULT gen_random_uuid() NOT NULL,
	"plan_id" uuid NOT NULL,
	"agency_id" uuid NOT NULL,
	"year" smallint NOT NULL,
	"status" varchar(12) NOT NULL,
	"figures" jsonb NOT NULL,
	"figures_at" timestamp with time zone NOT NULL,
	"area_texts" jsonb DEFAULT '{}'::jsonb NOT NULL,
	"summary" text DEFAULT '' NOT NULL,
	"difficulties" text DEFAULT '' NOT NULL,
	"proposals" text DEFAULT '' NOT NULL,
	"review_comment" text,
	"first_submitted_at" timestamp with time zone,
	"submitted_at" timestamp with time zone,
	"accepted_at" timestamp with time zone,
	"version" integer DEFAULT 1 NOT NULL,
	"created_at" timestamp with time zone NOT NULL,
	"updated_at" timestamp with time zone NOT NULL,
	CONSTRAINT "reform_reports_owner_unit_id_id_pk" PRIMARY KEY("owner_unit_id","id")
);
--> statement-breakpoint
CREATE INDEX "reform_report_events_report_idx" ON "reform_report_events" USING btree ("owner_unit_id","report_id","id");--> statement-breakpoint
CREATE UNIQUE INDEX "reform_reports_agency_year_idx" ON "reform_reports" USING btree ("owner_unit_id","agency_id","plan_id","year");--> statement-breakpoint
CREATE INDEX "reform_reports_id_idx" ON "reform_reports" USING btree ("id");--> statement-breakpoint
CREATE INDEX "reform_reports_year_idx" ON "reform_reports" USING btree ("plan_id","year","status");