-- A term of jargon replaced by its plain words at review is stored as a decision beside the
-- personal-data ones: decision 'plain_words', finding_key 'plain#' and the term as written, and
-- the plain words in `reason` (so the reason check, which asks every decision but a redaction for
-- words, holds for it too). SQLite cannot change a CHECK constraint in place, so the table is
-- rebuilt with every row kept. Dropping it drops its own lock triggers, which are made again below
-- exactly as 0006 and 0009 made them; the two triggers on other tables that delete an item's
-- decisions with it are dropped first and made again, so the rename never meets a trigger that
-- names a table that is briefly not there. The migration runs in the upgrade's one transaction.
DROP TRIGGER `stories_delete_cleanup`;
--> statement-breakpoint
DROP TRIGGER `observations_clearance_delete`;
--> statement-breakpoint
CREATE TABLE `__new_clearance_decisions` (
	`id` integer PRIMARY KEY NOT NULL,
	`item_kind` text NOT NULL,
	`item_id` text NOT NULL,
	`field` text NOT NULL,
	`finding_key` text NOT NULL,
	`decision` text NOT NULL,
	`reason` text,
	`decided_by` text NOT NULL,
	`decided_at` text NOT NULL,
	CONSTRAINT "clearance_decisions_kind_ck" CHECK("item_kind" in ('story', 'observation')),
	CONSTRAINT "clearance_decisions_decision_ck" CHECK("decision" in ('redacted', 'kept', 'plain_words')),
	CONSTRAINT "clearance_decisions_reason_ck" CHECK("decision" = 'redacted' or length(trim(coalesce("reason", ''))) > 0)
);
--> statement-breakpoint
INSERT INTO `__new_clearance_decisions` (`id`, `item_kind`, `item_id`, `field`, `finding_key`, `decision`, `reason`, `decided_by`, `decided_at`)
	SELECT `id`, `item_kind`, `item_id`, `field`, `finding_key`, `decision`, `reason`, `decided_by`, `decided_at` FROM `clearance_decisions`;
--> statement-breakpoint
DROP TABLE `clearance_decisions`;
--> statement-breakpoint
ALTER TABLE `__new_clearance_decisions` RENAME TO `clearance_decisions`;
--> statement-breakpoint
CREATE UNIQUE INDEX `clearance_decisions_finding_uq` ON `clearance_decisions` (`item_kind`,`item_id`,`field`,`finding_key`);
--> statement-breakpoint
CREATE TRIGGER `stories_delete_cleanup` AFTER DELETE ON `stories`
BEGIN
	DELETE FROM `search_index`
		WHERE `rowid` = (SELECT `rowid` FROM `search_items` WHERE `item_kind` = 'story' AND `item_id` = OLD.`id`);
	DELETE FROM `search_items` WHERE `item_kind` = 'story' AND `item_id` = OLD.`id`;
	DELETE FROM `item_tags` WHERE `item_kind` = 'story' AND `item_id` = OLD.`id`;
	DELETE FROM `clearance_decisions` WHERE `item_kind` = 'story' AND `item_id` = OLD.`id`;
END;
--> statement-breakpoint
CREATE TRIGGER `observations_clearance_delete` AFTER DELETE ON `observations`
BEGIN
	DELETE FROM `clearance_decisions` WHERE `item_kind` = 'observation' AND `item_id` = OLD.`id`;
END;
--> statement-breakpoint
CREATE TRIGGER `clearance_decisions_story_withdrawn` BEFORE INSERT ON `clearance_decisions`
WHEN NEW.`item_kind` = 'story' AND (SELECT `status` FROM `stories` WHERE `id` = NEW.`item_id`) = 'withdrawn'
BEGIN
	SELECT RAISE(ABORT, 'locked: the storyteller has withdrawn consent for this story');
END;
--> statement-breakpoint
CREATE TRIGGER `clearance_decisions_signed_off_insert` BEFORE INSERT ON `clearance_decisions`
WHEN NEW.`item_kind` = 'observation'
	AND (SELECT r.`status` FROM `observations` o JOIN `rounds` r ON r.`id` = o.`round_id` WHERE o.`id` = NEW.`item_id`) = 'signed_off'
BEGIN
	SELECT RAISE(ABORT, 'locked: the round is signed off');
END;
--> statement-breakpoint
CREATE TRIGGER `clearance_decisions_signed_off_update` BEFORE UPDATE ON `clearance_decisions`
WHEN OLD.`item_kind` = 'observation'
	AND (SELECT r.`status` FROM `observations` o JOIN `rounds` r ON r.`id` = o.`round_id` WHERE o.`id` = OLD.`item_id`) = 'signed_off'
BEGIN
	SELECT RAISE(ABORT, 'locked: the round is signed off');
END;
--> statement-breakpoint
CREATE TRIGGER `clearance_decisions_signed_off_delete` BEFORE DELETE ON `clearance_decisions`
WHEN OLD.`item_kind` = 'observation'
	AND (SELECT r.`status` FROM `observations` o JOIN `rounds` r ON r.`id` = o.`round_id` WHERE o.`id` = OLD.`item_id`) = 'signed_off'
BEGIN
	SELECT RAISE(ABORT, 'locked: the round is signed off');
END;
--> statement-breakpoint
CREATE TRIGGER `clearance_decisions_story_signed_off_insert` BEFORE INSERT ON `clearance_decisions`
WHEN NEW.`item_kind` = 'story'
	AND EXISTS (SELECT 1 FROM `sign_offs` WHERE `kind` = 'story' AND `item_id` = NEW.`item_id`)
BEGIN
	SELECT RAISE(ABORT, 'locked: the story is signed off');
END;
--> statement-breakpoint
CREATE TRIGGER `clearance_decisions_story_signed_off_update` BEFORE UPDATE ON `clearance_decisions`
WHEN OLD.`item_kind` = 'story'
	AND EXISTS (SELECT 1 FROM `sign_offs` WHERE `kind` = 'story' AND `item_id` = OLD.`item_id`)
BEGIN
	SELECT RAISE(ABORT, 'locked: the story is signed off');
END;
--> statement-breakpoint
CREATE TRIGGER `clearance_decisions_story_signed_off_delete` BEFORE DELETE ON `clearance_decisions`
WHEN OLD.`item_kind` = 'story'
	AND EXISTS (SELECT 1 FROM `sign_offs` WHERE `kind` = 'story' AND `item_id` = OLD.`item_id`)
BEGIN
	SELECT RAISE(ABORT, 'locked: the story is signed off');
END;
