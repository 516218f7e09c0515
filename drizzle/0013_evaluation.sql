CREATE TABLE "dossier_evaluations" (
	"owner_unit_id" uuid NOT NULL,
	"dossier_id" uuid NOT NULL,
	"dossier_code" varchar(60),
	"procedure_code" varchar(30) NOT NULL,
	"procedure_name" text NOT NULL,
	"receiving_agency_id" uuid NOT NULL,
	"competent_agency_id" uuid NOT NULL,
	"resolved_at" timestamp with time zone NOT NULL,
	"suggestions" jsonb NOT NULL,
	"self_scores" jsonb,
	"self_notes" jsonb,
	"self_total" smallint,
	"self_by" uuid,
	"self_by_name" text,
	"self_at" timestamp with time zone,
	"appraised_scores" jsonb,
	"appraised_notes" jsonb,
	"appraised_total" smallint,
	"appraised_by" uuid,
	"appraised_by_name" text,
	"appraised_at" timestamp with time zone,
	"final_total" smallint NOT NULL,
	"grade" varchar(40) NOT NULL,
	"version" integer DEFAULT 1 NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "dossier_evaluations_owner_unit_id_dossier_id_pk" PRIMARY KEY("owner_unit_id","dossier_id")
);
--> statement-breakpoint
CREATE TABLE "evaluation_settings" (
	"id" smallint PRIMARY KEY NOT NULL,
	"bands" jsonb NOT NULL,
	"rules" jsonb NOT NULL,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL,
	"updated_by" uuid
);
--> statement-breakpoint
CREATE INDEX "dossier_evaluations_competent_idx" ON "dossier_evaluations" USING btree ("competent_agency_id","resolved_at");--> statement-breakpoint
CREATE INDEX "dossier_evaluations_receiving_idx" ON "dossier_evaluations" USING btree ("receiving_agency_id","resolved_at");--> statement-breakpoint
CREATE INDEX "dossier_evaluations_unit_idx" ON "dossier_evaluations" USING btree ("owner_unit_id","resolved_at");