CREATE TABLE `hub_held_units` (
	`unit_id` text PRIMARY KEY NOT NULL,
	`bundle_id` text NOT NULL,
	`key_id` text NOT NULL,
	`kind` text NOT NULL,
	`payload` text NOT NULL,
	`signature` text NOT NULL,
	`reason` text NOT NULL,
	`held_at` text NOT NULL
);
--> statement-breakpoint
CREATE TABLE `hub_outbox` (
	`bundle_id` text PRIMARY KEY NOT NULL,
	`created_at` text NOT NULL,
	`units` text NOT NULL,
	`counts` text NOT NULL,
	`published_at` text
);
--> statement-breakpoint
CREATE INDEX `hub_outbox_pending_idx` ON `hub_outbox` (`published_at`,`created_at`);--> statement-breakpoint
CREATE TABLE `hub_pulls` (
	`id` integer PRIMARY KEY NOT NULL,
	`started_at` text NOT NULL,
	`finished_at` text NOT NULL,
	`horizon` text NOT NULL,
	`added` text NOT NULL,
	`skipped` text NOT NULL,
	`held` integer NOT NULL
);
--> statement-breakpoint
-- What was queued for the hub is sent as it was queued: its units never change, and once it is
-- marked published it stays so. The pull log is append-only.
CREATE TRIGGER `hub_outbox_fixed` BEFORE UPDATE ON `hub_outbox`
WHEN NEW.`units` IS NOT OLD.`units` OR NEW.`counts` IS NOT OLD.`counts` OR NEW.`created_at` IS NOT OLD.`created_at`
	OR NEW.`bundle_id` IS NOT OLD.`bundle_id` OR OLD.`published_at` IS NOT NULL
BEGIN
	SELECT RAISE(ABORT, 'locked: what was queued for the trust hub cannot be changed');
END;
--> statement-breakpoint
CREATE TRIGGER `hub_outbox_kept` BEFORE DELETE ON `hub_outbox`
BEGIN
	SELECT RAISE(ABORT, 'locked: what was queued for the trust hub is kept');
END;
--> statement-breakpoint
CREATE TRIGGER `hub_pulls_append_only_update` BEFORE UPDATE ON `hub_pulls`
BEGIN
	SELECT RAISE(ABORT, 'locked: the pull log is append-only');
END;
--> statement-breakpoint
CREATE TRIGGER `hub_pulls_append_only_delete` BEFORE DELETE ON `hub_pulls`
BEGIN
	SELECT RAISE(ABORT, 'locked: the pull log is append-only');
END;
