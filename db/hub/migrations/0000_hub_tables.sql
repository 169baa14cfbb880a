CREATE SCHEMA "px_hub";
--> statement-breakpoint
CREATE TABLE "px_hub"."bundles" (
	"id" uuid PRIMARY KEY NOT NULL,
	"key_id" text NOT NULL,
	"published_by" text NOT NULL,
	"unit_count" integer NOT NULL,
	"received_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "bundles_unit_count" CHECK ("px_hub"."bundles"."unit_count" >= 0)
);
--> statement-breakpoint
CREATE TABLE "px_hub"."publisher_keys" (
	"key_id" text PRIMARY KEY NOT NULL,
	"role_name" text NOT NULL,
	"public_key_pem" text NOT NULL,
	"registered_at" timestamp with time zone DEFAULT now() NOT NULL,
	"registered_by" text DEFAULT session_user NOT NULL
);
--> statement-breakpoint
CREATE TABLE "px_hub"."units" (
	"seq" bigint GENERATED ALWAYS AS IDENTITY (sequence name "px_hub"."units_seq_seq" INCREMENT BY 1 MINVALUE 1 MAXVALUE 9223372036854775807 START WITH 1 CACHE 1),
	"id" uuid PRIMARY KEY NOT NULL,
	"kind" text NOT NULL,
	"key_id" text NOT NULL,
	"bundle_id" uuid NOT NULL,
	"payload" text NOT NULL,
	"signature" text NOT NULL,
	"received_at" timestamp with time zone DEFAULT now() NOT NULL,
	"tx" "xid8" DEFAULT pg_current_xact_id() NOT NULL,
	CONSTRAINT "units_kind" CHECK ("px_hub"."units"."kind" ~ '^[a-z][a-z_]{0,39}$')
);
--> statement-breakpoint
ALTER TABLE "px_hub"."bundles" ADD CONSTRAINT "bundles_key_id_publisher_keys_key_id_fk" FOREIGN KEY ("key_id") REFERENCES "px_hub"."publisher_keys"("key_id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "px_hub"."units" ADD CONSTRAINT "units_key_id_publisher_keys_key_id_fk" FOREIGN KEY ("key_id") REFERENCES "px_hub"."publisher_keys"("key_id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "px_hub"."units" ADD CONSTRAINT "units_bundle_id_bundles_id_fk" FOREIGN KEY ("bundle_id") REFERENCES "px_hub"."bundles"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
CREATE INDEX "units_tx_seq" ON "px_hub"."units" USING btree ("tx","seq");--> statement-breakpoint
CREATE INDEX "units_bundle" ON "px_hub"."units" USING btree ("bundle_id");