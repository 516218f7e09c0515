CREATE TABLE "dossier_form_data" (
	"owner_unit_id" uuid NOT NULL,
	"dossier_id" uuid NOT NULL,
	"data" jsonb NOT NULL,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "dossier_form_data_owner_unit_id_dossier_id_pk" PRIMARY KEY("owner_unit_id","dossier_id")
);
--> statement-breakpoint
CREATE TABLE "request_keys" (
	"user_id" uuid NOT NULL,
	"key" varchar(100) NOT NULL,
	"scope" varchar(80) NOT NULL,
	"dossier_id" uuid,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "request_keys_user_id_key_pk" PRIMARY KEY("user_id","key")
);
--> statement-breakpoint
CREATE TABLE "notification_deliveries" (
	"owner_unit_id" uuid NOT NULL,
	"id" bigserial NOT NULL,
	"notification_id" uuid NOT NULL,
	"dossier_id" uuid NOT NULL,
	"channel" varchar(10) NOT NULL,
	"address" varchar(254) NOT NULL,
	"idempotency_key" varchar(120) NOT NULL,
	"status" varchar(10) DEFAULT 'pending' NOT NULL,
	"attempts" integer DEFAULT 0 NOT NULL,
	"next_attempt_at" timestamp with time zone DEFAULT now() NOT NULL,
	"locked_until" timestamp with time zone,
	"last_error" text,
	"provider_message_id" varchar(200),
	"sent_at" timestamp with time zone,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"data" jsonb,
	CONSTRAINT "notification_deliveries_owner_unit_id_id_pk" PRIMARY KEY("owner_unit_id","id")
);
--> statement-breakpoint
CREATE TABLE "notification_preferences" (
	"user_id" uuid PRIMARY KEY NOT NULL,
	"email" boolean DEFAULT true NOT NULL,
	"sms" boolean DEFAULT false NOT NULL,
	"zalo" boolean DEFAULT false NOT NULL,
	"zalo_user_id" varchar(64),
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
CREATE TABLE "notifications" (
	"owner_unit_id" uuid NOT NULL,
	"id" uuid DEFAULT gen_random_uuid() NOT NULL,
	"user_id" uuid,
	"dossier_id" uuid NOT NULL,
	"event_id" bigint NOT NULL,
	"kind" varchar(30) NOT NULL,
	"title" text NOT NULL,
	"body" text NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"read_at" timestamp with time zone,
	CONSTRAINT "notifications_owner_unit_id_id_pk" PRIMARY KEY("owner_unit_id","id")
);
--> statement-breakpoint
ALTER TABLE "procedures" ADD COLUMN "form_schema" jsonb;--> statement-breakpoint
ALTER TABLE "dossier_documents" ADD COLUMN "slot" varchar(20);--> statement-breakpoint
ALTER TABLE "dossiers" ADD COLUMN "tracking_check" varchar(8);--> statement-breakpoint
CREATE UNIQUE INDEX "notification_deliveries_key_uq" ON "notification_deliveries" USING btree ("owner_unit_id","idempotency_key");--> statement-breakpoint
CREATE INDEX "notification_deliveries_due_idx" ON "notification_deliveries" USING btree ("next_attempt_at") WHERE "notification_deliveries"."status" = 'pending';--> statement-breakpoint
CREATE INDEX "notification_deliveries_dossier_idx" ON "notification_deliveries" USING btree ("owner_unit_id","dossier_id");--> statement-breakpoint
CREATE INDEX "notifications_user_idx" ON "notifications" USING btree ("user_id","created_at") WHERE "notifications"."user_id" is not null;--> statement-breakpoint
CREATE INDEX "notifications_dossier_idx" ON "notifications" USING btree ("owner_unit_id","dossier_id");--> statement-breakpoint
CREATE INDEX "dossiers_code_idx" ON "dossiers" USING btree ("code") WHERE "dossiers"."code" is not null;