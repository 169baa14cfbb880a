CREATE TABLE `custom_tags` (
	`id` text PRIMARY KEY NOT NULL,
	`label` text NOT NULL,
	`created_at` text NOT NULL
);
--> statement-breakpoint
CREATE TABLE `item_tags` (
	`id` integer PRIMARY KEY NOT NULL,
	`item_kind` text NOT NULL,
	`item_id` text NOT NULL,
	`framework_id` text NOT NULL,
	`tag_id` text NOT NULL,
	`impact` text,
	`description` text,
	`created_at` text NOT NULL,
	CONSTRAINT "item_tags_kind_ck" CHECK("item_tags"."item_kind" in ('observation', 'story', 'action')),
	CONSTRAINT "item_tags_impact_ck" CHECK("item_tags"."impact" in ('positive', 'negative', 'neutral', 'unclear'))
);
--> statement-breakpoint
CREATE UNIQUE INDEX `item_tags_item_tag_uq` ON `item_tags` (`item_kind`,`item_id`,`framework_id`,`tag_id`);--> statement-breakpoint
CREATE INDEX `item_tags_tag_idx` ON `item_tags` (`framework_id`,`tag_id`,`item_kind`,`item_id`);--> statement-breakpoint
-- Observations gain their sentiment and equality-recording columns in place. (A rebuild of
-- the table, which drizzle-kit would write for the CHECK constraints, would drop the lock
-- triggers of 0001_guards.)
ALTER TABLE `observations` ADD COLUMN `sentiment_suggested` text CONSTRAINT "observations_sentiment_suggested_ck" CHECK("sentiment_suggested" in ('positive', 'negative', 'neutral', 'mixed'));--> statement-breakpoint
ALTER TABLE `observations` ADD COLUMN `sentiment_drivers` text DEFAULT '[]' NOT NULL;--> statement-breakpoint
ALTER TABLE `observations` ADD COLUMN `sentiment_confirmed` text CONSTRAINT "observations_sentiment_confirmed_ck" CHECK("sentiment_confirmed" in ('positive', 'negative', 'neutral', 'mixed'));--> statement-breakpoint
ALTER TABLE `observations` ADD COLUMN `fft_answer` text CONSTRAINT "observations_fft_ck" CHECK("fft_answer" in ('very_good', 'good', 'neither', 'poor', 'very_poor', 'dont_know'));--> statement-breakpoint
ALTER TABLE `observations` ADD COLUMN `equality_status` text DEFAULT 'not_recorded' NOT NULL CONSTRAINT "observations_equality_status_ck" CHECK("equality_status" in ('not_recorded', 'none_applies', 'recorded'));--> statement-breakpoint
CREATE INDEX `observations_captured_idx` ON `observations` (`captured_at`);
