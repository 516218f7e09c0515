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
ALTER TABLE "notifications" ADD COLUMN "subject_kind" varchar(20) DEFAULT 'dossier' NOT NULL;--> statement-breakpoint
ALTER TABLE "notifications" ADD COLUMN "subject_id" uuid;--> statement-breakpoint
ALTER TABLE "notifications" ADD COLUMN "link" text;--> statement-breakpoint
CREATE UNIQUE INDEX "reform_reminders_once_uq" ON "reform_task_reminders" USING btree ("owner_unit_id","occurrence_id","kind","user_id");