-- One full-text index for everything people wrote: observations now; stories and actions
-- join it later with their own triggers. search_items gives each indexed item a stable integer
-- key, which is the index's rowid, so keeping the index in step with an edit is a key lookup
-- rather than a scan. It also carries the fields people filter by (when, site, area, round),
-- so a search filters each match with one lookup by that key instead of joins. Porter
-- stemming so "nurse" finds "nurses"; diacritics folded so "cafe" finds "café".
CREATE TABLE `search_items` (
	`rowid` integer PRIMARY KEY,
	`item_kind` text NOT NULL,
	`item_id` text NOT NULL,
	`at` text NOT NULL,
	`site` text,
	`area_id` text,
	`round_id` text
);
--> statement-breakpoint
CREATE UNIQUE INDEX `search_items_item_uq` ON `search_items` (`item_kind`, `item_id`);
--> statement-breakpoint
CREATE INDEX `search_items_kind_at_idx` ON `search_items` (`item_kind`, `at`);
--> statement-breakpoint
CREATE VIRTUAL TABLE `search_index` USING fts5(`text`, tokenize = 'porter unicode61 remove_diacritics 2');
--> statement-breakpoint
INSERT INTO `search_items` (`item_kind`, `item_id`, `at`, `site`, `area_id`, `round_id`)
	SELECT 'observation', o.`id`, o.`captured_at`, r.`site`, o.`area_id`, o.`round_id` FROM `observations` o JOIN `rounds` r ON r.`id` = o.`round_id`;
--> statement-breakpoint
INSERT INTO `search_index` (`rowid`, `text`)
	SELECT s.`rowid`, o.`text` FROM `search_items` s JOIN `observations` o ON o.`id` = s.`item_id` WHERE s.`item_kind` = 'observation';
--> statement-breakpoint
CREATE TRIGGER `observations_search_insert` AFTER INSERT ON `observations`
BEGIN
	INSERT INTO `search_items` (`item_kind`, `item_id`, `at`, `site`, `area_id`, `round_id`)
		VALUES ('observation', NEW.`id`, NEW.`captured_at`, (SELECT `site` FROM `rounds` WHERE `id` = NEW.`round_id`), NEW.`area_id`, NEW.`round_id`);
	INSERT INTO `search_index` (`rowid`, `text`)
		VALUES ((SELECT `rowid` FROM `search_items` WHERE `item_kind` = 'observation' AND `item_id` = NEW.`id`), NEW.`text`);
END;
--> statement-breakpoint
CREATE TRIGGER `observations_search_update` AFTER UPDATE OF `text` ON `observations`
WHEN NEW.`text` IS NOT OLD.`text`
BEGIN
	DELETE FROM `search_index`
		WHERE `rowid` = (SELECT `rowid` FROM `search_items` WHERE `item_kind` = 'observation' AND `item_id` = OLD.`id`);
	INSERT INTO `search_index` (`rowid`, `text`)
		VALUES ((SELECT `rowid` FROM `search_items` WHERE `item_kind` = 'observation' AND `item_id` = OLD.`id`), NEW.`text`);
END;
--> statement-breakpoint
CREATE TRIGGER `observations_search_area` AFTER UPDATE OF `area_id` ON `observations`
BEGIN
	UPDATE `search_items` SET `area_id` = NEW.`area_id` WHERE `item_kind` = 'observation' AND `item_id` = OLD.`id`;
END;
--> statement-breakpoint
CREATE TRIGGER `observations_search_delete` AFTER DELETE ON `observations`
BEGIN
	DELETE FROM `search_index`
		WHERE `rowid` = (SELECT `rowid` FROM `search_items` WHERE `item_kind` = 'observation' AND `item_id` = OLD.`id`);
	DELETE FROM `search_items` WHERE `item_kind` = 'observation' AND `item_id` = OLD.`id`;
	DELETE FROM `item_tags` WHERE `item_kind` = 'observation' AND `item_id` = OLD.`id`;
END;
--> statement-breakpoint
-- Tags may be added and changed after a round is completed (tagging is often done afterwards),
-- but not once it is signed off.
CREATE TRIGGER `item_tags_signed_off_insert` BEFORE INSERT ON `item_tags`
WHEN NEW.`item_kind` = 'observation'
	AND (SELECT r.`status` FROM `observations` o JOIN `rounds` r ON r.`id` = o.`round_id` WHERE o.`id` = NEW.`item_id`) = 'signed_off'
BEGIN
	SELECT RAISE(ABORT, 'locked: the round is signed off');
END;
--> statement-breakpoint
CREATE TRIGGER `item_tags_signed_off_update` BEFORE UPDATE ON `item_tags`
WHEN OLD.`item_kind` = 'observation'
	AND (SELECT r.`status` FROM `observations` o JOIN `rounds` r ON r.`id` = o.`round_id` WHERE o.`id` = OLD.`item_id`) = 'signed_off'
BEGIN
	SELECT RAISE(ABORT, 'locked: the round is signed off');
END;
--> statement-breakpoint
CREATE TRIGGER `item_tags_signed_off_delete` BEFORE DELETE ON `item_tags`
WHEN OLD.`item_kind` = 'observation'
	AND (SELECT r.`status` FROM `observations` o JOIN `rounds` r ON r.`id` = o.`round_id` WHERE o.`id` = OLD.`item_id`) = 'signed_off'
BEGIN
	SELECT RAISE(ABORT, 'locked: the round is signed off');
END;
--> statement-breakpoint
CREATE TRIGGER `observations_signed_off_locked` BEFORE UPDATE ON `observations`
WHEN (SELECT `status` FROM `rounds` WHERE `id` = OLD.`round_id`) = 'signed_off'
BEGIN
	SELECT RAISE(ABORT, 'locked: the round is signed off');
END;
