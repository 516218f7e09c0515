CREATE TABLE "reform_plan_areas" (
	"owner_unit_id" uuid NOT NULL,
	"id" uuid DEFAULT gen_random_uuid() NOT NULL,
	"plan_id" uuid NOT NULL,
	"kind" varchar(12) NOT NULL,
	"code" varchar(12) NOT NULL,
	"ordinal" smallint NOT NULL,
	"title" text NOT NULL,
	CONSTRAINT "reform_plan_areas_owner_unit_id_id_pk" PRIMARY KEY("owner_unit_id","id")
);
--> statement-breakpoint
CREATE TABLE "reform_plan_events" (
	"owner_unit_id" uuid NOT NULL,
	"id" bigserial NOT NULL,
	"plan_id" uuid NOT NULL,
	"task_id" uuid,
	"action" varchar(30) NOT NULL,
	"actor_user_id" uuid,
	"actor_name" text,
	"at" timestamp with time zone NOT NULL,
	"data" jsonb DEFAULT '{}'::jsonb NOT NULL,
	CONSTRAINT "reform_plan_events_owner_unit_id_id_pk" PRIMARY KEY("owner_unit_id","id")
);
--> statement-breakpoint
CREATE TABLE "reform_plans" (
	"owner_unit_id" uuid NOT NULL,
	"id" uuid DEFAULT gen_random_uuid() NOT NULL,
	"title" text NOT NULL,
	"from_year" smallint NOT NULL,
	"to_year" smallint NOT NULL,
	"decision_number" varchar(60),
	"decision_date" date,
	"issuing_agency_id" uuid,
	"coordinating_agency_id" uuid,
	"summary" text,
	"status" varchar(10) NOT NULL,
	"copied_from_id" uuid,
	"version" integer DEFAULT 1 NOT NULL,
	"created_at" timestamp with time zone NOT NULL,
	"updated_at" timestamp with time zone NOT NULL,
	CONSTRAINT "reform_plans_owner_unit_id_id_pk" PRIMARY KEY("owner_unit_id","id")
);
--> statement-breakpoint
CREATE TABLE "reform_target_actuals" (
	"owner_unit_id" uuid NOT NULL,
	"target_id" uuid NOT NULL,
	"year" smallint NOT NULL,
	"value" double precision NOT NULL,
	"note" text,
	"evidence" jsonb DEFAULT '[]'::jsonb NOT NULL,
	"entered_by" uuid,
	"entered_by_name" text,
	"entered_at" timestamp with time zone NOT NULL,
	CONSTRAINT "reform_target_actuals_owner_unit_id_target_id_year_pk" PRIMARY KEY("owner_unit_id","target_id","year")
);
--> statement-breakpoint
CREATE TABLE "reform_targets" (
	"owner_unit_id" uuid NOT NULL,
	"id" uuid DEFAULT gen_random_uuid() NOT NULL,
	"plan_id" uuid NOT NULL,
	"code" varchar(8) NOT NULL,
	"ordinal" smallint NOT NULL,
	"title" text NOT NULL,
	"measure" varchar(10) NOT NULL,
	"op" varchar(2),
	"target_value" double precision,
	"indicator_key" varchar(40),
	CONSTRAINT "reform_targets_owner_unit_id_id_pk" PRIMARY KEY("owner_unit_id","id")
);
--> statement-breakpoint
CREATE TABLE "reform_task_occurrences" (
	"owner_unit_id" uuid NOT NULL,
	"id" uuid DEFAULT gen_random_uuid() NOT NULL,
	"task_id" uuid NOT NULL,
	"plan_id" uuid NOT NULL,
	"lead_agency_id" uuid NOT NULL,
	"period_key" varchar(10) NOT NULL,
	"due_date" date NOT NULL,
	"status" varchar(12) NOT NULL,
	"percent" smallint DEFAULT 0 NOT NULL,
	"completed_at" timestamp with time zone,
	"updated_at" timestamp with time zone NOT NULL,
	CONSTRAINT "reform_task_occurrences_owner_unit_id_id_pk" PRIMARY KEY("owner_unit_id","id")
);
--> statement-breakpoint
CREATE TABLE "reform_task_updates" (
	"owner_unit_id" uuid NOT NULL,
	"id" uuid DEFAULT gen_random_uuid() NOT NULL,
	"task_id" uuid NOT NULL,
	"occurrence_id" uuid NOT NULL,
	"status" varchar(12) NOT NULL,
	"percent" smallint NOT NULL,
	"note" text,
	"evidence" jsonb DEFAULT '[]'::jsonb NOT NULL,
	"author_user_id" uuid,
	"author_name" text,
	"at" timestamp with time zone NOT NULL,
	CONSTRAINT "reform_task_updates_owner_unit_id_id_pk" PRIMARY KEY("owner_unit_id","id")
);
--> statement-breakpoint
CREATE TABLE "reform_tasks" (
	"owner_unit_id" uuid NOT NULL,
	"id" uuid DEFAULT gen_random_uuid() NOT NULL,
	"plan_id" uuid NOT NULL,
	"area_id" uuid NOT NULL,
	"ordinal" smallint NOT NULL,
	"description" text NOT NULL,
	"lead_agency_id" uuid NOT NULL,
	"coordinating_agency_ids" uuid[] DEFAULT '{}' NOT NULL,
	"recurrence" varchar(10) NOT NULL,
	"due_date" date,
	"due_month" smallint,
	"due_day" smallint,
	"expected_output" text,
	"version" integer DEFAULT 1 NOT NULL,
	"created_at" timestamp with time zone NOT NULL,
	"updated_at" timestamp with time zone NOT NULL,
	CONSTRAINT "reform_tasks_owner_unit_id_id_pk" PRIMARY KEY("owner_unit_id","id")
);
--> statement-breakpoint
CREATE INDEX "reform_plan_areas_plan_idx" ON "reform_plan_areas" USING btree ("owner_unit_id","plan_id","ordinal");--> statement-breakpoint
CREATE INDEX "reform_events_plan_idx" ON "reform_plan_events" USING btree ("owner_unit_id","plan_id","id");--> statement-breakpoint
CREATE INDEX "reform_events_task_idx" ON "reform_plan_events" USING btree ("owner_unit_id","task_id","id");--> statement-breakpoint
CREATE INDEX "reform_plans_id_idx" ON "reform_plans" USING btree ("id");--> statement-breakpoint
CREATE INDEX "reform_targets_plan_idx" ON "reform_targets" USING btree ("owner_unit_id","plan_id","ordinal");--> statement-breakpoint
CREATE UNIQUE INDEX "reform_occ_task_idx" ON "reform_task_occurrences" USING btree ("owner_unit_id","task_id","period_key");--> statement-breakpoint
CREATE INDEX "reform_occ_plan_idx" ON "reform_task_occurrences" USING btree ("owner_unit_id","plan_id","due_date");--> statement-breakpoint
CREATE INDEX "reform_occ_agency_idx" ON "reform_task_occurrences" USING btree ("lead_agency_id","status","due_date");--> statement-breakpoint
CREATE INDEX "reform_updates_task_idx" ON "reform_task_updates" USING btree ("owner_unit_id","task_id","at");--> statement-breakpoint
CREATE INDEX "reform_tasks_id_idx" ON "reform_tasks" USING btree ("id");--> statement-breakpoint
CREATE INDEX "reform_tasks_plan_idx" ON "reform_tasks" USING btree ("owner_unit_id","plan_id","area_id","ordinal");