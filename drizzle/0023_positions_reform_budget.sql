CREATE TABLE "headcount_quotas" (
	"owner_unit_id" uuid NOT NULL,
	"agency_id" uuid NOT NULL,
	"year" smallint NOT NULL,
	"civil_servants" integer NOT NULL,
	"public_employees" integer NOT NULL,
	"contract_staff" integer NOT NULL,
	"decision_number" varchar(60) NOT NULL,
	"decision_date" date,
	"version" integer DEFAULT 1 NOT NULL,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "headcount_quotas_owner_unit_id_agency_id_year_pk" PRIMARY KEY("owner_unit_id","agency_id","year")
);
--> statement-breakpoint
CREATE TABLE "job_positions" (
	"owner_unit_id" uuid NOT NULL,
	"id" uuid DEFAULT gen_random_uuid() NOT NULL,
	"agency_id" uuid NOT NULL,
	"code" varchar(30) NOT NULL,
	"name" text NOT NULL,
	"group" varchar(20) NOT NULL,
	"required_degree" varchar(20) NOT NULL,
	"required_field" text,
	"competencies" jsonb DEFAULT '[]'::jsonb NOT NULL,
	"headcount" smallint NOT NULL,
	"version" integer DEFAULT 1 NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "job_positions_owner_unit_id_id_pk" PRIMARY KEY("owner_unit_id","id")
);
--> statement-breakpoint
CREATE TABLE "position_holders" (
	"owner_unit_id" uuid NOT NULL,
	"position_id" uuid NOT NULL,
	"official_id" uuid NOT NULL,
	"from_date" date NOT NULL,
	"to_date" date,
	CONSTRAINT "position_holders_owner_unit_id_position_id_official_id_from_date_pk" PRIMARY KEY("owner_unit_id","position_id","official_id","from_date")
);
--> statement-breakpoint
CREATE TABLE "streamlining_plans" (
	"owner_unit_id" uuid NOT NULL,
	"agency_id" uuid NOT NULL,
	"from_year" smallint NOT NULL,
	"to_year" smallint NOT NULL,
	"target_percent" smallint NOT NULL,
	"planned" jsonb DEFAULT '[]'::jsonb NOT NULL,
	"decision_number" varchar(60),
	"version" integer DEFAULT 1 NOT NULL,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "streamlining_plans_owner_unit_id_agency_id_pk" PRIMARY KEY("owner_unit_id","agency_id")
);
--> statement-breakpoint
CREATE TABLE "reform_budget_disbursements" (
	"owner_unit_id" uuid NOT NULL,
	"id" uuid DEFAULT gen_random_uuid() NOT NULL,
	"line_id" uuid NOT NULL,
	"amount" bigint NOT NULL,
	"paid_on" date NOT NULL,
	"document" varchar(120) NOT NULL,
	"recorded_by" uuid,
	"recorded_at" timestamp with time zone NOT NULL,
	CONSTRAINT "reform_budget_disbursements_owner_unit_id_id_pk" PRIMARY KEY("owner_unit_id","id")
);
--> statement-breakpoint
CREATE TABLE "reform_budget_events" (
	"owner_unit_id" uuid NOT NULL,
	"id" bigserial NOT NULL,
	"line_id" uuid NOT NULL,
	"action" varchar(20) NOT NULL,
	"from_status" varchar(12),
	"to_status" varchar(12) NOT NULL,
	"actor_user_id" uuid,
	"actor_name" text,
	"at" timestamp with time zone NOT NULL,
	"data" jsonb DEFAULT '{}'::jsonb NOT NULL,
	CONSTRAINT "reform_budget_events_owner_unit_id_id_pk" PRIMARY KEY("owner_unit_id","id")
);
--> statement-breakpoint
CREATE TABLE "reform_budget_lines" (
	"owner_unit_id" uuid NOT NULL,
	"id" uuid DEFAULT gen_random_uuid() NOT NULL,
	"plan_id" uuid NOT NULL,
	"task_id" uuid NOT NULL,
	"area_id" uuid NOT NULL,
	"lead_agency_id" uuid NOT NULL,
	"year" smallint NOT NULL,
	"status" varchar(12) NOT NULL,
	"source" varchar(14) NOT NULL,
	"description" text NOT NULL,
	"proposed_amount" bigint NOT NULL,
	"appraised_amount" bigint,
	"appraisal_comment" text,
	"approved_amount" bigint,
	"decision_number" varchar(60),
	"decision_date" date,
	"settled_amount" bigint,
	"settlement_document" varchar(120),
	"settled_on" date,
	"version" integer DEFAULT 1 NOT NULL,
	"created_at" timestamp with time zone NOT NULL,
	"updated_at" timestamp with time zone NOT NULL,
	CONSTRAINT "reform_budget_lines_owner_unit_id_id_pk" PRIMARY KEY("owner_unit_id","id")
);
--> statement-breakpoint
CREATE TABLE "reform_budget_settings" (
	"id" varchar(10) PRIMARY KEY NOT NULL,
	"finance_agency_id" uuid,
	"approving_agency_id" uuid,
	"unspent_percent" smallint DEFAULT 50 NOT NULL,
	"unspent_month" smallint DEFAULT 11 NOT NULL,
	"unspent_day" smallint DEFAULT 30 NOT NULL,
	"version" integer DEFAULT 1 NOT NULL
);
--> statement-breakpoint
CREATE INDEX "job_positions_id_idx" ON "job_positions" USING btree ("id");--> statement-breakpoint
CREATE UNIQUE INDEX "job_positions_code_uq" ON "job_positions" USING btree ("owner_unit_id","agency_id","code");--> statement-breakpoint
CREATE INDEX "position_holders_official_idx" ON "position_holders" USING btree ("owner_unit_id","official_id");--> statement-breakpoint
CREATE INDEX "reform_budget_disb_line_idx" ON "reform_budget_disbursements" USING btree ("owner_unit_id","line_id","paid_on");--> statement-breakpoint
CREATE INDEX "reform_budget_events_line_idx" ON "reform_budget_events" USING btree ("owner_unit_id","line_id","id");--> statement-breakpoint
CREATE INDEX "reform_budget_lines_id_idx" ON "reform_budget_lines" USING btree ("id");--> statement-breakpoint
CREATE INDEX "reform_budget_lines_year_idx" ON "reform_budget_lines" USING btree ("owner_unit_id","year","status");--> statement-breakpoint
CREATE INDEX "reform_budget_lines_agency_idx" ON "reform_budget_lines" USING btree ("lead_agency_id","year");