CREATE TABLE "feedback_counters" (
	"year" smallint PRIMARY KEY NOT NULL,
	"last" integer NOT NULL
);
--> statement-breakpoint
CREATE TABLE "feedback_events" (
	"owner_unit_id" uuid NOT NULL,
	"id" bigserial NOT NULL,
	"feedback_id" uuid NOT NULL,
	"action" varchar(30) NOT NULL,
	"actor_user_id" uuid,
	"actor_name" text,
	"at" timestamp with time zone NOT NULL,
	"data" jsonb DEFAULT '{}'::jsonb NOT NULL,
	CONSTRAINT "feedback_events_owner_unit_id_id_pk" PRIMARY KEY("owner_unit_id","id")
);
--> statement-breakpoint
CREATE TABLE "feedback_items" (
	"owner_unit_id" uuid NOT NULL,
	"id" uuid DEFAULT gen_random_uuid() NOT NULL,
	"code" varchar(20) NOT NULL,
	"tracking_check" varchar(8) NOT NULL,
	"subject_kind" varchar(12) NOT NULL,
	"procedure_code" varchar(30),
	"procedure_name" text,
	"addressed_agency_id" uuid,
	"title" text NOT NULL,
	"content" text NOT NULL,
	"attachments" jsonb DEFAULT '[]'::jsonb NOT NULL,
	"search_text" text NOT NULL,
	"terms" text[] NOT NULL,
	"sender_user_id" uuid,
	"sender_name" text,
	"sender_phone" varchar(15),
	"sender_email" varchar(254),
	"sender_address" text,
	"consent_to_publish" boolean NOT NULL,
	"status" varchar(12) NOT NULL,
	"within_competence" boolean,
	"field" text,
	"assigned_agency_id" uuid,
	"handling_unit_id" uuid NOT NULL,
	"assigned_at" timestamp with time zone,
	"response_days" smallint,
	"due_at" timestamp with time zone,
	"answer" text,
	"answered_at" timestamp with time zone,
	"answered_by" uuid,
	"answered_by_name" text,
	"contains_personal_data" boolean,
	"public_content" text,
	"public_answer" text,
	"published_at" timestamp with time zone,
	"reject_reason" text,
	"duplicate_of_id" uuid,
	"duplicate_of_code" varchar(20),
	"satisfaction" varchar(12),
	"satisfaction_comment" text,
	"rated_at" timestamp with time zone,
	"rating_updated_at" timestamp with time zone,
	"idempotency_key" varchar(100),
	"version" integer DEFAULT 1 NOT NULL,
	"created_at" timestamp with time zone NOT NULL,
	"updated_at" timestamp with time zone NOT NULL,
	CONSTRAINT "feedback_items_owner_unit_id_id_pk" PRIMARY KEY("owner_unit_id","id")
);
--> statement-breakpoint
CREATE INDEX "feedback_events_item_idx" ON "feedback_events" USING btree ("owner_unit_id","feedback_id","id");--> statement-breakpoint
CREATE INDEX "feedback_items_id_idx" ON "feedback_items" USING btree ("id");--> statement-breakpoint
CREATE INDEX "feedback_items_code_idx" ON "feedback_items" USING btree ("code");--> statement-breakpoint
CREATE INDEX "feedback_items_idempotency_idx" ON "feedback_items" USING btree ("idempotency_key") WHERE "feedback_items"."idempotency_key" is not null;--> statement-breakpoint
CREATE INDEX "feedback_items_sender_idx" ON "feedback_items" USING btree ("sender_user_id","created_at") WHERE "feedback_items"."sender_user_id" is not null;--> statement-breakpoint
CREATE INDEX "feedback_items_status_idx" ON "feedback_items" USING btree ("status","created_at");--> statement-breakpoint
CREATE INDEX "feedback_items_agency_idx" ON "feedback_items" USING btree ("assigned_agency_id","status","due_at");--> statement-breakpoint
CREATE INDEX "feedback_items_published_idx" ON "feedback_items" USING btree ("published_at") WHERE "feedback_items"."published_at" is not null;--> statement-breakpoint
CREATE INDEX "feedback_items_terms_idx" ON "feedback_items" USING gin ("terms");--> statement-breakpoint
CREATE INDEX "feedback_items_search_trgm" ON "feedback_items" USING gin ("search_text" gin_trgm_ops);--> statement-breakpoint
CREATE INDEX "feedback_items_unit_period_idx" ON "feedback_items" USING btree ("handling_unit_id","created_at");--> statement-breakpoint
CREATE INDEX "feedback_items_agency_period_idx" ON "feedback_items" USING btree ("assigned_agency_id","created_at");