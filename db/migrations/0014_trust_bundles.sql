CREATE TABLE `bundle_imports` (
	`bundle_id` text PRIMARY KEY NOT NULL,
	`contributor_key_id` text NOT NULL,
	`contributor_name` text NOT NULL,
	`created_at` text NOT NULL,
	`app_version` text NOT NULL,
	`file_name` text NOT NULL,
	`imported_at` text NOT NULL,
	`added` text NOT NULL,
	`skipped` text NOT NULL
);
--> statement-breakpoint
CREATE INDEX `bundle_imports_imported_idx` ON `bundle_imports` (`imported_at`);--> statement-breakpoint
CREATE TABLE `bundle_units` (
	`unit_id` text PRIMARY KEY NOT NULL,
	`kind` text NOT NULL,
	`subject_id` text NOT NULL,
	`contributor_key_id` text NOT NULL,
	`content_sha256` text NOT NULL,
	`signature` text NOT NULL,
	`content` text,
	`bundle_id` text NOT NULL,
	`imported_at` text NOT NULL,
	CONSTRAINT "bundle_units_kind_ck" CHECK("bundle_units"."kind" in ('round', 'story', 'addendum', 'action_event', 'consent_withdrawal'))
);
--> statement-breakpoint
CREATE INDEX `bundle_units_subject_idx` ON `bundle_units` (`subject_id`,`kind`);--> statement-breakpoint
CREATE TABLE `bundles_sent` (
	`bundle_id` text PRIMARY KEY NOT NULL,
	`recipient_key_id` text NOT NULL,
	`created_at` text NOT NULL,
	`period_from` text,
	`period_to` text,
	`counts` text NOT NULL,
	`file_name` text NOT NULL
);
--> statement-breakpoint
CREATE INDEX `bundles_sent_recipient_idx` ON `bundles_sent` (`recipient_key_id`,`created_at`);--> statement-breakpoint
CREATE TABLE `collection_keys` (
	`key_id` text PRIMARY KEY NOT NULL,
	`name` text NOT NULL,
	`public_key_pem` text NOT NULL,
	`added_at` text NOT NULL,
	CONSTRAINT "collection_keys_key_id_ck" CHECK(length("collection_keys"."key_id") = 64)
);
--> statement-breakpoint
DROP INDEX `areas_site_name_uq`;--> statement-breakpoint
ALTER TABLE `areas` ADD `contributor_key_id` text;--> statement-breakpoint
ALTER TABLE `areas` ADD `bundle_id` text;--> statement-breakpoint
ALTER TABLE `areas` ADD `imported_at` text;--> statement-breakpoint
CREATE UNIQUE INDEX `areas_contributor_site_name_uq` ON `areas` (`contributor_key_id`,"site" collate nocase,"name" collate nocase) WHERE "areas"."contributor_key_id" is not null;--> statement-breakpoint
CREATE UNIQUE INDEX `areas_site_name_uq` ON `areas` ("site" collate nocase,"name" collate nocase) WHERE "areas"."contributor_key_id" is null;--> statement-breakpoint
ALTER TABLE `action_events` ADD `event_id` text;--> statement-breakpoint
ALTER TABLE `action_events` ADD `contributor_key_id` text;--> statement-breakpoint
ALTER TABLE `action_events` ADD `bundle_id` text;--> statement-breakpoint
ALTER TABLE `action_events` ADD `imported_at` text;--> statement-breakpoint
CREATE UNIQUE INDEX `action_events_event_uq` ON `action_events` (`event_id`);--> statement-breakpoint
ALTER TABLE `action_links` ADD `bundle_id` text;--> statement-breakpoint
ALTER TABLE `actions` ADD `contributor_key_id` text;--> statement-breakpoint
ALTER TABLE `actions` ADD `bundle_id` text;--> statement-breakpoint
ALTER TABLE `actions` ADD `imported_at` text;--> statement-breakpoint
ALTER TABLE `actions` ADD `imported_events` integer DEFAULT 0 NOT NULL;--> statement-breakpoint
CREATE INDEX `actions_contributor_idx` ON `actions` (`contributor_key_id`);--> statement-breakpoint
ALTER TABLE `rounds` ADD `contributor_key_id` text;--> statement-breakpoint
ALTER TABLE `rounds` ADD `bundle_id` text;--> statement-breakpoint
ALTER TABLE `rounds` ADD `imported_at` text;--> statement-breakpoint
CREATE INDEX `rounds_contributor_idx` ON `rounds` (`contributor_key_id`);--> statement-breakpoint
ALTER TABLE `stories` ADD `contributor_key_id` text;--> statement-breakpoint
ALTER TABLE `stories` ADD `bundle_id` text;--> statement-breakpoint
ALTER TABLE `stories` ADD `imported_at` text;--> statement-breakpoint
CREATE INDEX `stories_contributor_idx` ON `stories` (`contributor_key_id`);--> statement-breakpoint
-- Imported records are read-only, like signed-off ones. Where a record came from never changes,
-- on imported records or on the laptop's own.
CREATE TRIGGER `rounds_provenance_fixed` BEFORE UPDATE OF `contributor_key_id`, `bundle_id`, `imported_at` ON `rounds`
WHEN NEW.`contributor_key_id` IS NOT OLD.`contributor_key_id` OR NEW.`bundle_id` IS NOT OLD.`bundle_id`
	OR NEW.`imported_at` IS NOT OLD.`imported_at`
