CREATE TABLE "egov_assessment_values" (
	"owner_unit_id" uuid NOT NULL,
	"assessment_id" uuid NOT NULL,
	"criterion_id" uuid NOT NULL,
	"value" double precision,
	"evidence" text,
	"updated_at" timestamp with time zone NOT NULL,
	CONSTRAINT "egov_assessment_values_owner_unit_id_assessment_id_criterion_id_pk" PRIMARY KEY("owner_unit_id","assessment_id","criterion_id")
);
--> statement-breakpoint
CREATE TABLE "egov_assessments" (
	"owner_unit_id" uuid NOT NULL,
	"id" uuid DEFAULT gen_random_uuid() NOT NULL,
	"year" smallint NOT NULL,
	"agency_id" uuid,
	"subject_key" varchar(40) NOT NULL,
	"status" varchar(10) NOT NULL,
	"review_note" text,
	"submitted_at" timestamp with time zone,
	"submitted_by_name" text,
	"reviewed_at" timestamp with time zone,
	"reviewed_by_name" text,
	"version" integer DEFAULT 1 NOT NULL,
	"created_at" timestamp with time zone NOT NULL,
	"updated_at" timestamp with time zone NOT NULL,
	CONSTRAINT "egov_assessments_owner_unit_id_id_pk" PRIMARY KEY("owner_unit_id","id")
);
--> statement-breakpoint
CREATE TABLE "egov_criteria" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"year" smallint NOT NULL,
	"code" varchar(12) NOT NULL,
	"ordinal" smallint NOT NULL,
	"group_name" text NOT NULL,
	"title" text NOT NULL,
	"kind" varchar(8) NOT NULL,
	"source" varchar(24),
	"unit" varchar(20) NOT NULL,
	"target" double precision NOT NULL,
	"weight" double precision NOT NULL,
	"max_level" smallint,
	"for_agencies" boolean DEFAULT true NOT NULL,
	"for_unit" boolean DEFAULT true NOT NULL,
	"note" text,
	"version" integer DEFAULT 1 NOT NULL
);
--> statement-breakpoint
CREATE TABLE "interlinked_procedures" (
	"procedure_id" uuid PRIMARY KEY NOT NULL,
	"agency_ids" uuid[] NOT NULL,
	"note" text,
	"version" integer DEFAULT 1 NOT NULL,
	"updated_at" timestamp with time zone NOT NULL
);
--> statement-breakpoint
CREATE TABLE "procedure_review_items" (
	"owner_unit_id" uuid NOT NULL,
	"id" uuid DEFAULT gen_random_uuid() NOT NULL,
	"plan_id" uuid NOT NULL,
	"procedure_id" uuid NOT NULL,
	"agency_id" uuid NOT NULL,
	"officer_name" text,
	"due_date" date NOT NULL,
	"status" varchar(12) NOT NULL,
	"burdens" jsonb DEFAULT '[]'::jsonb NOT NULL,
	"conclusion" text,
	"version" integer DEFAULT 1 NOT NULL,
	"updated_at" timestamp with time zone NOT NULL,
	CONSTRAINT "procedure_review_items_owner_unit_id_id_pk" PRIMARY KEY("owner_unit_id","id")
);
--> statement-breakpoint
CREATE TABLE "procedure_review_plans" (
	"owner_unit_id" uuid NOT NULL,
	"id" uuid DEFAULT gen_random_uuid() NOT NULL,
	"year" smallint NOT NULL,
	"title" text NOT NULL,
	"status" varchar(10) NOT NULL,
	"citizen_day_value_vnd" integer NOT NULL,
	"visit_cost_vnd" integer NOT NULL,
	"version" integer DEFAULT 1 NOT NULL,
	"created_at" timestamp with time zone NOT NULL,
	"updated_at" timestamp with time zone NOT NULL,
	CONSTRAINT "procedure_review_plans_owner_unit_id_id_pk" PRIMARY KEY("owner_unit_id","id")
);
--> statement-breakpoint
CREATE TABLE "procedure_review_proposals" (
	"owner_unit_id" uuid NOT NULL,
	"id" uuid DEFAULT gen_random_uuid() NOT NULL,
	"item_id" uuid NOT NULL,
	"kind" varchar(14) NOT NULL,
	"description" text NOT NULL,
	"status" varchar(12) NOT NULL,
	"decision_number" varchar(60),
	"decision_date" date,
	"days_saved" double precision DEFAULT 0 NOT NULL,
	"visits_saved" smallint DEFAULT 0 NOT NULL,
	"fee_reduction_vnd" integer DEFAULT 0 NOT NULL,
	"version" integer DEFAULT 1 NOT NULL,
	"created_at" timestamp with time zone NOT NULL,
	"updated_at" timestamp with time zone NOT NULL,
	CONSTRAINT "procedure_review_proposals_owner_unit_id_id_pk" PRIMARY KEY("owner_unit_id","id")
);
--> statement-breakpoint
CREATE INDEX "egov_assessments_id_idx" ON "egov_assessments" USING btree ("id");--> statement-breakpoint
CREATE UNIQUE INDEX "egov_assessments_subject_uq" ON "egov_assessments" USING btree ("owner_unit_id","year","subject_key");--> statement-breakpoint
CREATE UNIQUE INDEX "egov_criteria_year_code_uq" ON "egov_criteria" USING btree ("year","code");--> statement-breakpoint
CREATE INDEX "egov_criteria_year_idx" ON "egov_criteria" USING btree ("year","ordinal");--> statement-breakpoint
CREATE INDEX "procedure_review_items_id_idx" ON "procedure_review_items" USING btree ("id");--> statement-breakpoint
CREATE UNIQUE INDEX "procedure_review_items_plan_procedure_uq" ON "procedure_review_items" USING btree ("owner_unit_id","plan_id","procedure_id");--> statement-breakpoint
CREATE INDEX "procedure_review_items_agency_idx" ON "procedure_review_items" USING btree ("owner_unit_id","agency_id");--> statement-breakpoint
CREATE INDEX "procedure_review_plans_id_idx" ON "procedure_review_plans" USING btree ("id");--> statement-breakpoint
CREATE UNIQUE INDEX "procedure_review_plans_title_uq" ON "procedure_review_plans" USING btree ("owner_unit_id","year","title");--> statement-breakpoint
CREATE INDEX "procedure_review_proposals_id_idx" ON "procedure_review_proposals" USING btree ("id");--> statement-breakpoint
CREATE INDEX "procedure_review_proposals_item_idx" ON "procedure_review_proposals" USING btree ("owner_unit_id","item_id");