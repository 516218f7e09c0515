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
ALTER TABLE "official_documents" ADD COLUMN "version" integer DEFAULT 1 NOT NULL;--> statement-breakpoint
ALTER TABLE "official_documents" ADD COLUMN "updated_at" timestamp with time zone;--> statement-breakpoint
ALTER TABLE "official_documents" ADD COLUMN "archived_at" timestamp with time zone;--> statement-breakpoint
CREATE INDEX "official_document_events_doc_idx" ON "official_document_events" USING btree ("owner_unit_id","document_id","id");--> statement-breakpoint
CREATE INDEX "official_documents_id_idx" ON "official_documents" USING btree ("id");