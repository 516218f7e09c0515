CREATE TABLE "staff_officials" (
	"owner_unit_id" uuid NOT NULL,
	"id" uuid DEFAULT gen_random_uuid() NOT NULL,
	"agency_id" uuid NOT NULL,
	"full_name" text NOT NULL,
	"name_key" text NOT NULL,
	"birth_date" date NOT NULL,
	"position" text,
	"category" varchar(20) NOT NULL,
	"degree_level" varchar(20) NOT NULL,
	"field_of_study" text,
	"political_theory" varchar(20),
	"start_date" date NOT NULL,
	"end_date" date,
	"user_id" uuid,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "staff_officials_owner_unit_id_id_pk" PRIMARY KEY("owner_unit_id","id")
);
--> statement-breakpoint
CREATE TABLE "staff_training_courses" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"name" text NOT NULL,
	"organiser" text NOT NULL,
	"topic_key" varchar(40) NOT NULL,
	"start_date" date NOT NULL,
	"end_date" date NOT NULL,
	"location" text,
	"created_by" uuid,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
CREATE TABLE "staff_training_records" (
	"owner_unit_id" uuid NOT NULL,
	"official_id" uuid NOT NULL,
	"course_id" uuid NOT NULL,
	"result" varchar(20) NOT NULL,
	"certificate_no" varchar(60),
	"recorded_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "staff_training_records_owner_unit_id_official_id_course_id_pk" PRIMARY KEY("owner_unit_id","official_id","course_id")
);
--> statement-breakpoint
CREATE TABLE "staff_training_topics" (
	"key" varchar(40) PRIMARY KEY NOT NULL,
	"label" text NOT NULL,
	"sort_order" smallint DEFAULT 0 NOT NULL,
	"active" boolean DEFAULT true NOT NULL
);
--> statement-breakpoint
CREATE UNIQUE INDEX "staff_officials_identity_uq" ON "staff_officials" USING btree ("owner_unit_id","agency_id","name_key","birth_date");--> statement-breakpoint
CREATE INDEX "staff_officials_agency_idx" ON "staff_officials" USING btree ("owner_unit_id","agency_id","start_date");--> statement-breakpoint
CREATE INDEX "staff_officials_user_idx" ON "staff_officials" USING btree ("user_id") WHERE "staff_officials"."user_id" is not null;--> statement-breakpoint
CREATE INDEX "staff_training_courses_start_idx" ON "staff_training_courses" USING btree ("start_date");--> statement-breakpoint
CREATE INDEX "staff_training_records_course_idx" ON "staff_training_records" USING btree ("course_id");