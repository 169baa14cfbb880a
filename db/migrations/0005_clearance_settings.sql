CREATE TABLE `clearance_decisions` (
	`id` integer PRIMARY KEY NOT NULL,
	`item_kind` text NOT NULL,
	`item_id` text NOT NULL,
	`field` text NOT NULL,
	`finding_key` text NOT NULL,
	`decision` text NOT NULL,
	`reason` text,
	`decided_by` text NOT NULL,
	`decided_at` text NOT NULL,
	CONSTRAINT "clearance_decisions_kind_ck" CHECK("clearance_decisions"."item_kind" in ('story', 'observation')),
	CONSTRAINT "clearance_decisions_decision_ck" CHECK("clearance_decisions"."decision" in ('redacted', 'kept')),
	CONSTRAINT "clearance_decisions_reason_ck" CHECK("clearance_decisions"."decision" = 'redacted' or length(trim(coalesce("clearance_decisions"."reason", ''))) > 0)
);
--> statement-breakpoint
CREATE UNIQUE INDEX `clearance_decisions_finding_uq` ON `clearance_decisions` (`item_kind`,`item_id`,`field`,`finding_key`);--> statement-breakpoint
CREATE TABLE `settings` (
	`key` text PRIMARY KEY NOT NULL,
	`value` text NOT NULL,
	`updated_at` text NOT NULL
);
