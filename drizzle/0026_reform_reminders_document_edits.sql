CREATE TABLE "official_document_events" (
	"owner_unit_id" uuid NOT NULL,
	"id" bigserial NOT NULL,
	"document_id" uuid NOT NULL,
	"action" varchar(12) NOT NULL,
	"actor_user_id" uuid,
	"at" timestamp with time zone NOT NULL,
	"data" jsonb DEFAULT '{}'::jsonb NOT NULL,
	CONSTRAINT "official_document_events_owner_unit_id_id_pk" PRIMARY KEY("owner_unit_id","id")
);
--> statement-breakpoint
CREATE TABLE "reform_task_reminders" (
	"owner_unit_id" uuid NOT NULL,
	"id" bigserial NOT NULL,
	"occurrence_id" uuid NOT NULL,
	"kind" varchar(20) NOT NULL,
	"user_id" uuid NOT NULL,
	"notification_id" uuid NOT NULL,
	"for_date" date NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "reform_task_reminders_owner_unit_id_id_pk" PRIMARY KEY("owner_unit_id","id")
);
--> statement-breakpoint
ALTER TABLE "notification_deliveries" ALTER COLUMN "dossier_id" DROP NOT NULL;--> statement-breakpoint
ALTER TABLE "notifications" ALTER COLUMN "dossier_id" DROP NOT NULL;--> statement-breakpoint
ALTER TABLE "notifications" ALTER COLUMN "event_id" DROP NOT NULL;--> statement-breakpoint
ALTER TABLE "official_documents" ADD COLUMN "version" integer DEFAULT 1 NOT NULL;--> statement-breakpoint
ALTER TABLE "official_documents" ADD COLUMN "updated_at" timestamp with time zone;--> statement-breakpoint
ALTER TABLE "official_documents" ADD COLUMN "archived_at" timestamp with time zone;--> statement-breakpoint
ALTER TABLE "notifications" ADD COLUMN "subject_kind" varchar(20) DEFAULT 'dossier' NOT NULL;--> statement-breakpoint
ALTER TABLE "notifications" ADD COLUMN "subject_id" uuid;--> statement-breakpoint
ALTER TABLE "notifications" ADD COLUMN "link" text;--> statement-breakpoint
CREATE INDEX "official_document_events_doc_idx" ON "official_document_events" USING btree ("owner_unit_id","document_id","id");--> statement-breakpoint
CREATE UNIQUE INDEX "reform_reminders_once_uq" ON "reform_task_reminders" USING btree ("owner_unit_id","occurrence_id","kind","user_id");--> statement-breakpoint
CREATE INDEX "official_documents_id_idx" ON "official_documents" USING btree ("id");