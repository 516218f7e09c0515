CREATE TABLE "iso_audits" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"agency_id" uuid NOT NULL,
	"audited_on" date NOT NULL,
	"kind" varchar(10) NOT NULL,
	"findings" text NOT NULL,
	"corrective_actions" text,
	"closed_on" date,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
CREATE TABLE "iso_procedures" (
	"agency_id" uuid NOT NULL,
	"procedure_id" uuid NOT NULL,
	CONSTRAINT "iso_procedures_agency_id_procedure_id_pk" PRIMARY KEY("agency_id","procedure_id")
);
--> statement-breakpoint
CREATE TABLE "iso_registrations" (
	"agency_id" uuid PRIMARY KEY NOT NULL,
	"scope" text NOT NULL,
	"basis" varchar(12) NOT NULL,
	"effective_on" date NOT NULL,
	"certifying_body" text,
	"ended_on" date,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL,
	"updated_by" uuid
);
--> statement-breakpoint
CREATE TABLE "legal_review_items" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"plan_id" uuid NOT NULL,
	"number" varchar(60) NOT NULL,
	"title" text NOT NULL,
	"issuer" text NOT NULL,
	"issued_on" date NOT NULL,
	"result" varchar(14) NOT NULL,
	"action" varchar(10) NOT NULL,
	"action_note" text,
	"reviewed_on" date NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
CREATE TABLE "legal_review_plans" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"agency_id" uuid NOT NULL,
	"year" smallint NOT NULL,
	"title" text NOT NULL,
	"reference" varchar(60),
	"created_at" timestamp with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
CREATE TABLE "official_documents" (
	"owner_unit_id" uuid NOT NULL,
	"id" uuid DEFAULT gen_random_uuid() NOT NULL,
	"agency_id" uuid NOT NULL,
	"direction" varchar(10) NOT NULL,
	"number" varchar(20) NOT NULL,
	"symbol" varchar(60) NOT NULL,
	"issued_on" date NOT NULL,
	"summary" text NOT NULL,
	"counterpart_kind" varchar(10) NOT NULL,
	"counterpart_agency_id" uuid,
	"counterpart_name" text NOT NULL,
	"electronic" boolean NOT NULL,
	"digitally_signed" boolean NOT NULL,
	"due_on" date,
	"handler" text,
	"status" varchar(12) NOT NULL,
	"source" varchar(10) NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"created_by" uuid,
	CONSTRAINT "official_documents_owner_unit_id_id_pk" PRIMARY KEY("owner_unit_id","id")
);
--> statement-breakpoint
CREATE INDEX "iso_audits_agency_idx" ON "iso_audits" USING btree ("agency_id","audited_on");--> statement-breakpoint
CREATE UNIQUE INDEX "legal_review_items_uq" ON "legal_review_items" USING btree ("plan_id","number");--> statement-breakpoint
CREATE INDEX "legal_review_items_plan_idx" ON "legal_review_items" USING btree ("plan_id","reviewed_on");--> statement-breakpoint
CREATE UNIQUE INDEX "legal_review_plans_uq" ON "legal_review_plans" USING btree ("agency_id","year");--> statement-breakpoint
CREATE UNIQUE INDEX "official_documents_number_uq" ON "official_documents" USING btree ("owner_unit_id","agency_id","direction","number","symbol","issued_on");--> statement-breakpoint
CREATE INDEX "official_documents_agency_date_idx" ON "official_documents" USING btree ("owner_unit_id","agency_id","issued_on");