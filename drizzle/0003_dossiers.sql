CREATE TABLE "dossier_code_counters" (
	"agency_id" uuid NOT NULL,
	"day" date NOT NULL,
	"last" integer NOT NULL,
	CONSTRAINT "dossier_code_counters_agency_id_day_pk" PRIMARY KEY("agency_id","day")
);
--> statement-breakpoint
CREATE TABLE "dossier_documents" (
	"owner_unit_id" uuid NOT NULL,
	"id" uuid DEFAULT gen_random_uuid() NOT NULL,
	"dossier_id" uuid NOT NULL,
	"kind" varchar(20) NOT NULL,
	"name" text NOT NULL,
	"originals" integer DEFAULT 0 NOT NULL,
	"copies" integer DEFAULT 0 NOT NULL,
	"file_sha256" varchar(64),
	"mime" varchar(60),
	"size_bytes" integer,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "dossier_documents_owner_unit_id_id_pk" PRIMARY KEY("owner_unit_id","id")
);
--> statement-breakpoint
CREATE TABLE "dossier_events" (
	"owner_unit_id" uuid NOT NULL,
	"id" bigserial NOT NULL,
	"dossier_id" uuid NOT NULL,
	"action" varchar(40) NOT NULL,
	"from_state" varchar(40),
	"to_state" varchar(40) NOT NULL,
	"at" timestamp with time zone NOT NULL,
	"actor_user_id" uuid,
	"actor_role" varchar(30),
	"actor_agency_id" uuid,
	"reason" text,
	"comment" text,
	"data" jsonb,
	CONSTRAINT "dossier_events_owner_unit_id_id_pk" PRIMARY KEY("owner_unit_id","id")
);
--> statement-breakpoint
CREATE TABLE "dossiers" (
	"owner_unit_id" uuid NOT NULL,
	"id" uuid DEFAULT gen_random_uuid() NOT NULL,
	"code" varchar(60),
	"procedure_id" uuid NOT NULL,
	"procedure_code" varchar(30) NOT NULL,
	"procedure_name" text NOT NULL,
	"field" text NOT NULL,
	"rule_profile" varchar(20) NOT NULL,
	"state" varchar(40) NOT NULL,
	"channel" varchar(10) NOT NULL,
	"assisting_agency_id" uuid,
	"receiving_agency_id" uuid NOT NULL,
	"competent_agency_id" uuid NOT NULL,
	"current_agency_id" uuid,
	"current_role" varchar(30),
	"assignee_user_id" uuid,
	"applicant_user_id" uuid,
	"applicant_kind" varchar(12) NOT NULL,
	"applicant_name" text NOT NULL,
	"applicant_citizen_id" varchar(12),
	"applicant_phone" varchar(15),
	"applicant_email" varchar(254),
	"applicant_address" text,
	"fee_amount_vnd" integer,
	"submitted_at" timestamp with time zone,
	"received_at" timestamp with time zone,
	"due_at" timestamp with time zone,
	"resolved_at" timestamp with time zone,
	"returned_at" timestamp with time zone,
	"snapshot" jsonb NOT NULL,
	"version" integer DEFAULT 1 NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "dossiers_owner_unit_id_id_pk" PRIMARY KEY("owner_unit_id","id")
);
--> statement-breakpoint
CREATE INDEX "dossier_documents_dossier_idx" ON "dossier_documents" USING btree ("owner_unit_id","dossier_id");--> statement-breakpoint
CREATE INDEX "dossier_events_dossier_idx" ON "dossier_events" USING btree ("owner_unit_id","dossier_id","id");--> statement-breakpoint
CREATE UNIQUE INDEX "dossiers_code_uq" ON "dossiers" USING btree ("owner_unit_id","code") WHERE "dossiers"."code" is not null;--> statement-breakpoint
CREATE INDEX "dossiers_id_idx" ON "dossiers" USING btree ("id");--> statement-breakpoint
CREATE INDEX "dossiers_queue_idx" ON "dossiers" USING btree ("current_agency_id","current_role","due_at");--> statement-breakpoint
CREATE INDEX "dossiers_receiving_idx" ON "dossiers" USING btree ("receiving_agency_id","received_at");--> statement-breakpoint
CREATE INDEX "dossiers_competent_idx" ON "dossiers" USING btree ("competent_agency_id","received_at");--> statement-breakpoint
CREATE INDEX "dossiers_applicant_idx" ON "dossiers" USING btree ("applicant_user_id");--> statement-breakpoint
CREATE INDEX "dossiers_received_idx" ON "dossiers" USING btree ("owner_unit_id","received_at");