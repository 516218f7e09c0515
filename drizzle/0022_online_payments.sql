CREATE TABLE "payment_notifications" (
	"owner_unit_id" uuid NOT NULL,
	"id" bigserial NOT NULL,
	"kind" varchar(12) NOT NULL,
	"txn_ref" varchar(100),
	"order_id" uuid,
	"received_at" timestamp with time zone DEFAULT now() NOT NULL,
	"signature_valid" boolean,
	"verdict" varchar(20) NOT NULL,
	"message" text,
	"params" jsonb NOT NULL,
	"response" jsonb,
	CONSTRAINT "payment_notifications_owner_unit_id_id_pk" PRIMARY KEY("owner_unit_id","id")
);
--> statement-breakpoint
CREATE TABLE "payment_orders" (
	"owner_unit_id" uuid NOT NULL,
	"id" uuid DEFAULT gen_random_uuid() NOT NULL,
	"txn_ref" varchar(40) NOT NULL,
	"dossier_id" uuid NOT NULL,
	"dossier_code" varchar(60),
	"receiving_agency_id" uuid NOT NULL,
	"provider" varchar(20) NOT NULL,
	"amount_vnd" integer NOT NULL,
	"state" varchar(20) NOT NULL,
	"order_info" text NOT NULL,
	"gateway_create_date" varchar(14) NOT NULL,
	"payment_url" text NOT NULL,
	"expires_at" timestamp with time zone NOT NULL,
	"created_by" uuid,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL,
	"transaction_no" varchar(30),
	"bank_code" varchar(20),
	"bank_tran_no" varchar(255),
	"card_type" varchar(20),
	"pay_date" varchar(14),
	"response_code" varchar(4),
	"transaction_status" varchar(4),
	"confirmed_at" timestamp with time zone,
	"gateway_note" text,
	"next_check_at" timestamp with time zone,
	"check_attempts" integer DEFAULT 0 NOT NULL,
	"locked_until" timestamp with time zone,
	"last_check_error" text,
	"refunded_at" timestamp with time zone,
	"refunded_by" uuid,
	"refund_reason" text,
	CONSTRAINT "payment_orders_owner_unit_id_id_pk" PRIMARY KEY("owner_unit_id","id")
);
--> statement-breakpoint
CREATE TABLE "payment_procedure_settings" (
	"procedure_id" uuid PRIMARY KEY NOT NULL,
	"payable_at" varchar(12) NOT NULL,
	"online_payment" boolean DEFAULT true NOT NULL,
	"updated_by" uuid,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
ALTER TABLE "payment_procedure_settings" ADD CONSTRAINT "payment_procedure_settings_procedure_id_procedures_id_fk" FOREIGN KEY ("procedure_id") REFERENCES "public"."procedures"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
CREATE INDEX "payment_notifications_order_idx" ON "payment_notifications" USING btree ("owner_unit_id","order_id","id");--> statement-breakpoint
CREATE INDEX "payment_notifications_received_idx" ON "payment_notifications" USING btree ("received_at");--> statement-breakpoint
CREATE UNIQUE INDEX "payment_orders_txn_ref_uq" ON "payment_orders" USING btree ("owner_unit_id","txn_ref");--> statement-breakpoint
CREATE INDEX "payment_orders_txn_ref_idx" ON "payment_orders" USING btree ("txn_ref");--> statement-breakpoint
CREATE INDEX "payment_orders_dossier_idx" ON "payment_orders" USING btree ("owner_unit_id","dossier_id","created_at");--> statement-breakpoint
CREATE INDEX "payment_orders_agency_created_idx" ON "payment_orders" USING btree ("receiving_agency_id","created_at");--> statement-breakpoint
CREATE INDEX "payment_orders_check_idx" ON "payment_orders" USING btree ("next_check_at") WHERE "payment_orders"."state" = 'pending';