CREATE TABLE "interop_clients" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"name" text NOT NULL,
	"key_id" varchar(40) NOT NULL,
	"key_hash" varchar(64) NOT NULL,
	"allowed_cidrs" text[] DEFAULT '{}'::text[] NOT NULL,
	"unit_ids" uuid[] DEFAULT '{}'::uuid[] NOT NULL,
	"agency_ids" uuid[] DEFAULT '{}'::uuid[] NOT NULL,
	"active" boolean DEFAULT true NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"created_by" uuid,
	"key_rotated_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "interop_clients_key_id_unique" UNIQUE("key_id")
);
--> statement-breakpoint
CREATE TABLE "interop_deliveries" (
	"owner_unit_id" uuid NOT NULL,
	"id" bigserial NOT NULL,
	"subscription_id" uuid NOT NULL,
	"dossier_id" uuid NOT NULL,
	"event_id" bigint NOT NULL,
	"sequence" integer NOT NULL,
	"kind" varchar(60) NOT NULL,
	"payload" jsonb NOT NULL,
	"status" varchar(12) DEFAULT 'pending' NOT NULL,
	"attempts" integer DEFAULT 0 NOT NULL,
	"next_attempt_at" timestamp with time zone DEFAULT now() NOT NULL,
	"first_attempt_at" timestamp with time zone,
	"locked_until" timestamp with time zone,
	"last_status_code" integer,
	"last_error" text,
	"delivered_at" timestamp with time zone,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "interop_deliveries_owner_unit_id_id_pk" PRIMARY KEY("owner_unit_id","id")
);
--> statement-breakpoint
CREATE TABLE "interop_fanout_state" (
	"source" varchar(40) PRIMARY KEY NOT NULL,
	"last_tx" "xid8" NOT NULL,
	"last_key" varchar(60) NOT NULL,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
CREATE TABLE "interop_nonces" (
	"client_id" uuid NOT NULL,
	"nonce" varchar(100) NOT NULL,
	"seen_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "interop_nonces_client_id_nonce_pk" PRIMARY KEY("client_id","nonce")
);
--> statement-breakpoint
CREATE TABLE "interop_rejections" (
	"id" bigserial PRIMARY KEY NOT NULL,
	"at" timestamp with time zone DEFAULT now() NOT NULL,
	"client_id" uuid,
	"key_id" varchar(100),
	"ip" varchar(60) NOT NULL,
	"method" varchar(10) NOT NULL,
	"path" text NOT NULL,
	"status" integer NOT NULL,
	"reason" varchar(30) NOT NULL,
	"message" text NOT NULL
);
--> statement-breakpoint
CREATE TABLE "interop_requests" (
	"client_id" uuid NOT NULL,
	"external_id" varchar(100) NOT NULL,
	"body_hash" varchar(64) NOT NULL,
	"owner_unit_id" uuid NOT NULL,
	"dossier_id" uuid NOT NULL,
	"source_system" varchar(60) NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "interop_requests_client_id_external_id_pk" PRIMARY KEY("client_id","external_id")
);
--> statement-breakpoint
CREATE TABLE "interop_subscriptions" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"client_id" uuid NOT NULL,
	"url" text NOT NULL,
	"secret" varchar(100) NOT NULL,
	"event_kinds" text[] DEFAULT '{}'::text[] NOT NULL,
	"unit_ids" uuid[] DEFAULT '{}'::uuid[] NOT NULL,
	"own_dossiers_only" boolean DEFAULT false NOT NULL,
	"active" boolean DEFAULT true NOT NULL,
	"from_tx" "xid8" DEFAULT pg_current_xact_id() NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
CREATE UNIQUE INDEX "interop_deliveries_event_uq" ON "interop_deliveries" USING btree ("owner_unit_id","event_id","subscription_id");--> statement-breakpoint
CREATE INDEX "interop_deliveries_due_idx" ON "interop_deliveries" USING btree ("next_attempt_at") WHERE "interop_deliveries"."status" = 'pending';--> statement-breakpoint
CREATE INDEX "interop_deliveries_dossier_idx" ON "interop_deliveries" USING btree ("owner_unit_id","dossier_id","subscription_id","event_id");--> statement-breakpoint
CREATE INDEX "interop_deliveries_subscription_idx" ON "interop_deliveries" USING btree ("subscription_id","created_at");--> statement-breakpoint
CREATE INDEX "interop_nonces_seen_idx" ON "interop_nonces" USING btree ("seen_at");--> statement-breakpoint
CREATE INDEX "interop_rejections_at_idx" ON "interop_rejections" USING btree ("at");--> statement-breakpoint
CREATE INDEX "interop_requests_dossier_idx" ON "interop_requests" USING btree ("owner_unit_id","dossier_id");