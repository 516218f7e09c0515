CREATE TABLE "reform_index_nodes" (
	"owner_unit_id" uuid NOT NULL,
	"id" uuid DEFAULT gen_random_uuid() NOT NULL,
	"year_id" uuid NOT NULL,
	"parent_id" uuid,
	"code" varchar(16) NOT NULL,
	"ordinal" smallint NOT NULL,
	"title" text NOT NULL,
	"kind" varchar(10) NOT NULL,
	"max_points" double precision NOT NULL,
	"evidence_required" boolean DEFAULT false NOT NULL,
	"guidance" text,
	"indicator_key" varchar(40),
	"scale" jsonb,
	CONSTRAINT "reform_index_nodes_owner_unit_id_id_pk" PRIMARY KEY("owner_unit_id","id")
);
--> statement-breakpoint
CREATE TABLE "reform_index_participants" (
	"owner_unit_id" uuid NOT NULL,
	"year_id" uuid NOT NULL,
	"agency_id" uuid NOT NULL,
	CONSTRAINT "reform_index_participants_owner_unit_id_year_id_agency_id_pk" PRIMARY KEY("owner_unit_id","year_id","agency_id")
);
--> statement-breakpoint
CREATE TABLE "reform_index_scores" (
	"owner_unit_id" uuid NOT NULL,
	"year_id" uuid NOT NULL,
	"agency_id" uuid NOT NULL,
	"node_id" uuid NOT NULL,
	"self_score" double precision,
	"self_comment" text,
	"evidence" jsonb DEFAULT '[]'::jsonb NOT NULL,
	"self_by" text,
	"self_at" timestamp with time zone,
	"measured_value" double precision,
	"computed_score" double precision,
	"computed_at" timestamp with time zone,
	"appraised_score" double precision,
	"appraisal_comment" text,
	"appraised_by" text,
	"appraised_at" timestamp with time zone,
	"response_comment" text,
	"responded_by" text,
	"responded_at" timestamp with time zone,
	"version" integer DEFAULT 1 NOT NULL,
	CONSTRAINT "reform_index_scores_owner_unit_id_year_id_agency_id_node_id_pk" PRIMARY KEY("owner_unit_id","year_id","agency_id","node_id")
);
--> statement-breakpoint
CREATE TABLE "reform_index_years" (
	"owner_unit_id" uuid NOT NULL,
	"id" uuid DEFAULT gen_random_uuid() NOT NULL,
	"year" smallint NOT NULL,
	"title" text NOT NULL,
	"status" varchar(16) NOT NULL,
	"self_deadline" date,
	"grade_bands" jsonb NOT NULL,
	"reward_rule" jsonb NOT NULL,
	"copied_from_id" uuid,
	"published_at" timestamp with time zone,
	"version" integer DEFAULT 1 NOT NULL,
	"created_at" timestamp with time zone NOT NULL,
	"updated_at" timestamp with time zone NOT NULL,
	CONSTRAINT "reform_index_years_owner_unit_id_id_pk" PRIMARY KEY("owner_unit_id","id")
);
--> statement-breakpoint
CREATE INDEX "reform_index_nodes_year_idx" ON "reform_index_nodes" USING btree ("owner_unit_id","year_id","ordinal");--> statement-breakpoint
CREATE INDEX "reform_index_nodes_id_idx" ON "reform_index_nodes" USING btree ("id");--> statement-breakpoint
CREATE UNIQUE INDEX "reform_index_years_year_uq" ON "reform_index_years" USING btree ("owner_unit_id","year");--> statement-breakpoint
CREATE INDEX "reform_index_years_id_idx" ON "reform_index_years" USING btree ("id");