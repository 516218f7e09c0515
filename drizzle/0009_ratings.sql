CREATE TABLE "dossier_ratings" (
	"owner_unit_id" uuid NOT NULL,
	"dossier_id" uuid NOT NULL,
	"level" varchar(40) NOT NULL,
	"level_label" text NOT NULL,
	"satisfied" boolean NOT NULL,
	"comment" text,
	"channel" varchar(10) NOT NULL,
	"receiving_agency_id" uuid NOT NULL,
	"competent_agency_id" uuid NOT NULL,
	"rated_at" timestamp with time zone NOT NULL,
	"updated_at" timestamp with time zone NOT NULL,
	CONSTRAINT "dossier_ratings_owner_unit_id_dossier_id_pk" PRIMARY KEY("owner_unit_id","dossier_id")
);
--> statement-breakpoint
CREATE TABLE "rating_settings" (
	"id" smallint PRIMARY KEY NOT NULL,
	"levels" jsonb NOT NULL,
	"link_secret" varchar(128) NOT NULL,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL,
	"updated_by" uuid
);
--> statement-breakpoint
CREATE INDEX "dossier_ratings_receiving_idx" ON "dossier_ratings" USING btree ("receiving_agency_id","rated_at");--> statement-breakpoint
CREATE INDEX "dossier_ratings_competent_idx" ON "dossier_ratings" USING btree ("competent_agency_id","rated_at");