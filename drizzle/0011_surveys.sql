CREATE TABLE "survey_answers" (
	"owner_unit_id" uuid NOT NULL,
	"response_id" uuid NOT NULL,
	"question_key" varchar(40) NOT NULL,
	"round_id" uuid NOT NULL,
	"agency_id" uuid NOT NULL,
	"submitted_at" timestamp with time zone NOT NULL,
	"level" smallint,
	"choices" jsonb,
	"text" text,
	CONSTRAINT "survey_answers_owner_unit_id_response_id_question_key_pk" PRIMARY KEY("owner_unit_id","response_id","question_key")
);
--> statement-breakpoint
CREATE TABLE "survey_responses" (
	"owner_unit_id" uuid NOT NULL,
	"id" uuid DEFAULT gen_random_uuid() NOT NULL,
	"round_id" uuid NOT NULL,
	"agency_id" uuid NOT NULL,
	"channel" varchar(10) NOT NULL,
	"sample_dossier_id" uuid,
	"entered_by" uuid,
	"submitted_at" timestamp with time zone NOT NULL,
	CONSTRAINT "survey_responses_owner_unit_id_id_pk" PRIMARY KEY("owner_unit_id","id")
);
--> statement-breakpoint
CREATE TABLE "survey_rounds" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"template_id" uuid NOT NULL,
	"name" text NOT NULL,
	"public_token" varchar(40) NOT NULL,
	"agency_ids" jsonb NOT NULL,
	"opens_at" timestamp with time zone NOT NULL,
	"closes_at" timestamp with time zone NOT NULL,
	"closed_at" timestamp with time zone,
	"open_link" boolean DEFAULT true NOT NULL,
	"sample_from" date,
	"sample_to" date,
	"sample_agency_role" varchar(12),
	"sample_requested" integer DEFAULT 0 NOT NULL,
	"sample_seed" integer,
	"sample_frame_size" integer DEFAULT 0 NOT NULL,
	"created_by" uuid,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
CREATE TABLE "survey_sample_members" (
	"owner_unit_id" uuid NOT NULL,
	"round_id" uuid NOT NULL,
	"dossier_id" uuid NOT NULL,
	"dossier_owner_unit_id" uuid NOT NULL,
	"agency_id" uuid NOT NULL,
	"draw_order" integer NOT NULL,
	"respondent_token" varchar(40) NOT NULL,
	CONSTRAINT "survey_sample_members_owner_unit_id_round_id_dossier_id_pk" PRIMARY KEY("owner_unit_id","round_id","dossier_id")
);
--> statement-breakpoint
CREATE TABLE "survey_templates" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"family_id" uuid NOT NULL,
	"version" integer NOT NULL,
	"content" jsonb NOT NULL,
	"frozen_at" timestamp with time zone,
	"created_by" uuid,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
ALTER TABLE "survey_rounds" ADD CONSTRAINT "survey_rounds_template_id_survey_templates_id_fk" FOREIGN KEY ("template_id") REFERENCES "public"."survey_templates"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
CREATE INDEX "survey_answers_round_idx" ON "survey_answers" USING btree ("owner_unit_id","round_id","agency_id","question_key");--> statement-breakpoint
CREATE INDEX "survey_answers_agency_idx" ON "survey_answers" USING btree ("owner_unit_id","agency_id","submitted_at");--> statement-breakpoint
CREATE UNIQUE INDEX "survey_responses_sample_uq" ON "survey_responses" USING btree ("owner_unit_id","round_id","sample_dossier_id") WHERE "survey_responses"."sample_dossier_id" is not null;--> statement-breakpoint
CREATE INDEX "survey_responses_round_idx" ON "survey_responses" USING btree ("owner_unit_id","round_id","agency_id","submitted_at");--> statement-breakpoint
CREATE INDEX "survey_responses_agency_idx" ON "survey_responses" USING btree ("owner_unit_id","agency_id","submitted_at");--> statement-breakpoint
CREATE UNIQUE INDEX "survey_rounds_public_token_uq" ON "survey_rounds" USING btree ("public_token");--> statement-breakpoint
CREATE INDEX "survey_rounds_template_idx" ON "survey_rounds" USING btree ("template_id");--> statement-breakpoint
CREATE INDEX "survey_sample_members_token_idx" ON "survey_sample_members" USING btree ("respondent_token");--> statement-breakpoint
CREATE INDEX "survey_sample_members_round_idx" ON "survey_sample_members" USING btree ("round_id","draw_order");--> statement-breakpoint
CREATE UNIQUE INDEX "survey_templates_family_version_uq" ON "survey_templates" USING btree ("family_id","version");