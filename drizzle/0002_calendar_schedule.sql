CREATE TABLE "official_schedule_entries" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"date" date NOT NULL,
	"type" text NOT NULL,
	"name" text NOT NULL,
	"instrument" text NOT NULL,
	"statutory" text,
	"created_by" uuid,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "official_schedule_entries_date_unique" UNIQUE("date")
);
--> statement-breakpoint
ALTER TABLE "official_schedule_entries" ADD CONSTRAINT "official_schedule_entries_created_by_users_id_fk" FOREIGN KEY ("created_by") REFERENCES "public"."users"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
CREATE INDEX "official_schedule_entries_date_idx" ON "official_schedule_entries" USING btree ("date");