BEGIN
	SELECT RAISE(ABORT, 'locked: where a record came from cannot be changed');
END;
--> statement-breakpoint
CREATE TRIGGER `stories_provenance_fixed` BEFORE UPDATE OF `contributor_key_id`, `bundle_id`, `imported_at` ON `stories`
WHEN NEW.`contributor_key_id` IS NOT OLD.`contributor_key_id` OR NEW.`bundle_id` IS NOT OLD.`bundle_id`
	OR NEW.`imported_at` IS NOT OLD.`imported_at`
BEGIN
	SELECT RAISE(ABORT, 'locked: where a record came from cannot be changed');
END;
--> statement-breakpoint
CREATE TRIGGER `actions_provenance_fixed` BEFORE UPDATE OF `contributor_key_id`, `bundle_id`, `imported_at` ON `actions`
WHEN NEW.`contributor_key_id` IS NOT OLD.`contributor_key_id` OR NEW.`bundle_id` IS NOT OLD.`bundle_id`
	OR NEW.`imported_at` IS NOT OLD.`imported_at`
BEGIN
	SELECT RAISE(ABORT, 'locked: where a record came from cannot be changed');
END;
--> statement-breakpoint
CREATE TRIGGER `areas_imported_locked` BEFORE UPDATE ON `areas`
WHEN OLD.`contributor_key_id` IS NOT NULL OR NEW.`contributor_key_id` IS NOT NULL
BEGIN
	SELECT RAISE(ABORT, 'locked: this area came from another laptop');
END;
--> statement-breakpoint
CREATE TRIGGER `areas_imported_no_delete` BEFORE DELETE ON `areas`
WHEN OLD.`contributor_key_id` IS NOT NULL
BEGIN
	SELECT RAISE(ABORT, 'locked: this area came from another laptop');
END;
--> statement-breakpoint
-- An imported round arrives through its lifecycle (in progress, completed, signed off) inside the
-- merge's transaction, so the guards of 0001 and 0009 hold for it as for the laptop's own; once
-- signed off it is locked by them. Only a round that is signed off may stay imported.
CREATE TRIGGER `rounds_imported_insert` BEFORE INSERT ON `rounds`
WHEN NEW.`contributor_key_id` IS NOT NULL AND NEW.`status` <> 'in_progress'
BEGIN
	SELECT RAISE(ABORT, 'locked: an imported round is written through its sign-off');
END;
--> statement-breakpoint
CREATE TRIGGER `rounds_imported_no_delete` BEFORE DELETE ON `rounds`
WHEN OLD.`contributor_key_id` IS NOT NULL
BEGIN
	SELECT RAISE(ABORT, 'locked: this round came from another laptop');
