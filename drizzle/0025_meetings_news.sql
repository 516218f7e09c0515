CREATE TABLE "meeting_agenda_items" (
	"owner_unit_id" uuid NOT NULL,
	"id" uuid DEFAULT gen_random_uuid() NOT NULL,
	"meeting_id" uuid NOT NULL,
	"ordinal" smallint NOT NULL,
	"title" text NOT NULL,
	"presenter" text,
	"conclusion" text,
	"concluded_at" timestamp with time zone,
	CONSTRAINT "meeting_agenda_items_owner_unit_id_id_pk" PRIMARY KEY("owner_unit_id","id")
);
--> statement-breakpoint
CREATE TABLE "meeting_document_reads" (
	"owner_unit_id" uuid NOT NULL,
	"version_id" uuid NOT NULL,
	"user_id" uuid NOT NULL,
	"meeting_id" uuid NOT NULL,
	"first_read_at" timestamp with time zone DEFAULT now() NOT NULL,
	"last_read_at" timestamp with time zone DEFAULT now() NOT NULL,
	"read_count" integer DEFAULT 1 NOT NULL,
	CONSTRAINT "meeting_document_reads_owner_unit_id_version_id_user_id_pk" PRIMARY KEY("owner_unit_id","version_id","user_id")
);
--> statement-breakpoint
CREATE TABLE "meeting_document_versions" (
	"owner_unit_id" uuid NOT NULL,
	"id" uuid DEFAULT gen_random_uuid() NOT NULL,
	"meeting_id" uuid NOT NULL,
	"document_id" uuid NOT NULL,
	"version_no" integer NOT NULL,
	"file_id" varchar(64) NOT NULL,
	"name" text NOT NULL,
	"mime" varchar(40) NOT NULL,
	"size_bytes" integer NOT NULL,
	"uploaded_by" uuid NOT NULL,
	"uploaded_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "meeting_document_versions_owner_unit_id_id_pk" PRIMARY KEY("owner_unit_id","id")
);
--> statement-breakpoint
CREATE TABLE "meeting_documents" (
	"owner_unit_id" uuid NOT NULL,
	"id" uuid DEFAULT gen_random_uuid() NOT NULL,
	"meeting_id" uuid NOT NULL,
	"title" text NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "meeting_documents_owner_unit_id_id_pk" PRIMARY KEY("owner_unit_id","id")
);
--> statement-breakpoint
CREATE TABLE "meeting_participants" (
	"owner_unit_id" uuid NOT NULL,
	"meeting_id" uuid NOT NULL,
	"user_id" uuid NOT NULL,
	"attendance" varchar(10) DEFAULT 'unknown' NOT NULL,
	"recorded_at" timestamp with time zone,
	"confirmed_at" timestamp with time zone,
	CONSTRAINT "meeting_participants_owner_unit_id_meeting_id_user_id_pk" PRIMARY KEY("owner_unit_id","meeting_id","user_id")
);
--> statement-breakpoint
CREATE TABLE "meeting_tasks" (
	"owner_unit_id" uuid NOT NULL,
	"id" uuid DEFAULT gen_random_uuid() NOT NULL,
	"meeting_id" uuid NOT NULL,
	"agenda_item_id" uuid NOT NULL,
	"description" text NOT NULL,
	"agency_id" uuid NOT NULL,
	"due_date" date NOT NULL,
	"reform_task_id" uuid,
	"status" varchar(6) DEFAULT 'open' NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "meeting_tasks_owner_unit_id_id_pk" PRIMARY KEY("owner_unit_id","id")
);
--> statement-breakpoint
CREATE TABLE "meetings" (
	"owner_unit_id" uuid NOT NULL,
	"id" uuid DEFAULT gen_random_uuid() NOT NULL,
	"agency_id" uuid NOT NULL,
	"title" text NOT NULL,
	"starts_at" timestamp with time zone NOT NULL,
	"ends_at" timestamp with time zone,
	"place" text NOT NULL,
	"online_link" text,
	"version" integer DEFAULT 1 NOT NULL,
	"created_by" uuid NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "meetings_owner_unit_id_id_pk" PRIMARY KEY("owner_unit_id","id")
);
--> statement-breakpoint
CREATE TABLE "news_articles" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"kind" varchar(12) NOT NULL,
	"slug" varchar(120) NOT NULL,
	"title" text NOT NULL,
	"summary" text NOT NULL,
	"body_html" text NOT NULL,
	"category_id" uuid,
	"attachments" jsonb DEFAULT '[]'::jsonb NOT NULL,
	"procedure_codes" jsonb DEFAULT '[]'::jsonb NOT NULL,
	"status" varchar(12) DEFAULT 'draft' NOT NULL,
	"publish_at" timestamp with time zone,
	"version" integer DEFAULT 1 NOT NULL,
	"created_by" uuid,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "news_articles_slug_unique" UNIQUE("slug")
);
--> statement-breakpoint
CREATE TABLE "news_categories" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"slug" varchar(80) NOT NULL,
	"name" text NOT NULL,
	CONSTRAINT "news_categories_slug_unique" UNIQUE("slug")
);
--> statement-breakpoint
CREATE TABLE "news_files" (
	"file_id" varchar(64) PRIMARY KEY NOT NULL,
	"name" text NOT NULL,
	"mime" varchar(40) NOT NULL,
	"size_bytes" integer NOT NULL,
	"uploaded_by" uuid,
	"uploaded_at" timestamp with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
CREATE TABLE "news_revisions" (
	"article_id" uuid NOT NULL,
	"version" integer NOT NULL,
	"title" text NOT NULL,
	"summary" text NOT NULL,
	"body_html" text NOT NULL,
	"saved_by" uuid,
	"saved_by_name" text NOT NULL,
	"saved_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "news_revisions_article_id_version_pk" PRIMARY KEY("article_id","version")
);
--> statement-breakpoint
ALTER TABLE "news_articles" ADD CONSTRAINT "news_articles_category_id_news_categories_id_fk" FOREIGN KEY ("category_id") REFERENCES "public"."news_categories"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "news_revisions" ADD CONSTRAINT "news_revisions_article_id_news_articles_id_fk" FOREIGN KEY ("article_id") REFERENCES "public"."news_articles"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
CREATE INDEX "meeting_agenda_items_meeting_idx" ON "meeting_agenda_items" USING btree ("owner_unit_id","meeting_id","ordinal");--> statement-breakpoint
CREATE INDEX "meeting_document_reads_meeting_idx" ON "meeting_document_reads" USING btree ("owner_unit_id","meeting_id");--> statement-breakpoint
CREATE UNIQUE INDEX "meeting_document_versions_no_uq" ON "meeting_document_versions" USING btree ("owner_unit_id","document_id","version_no");--> statement-breakpoint
CREATE INDEX "meeting_document_versions_meeting_idx" ON "meeting_document_versions" USING btree ("owner_unit_id","meeting_id");--> statement-breakpoint
CREATE INDEX "meeting_documents_meeting_idx" ON "meeting_documents" USING btree ("owner_unit_id","meeting_id");--> statement-breakpoint
CREATE INDEX "meeting_participants_user_idx" ON "meeting_participants" USING btree ("user_id");--> statement-breakpoint
CREATE INDEX "meeting_tasks_meeting_idx" ON "meeting_tasks" USING btree ("owner_unit_id","meeting_id");--> statement-breakpoint
CREATE INDEX "meeting_tasks_agency_idx" ON "meeting_tasks" USING btree ("agency_id","due_date");--> statement-breakpoint
CREATE INDEX "meetings_id_idx" ON "meetings" USING btree ("id");--> statement-breakpoint
CREATE INDEX "meetings_agency_idx" ON "meetings" USING btree ("owner_unit_id","agency_id","starts_at");--> statement-breakpoint
CREATE INDEX "news_articles_visible_idx" ON "news_articles" USING btree ("status","publish_at");