CREATE TABLE "audit_chain_heads" (
	"unit_id" uuid PRIMARY KEY NOT NULL,
	"seq" bigint NOT NULL,
	"entry_id" bigint NOT NULL,
	"hash" varchar(64) NOT NULL,
	"sealed_at" timestamp with time zone NOT NULL
);
--> statement-breakpoint
CREATE TABLE "audit_entries" (
	"unit_id" uuid NOT NULL,
	"id" bigserial NOT NULL,
	"occurred_at" timestamp (3) with time zone DEFAULT now() NOT NULL,
	"actor_user_id" uuid,
	"actor_role" varchar(30),
	"actor_agency_id" uuid,
	"action" varchar(60) NOT NULL,
	"subject_type" varchar(30) NOT NULL,
	"subject_id" varchar(100) NOT NULL,
	"detail" jsonb DEFAULT '{}'::jsonb NOT NULL,
	"tx" "xid8" DEFAULT pg_current_xact_id() NOT NULL,
	"seq" bigint,
	"prev_hash" varchar(64),
	"hash" varchar(64),
	"sealed_at" timestamp with time zone,
	CONSTRAINT "audit_entries_unit_id_id_pk" PRIMARY KEY("unit_id","id")
);
--> statement-breakpoint
CREATE UNIQUE INDEX "audit_entries_chain_uq" ON "audit_entries" USING btree ("unit_id","seq");--> statement-breakpoint
CREATE INDEX "audit_entries_pending_idx" ON "audit_entries" USING btree ("tx","id") WHERE "audit_entries"."seq" is null;--> statement-breakpoint
CREATE INDEX "audit_entries_subject_idx" ON "audit_entries" USING btree ("unit_id","subject_type","subject_id","id");--> statement-breakpoint
CREATE INDEX "audit_entries_id_idx" ON "audit_entries" USING btree ("id");