END;
--> statement-breakpoint
CREATE TRIGGER `stories_imported_no_delete` BEFORE DELETE ON `stories`
WHEN OLD.`contributor_key_id` IS NOT NULL
BEGIN
	SELECT RAISE(ABORT, 'locked: this story came from another laptop');
END;
--> statement-breakpoint
-- An imported action changes only by the merge folding in a further event (imported_events goes
-- up); an edit from this laptop, which leaves the count alone, is refused.
CREATE TRIGGER `actions_imported_locked` BEFORE UPDATE ON `actions`
WHEN OLD.`contributor_key_id` IS NOT NULL AND NEW.`imported_events` <= OLD.`imported_events`
BEGIN
	SELECT RAISE(ABORT, 'locked: this action came from another laptop');
END;
--> statement-breakpoint
CREATE TRIGGER `actions_imported_no_delete` BEFORE DELETE ON `actions`
WHEN OLD.`contributor_key_id` IS NOT NULL
BEGIN
	SELECT RAISE(ABORT, 'locked: this action came from another laptop');
END;
--> statement-breakpoint
CREATE TRIGGER `action_events_imported_insert` BEFORE INSERT ON `action_events`
WHEN (SELECT `contributor_key_id` FROM `actions` WHERE `id` = NEW.`action_id`) IS NOT NULL
	AND (NEW.`event_id` IS NULL OR NEW.`bundle_id` IS NULL)
BEGIN
	SELECT RAISE(ABORT, 'locked: this action came from another laptop');
END;
--> statement-breakpoint
CREATE TRIGGER `action_links_imported_insert` BEFORE INSERT ON `action_links`
WHEN NEW.`bundle_id` IS NULL
	AND (SELECT `contributor_key_id` FROM `actions` WHERE `id` = NEW.`action_id`) IS NOT NULL
BEGIN
	SELECT RAISE(ABORT, 'locked: this action came from another laptop');
END;
--> statement-breakpoint
CREATE TRIGGER `action_links_imported_change` BEFORE UPDATE ON `action_links`
WHEN (SELECT `contributor_key_id` FROM `actions` WHERE `id` = OLD.`action_id`) IS NOT NULL
BEGIN
	SELECT RAISE(ABORT, 'locked: this action came from another laptop');
END;
--> statement-breakpoint
CREATE TRIGGER `action_links_imported_delete` BEFORE DELETE ON `action_links`
WHEN (SELECT `contributor_key_id` FROM `actions` WHERE `id` = OLD.`action_id`) IS NOT NULL
BEGIN
	SELECT RAISE(ABORT, 'locked: this action came from another laptop');
END;
--> statement-breakpoint
CREATE TRIGGER `item_tags_imported_action` BEFORE INSERT ON `item_tags`
WHEN NEW.`item_kind` = 'action'
	AND (SELECT `contributor_key_id` FROM `actions` WHERE `id` = NEW.`item_id`) IS NOT NULL
BEGIN
	SELECT RAISE(ABORT, 'locked: this action came from another laptop');
END;
--> statement-breakpoint
-- The record of signed units and the import log are append-only.
CREATE TRIGGER `bundle_units_no_update` BEFORE UPDATE ON `bundle_units`
BEGIN
	SELECT RAISE(ABORT, 'locked: an imported record cannot be changed');
END;
--> statement-breakpoint
CREATE TRIGGER `bundle_units_no_delete` BEFORE DELETE ON `bundle_units`
BEGIN
	SELECT RAISE(ABORT, 'locked: an imported record cannot be changed');
END;
--> statement-breakpoint
CREATE TRIGGER `bundle_imports_no_update` BEFORE UPDATE ON `bundle_imports`
BEGIN
	SELECT RAISE(ABORT, 'locked: the import log cannot be changed');
END;
--> statement-breakpoint
CREATE TRIGGER `bundle_imports_no_delete` BEFORE DELETE ON `bundle_imports`
BEGIN
	SELECT RAISE(ABORT, 'locked: the import log cannot be changed');
END;
