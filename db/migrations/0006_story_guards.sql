-- Stories join the one full-text index of 0003_search as item_kind 'story': the title and the
-- narrative as one text, `at` when the story was written, and the site and round of the round
-- it came from, if any. A withdrawn story leaves the index for good (withdrawal is final).
INSERT INTO `search_items` (`item_kind`, `item_id`, `at`, `site`, `area_id`, `round_id`)
	SELECT 'story', s.`id`, s.`created_at`, r.`site`, NULL, s.`round_id`
	FROM `stories` s LEFT JOIN `rounds` r ON r.`id` = s.`round_id` WHERE s.`status` <> 'withdrawn';
--> statement-breakpoint
INSERT INTO `search_index` (`rowid`, `text`)
	SELECT si.`rowid`, s.`title` || char(10) || char(10) || s.`narrative`
	FROM `search_items` si JOIN `stories` s ON s.`id` = si.`item_id` WHERE si.`item_kind` = 'story';
--> statement-breakpoint
CREATE TRIGGER `stories_search_insert` AFTER INSERT ON `stories`
WHEN NEW.`status` <> 'withdrawn'
BEGIN
	INSERT INTO `search_items` (`item_kind`, `item_id`, `at`, `site`, `area_id`, `round_id`)
		VALUES ('story', NEW.`id`, NEW.`created_at`, (SELECT `site` FROM `rounds` WHERE `id` = NEW.`round_id`), NULL, NEW.`round_id`);
	INSERT INTO `search_index` (`rowid`, `text`)
		VALUES ((SELECT `rowid` FROM `search_items` WHERE `item_kind` = 'story' AND `item_id` = NEW.`id`),
			NEW.`title` || char(10) || char(10) || NEW.`narrative`);
END;
--> statement-breakpoint
CREATE TRIGGER `stories_search_update` AFTER UPDATE OF `title`, `narrative` ON `stories`
WHEN NEW.`status` <> 'withdrawn' AND (NEW.`title` IS NOT OLD.`title` OR NEW.`narrative` IS NOT OLD.`narrative`)
BEGIN
	DELETE FROM `search_index`
		WHERE `rowid` = (SELECT `rowid` FROM `search_items` WHERE `item_kind` = 'story' AND `item_id` = OLD.`id`);
	INSERT INTO `search_index` (`rowid`, `text`)
		VALUES ((SELECT `rowid` FROM `search_items` WHERE `item_kind` = 'story' AND `item_id` = OLD.`id`),
			NEW.`title` || char(10) || char(10) || NEW.`narrative`);
END;
--> statement-breakpoint
CREATE TRIGGER `stories_search_round` AFTER UPDATE OF `round_id` ON `stories`
WHEN NEW.`round_id` IS NOT OLD.`round_id`
BEGIN
	UPDATE `search_items`
		SET `round_id` = NEW.`round_id`, `site` = (SELECT `site` FROM `rounds` WHERE `id` = NEW.`round_id`)
		WHERE `item_kind` = 'story' AND `item_id` = OLD.`id`;
END;
--> statement-breakpoint
CREATE TRIGGER `stories_search_withdrawn` AFTER UPDATE OF `status` ON `stories`
WHEN NEW.`status` = 'withdrawn' AND OLD.`status` <> 'withdrawn'
BEGIN
	DELETE FROM `search_index`
		WHERE `rowid` = (SELECT `rowid` FROM `search_items` WHERE `item_kind` = 'story' AND `item_id` = OLD.`id`);
	DELETE FROM `search_items` WHERE `item_kind` = 'story' AND `item_id` = OLD.`id`;
END;
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
-- A story starts as a draft; it reaches "approved" only from "read back" and with consent on
-- record. (Whether that consent is still in date depends on the clock, which the app checks.)
CREATE TRIGGER `stories_insert_draft` BEFORE INSERT ON `stories`
WHEN NEW.`status` <> 'draft'
BEGIN
	SELECT RAISE(ABORT, 'locked: a new story starts as a draft');
END;
--> statement-breakpoint
CREATE TRIGGER `stories_approval_guard` BEFORE UPDATE OF `status` ON `stories`
WHEN NEW.`status` = 'approved' AND OLD.`status` <> 'approved'
	AND (OLD.`status` <> 'read_back' OR NOT EXISTS (SELECT 1 FROM `story_consents` WHERE `story_id` = NEW.`id`))
BEGIN
	SELECT RAISE(ABORT, 'locked: a story can be approved only after it is read back, and with consent recorded');
END;
--> statement-breakpoint
-- The text the storyteller checked is fixed while the story is read back or approved. SQLite
-- cannot hash, so rather than compare hashes the database refuses any change to that text
-- unless the same statement sends the story back to draft; the app does that in the same
-- transaction as the edit, and the CHECK on stories keeps read_back_hash = text_hash otherwise.
CREATE TRIGGER `stories_read_back_text_fixed` BEFORE UPDATE OF `narrative`, `quotes`, `learning_points` ON `stories`
WHEN OLD.`status` IN ('read_back', 'approved') AND NEW.`status` <> 'draft'
	AND (NEW.`narrative` IS NOT OLD.`narrative` OR NEW.`quotes` IS NOT OLD.`quotes`
		OR NEW.`learning_points` IS NOT OLD.`learning_points`)
BEGIN
	SELECT RAISE(ABORT, 'locked: the story was read back to its storyteller, so a change to it must send it back to draft');
END;
--> statement-breakpoint
-- Withdrawal is final: nothing about a withdrawn story, its consent, read-backs, tags or
-- personal-data decisions may change, and it can never be exported again.
CREATE TRIGGER `stories_withdrawn_locked` BEFORE UPDATE ON `stories`
WHEN OLD.`status` = 'withdrawn'
BEGIN
	SELECT RAISE(ABORT, 'locked: the storyteller has withdrawn consent for this story');
END;
--> statement-breakpoint
CREATE TRIGGER `story_consents_withdrawn_insert` BEFORE INSERT ON `story_consents`
WHEN (SELECT `status` FROM `stories` WHERE `id` = NEW.`story_id`) = 'withdrawn'
BEGIN
	SELECT RAISE(ABORT, 'locked: the storyteller has withdrawn consent for this story');
END;
--> statement-breakpoint
CREATE TRIGGER `story_consents_withdrawn_update` BEFORE UPDATE ON `story_consents`
WHEN (SELECT `status` FROM `stories` WHERE `id` = OLD.`story_id`) = 'withdrawn'
BEGIN
	SELECT RAISE(ABORT, 'locked: the storyteller has withdrawn consent for this story');
END;
--> statement-breakpoint
CREATE TRIGGER `story_read_backs_withdrawn_insert` BEFORE INSERT ON `story_read_backs`
WHEN (SELECT `status` FROM `stories` WHERE `id` = NEW.`story_id`) = 'withdrawn'
BEGIN
	SELECT RAISE(ABORT, 'locked: the storyteller has withdrawn consent for this story');
END;
--> statement-breakpoint
CREATE TRIGGER `item_tags_story_withdrawn_insert` BEFORE INSERT ON `item_tags`
WHEN NEW.`item_kind` = 'story' AND (SELECT `status` FROM `stories` WHERE `id` = NEW.`item_id`) = 'withdrawn'
BEGIN
	SELECT RAISE(ABORT, 'locked: the storyteller has withdrawn consent for this story');
END;
--> statement-breakpoint
CREATE TRIGGER `item_tags_story_withdrawn_update` BEFORE UPDATE ON `item_tags`
WHEN OLD.`item_kind` = 'story' AND (SELECT `status` FROM `stories` WHERE `id` = OLD.`item_id`) = 'withdrawn'
BEGIN
	SELECT RAISE(ABORT, 'locked: the storyteller has withdrawn consent for this story');
END;
--> statement-breakpoint
CREATE TRIGGER `item_tags_story_withdrawn_delete` BEFORE DELETE ON `item_tags`
WHEN OLD.`item_kind` = 'story' AND (SELECT `status` FROM `stories` WHERE `id` = OLD.`item_id`) = 'withdrawn'
BEGIN
	SELECT RAISE(ABORT, 'locked: the storyteller has withdrawn consent for this story');
END;
--> statement-breakpoint
CREATE TRIGGER `clearance_decisions_story_withdrawn` BEFORE INSERT ON `clearance_decisions`
WHEN NEW.`item_kind` = 'story' AND (SELECT `status` FROM `stories` WHERE `id` = NEW.`item_id`) = 'withdrawn'
BEGIN
	SELECT RAISE(ABORT, 'locked: the storyteller has withdrawn consent for this story');
END;
--> statement-breakpoint
-- Decisions about an observation's personal data are part of its round: fixed at sign-off.
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
-- Where a story went is what PEIG needs when its storyteller withdraws: the record of exports
-- is append-only, and a withdrawn story can never be exported again.
CREATE TRIGGER `exports_withdrawn_insert` BEFORE INSERT ON `exports`
WHEN (SELECT `status` FROM `stories` WHERE `id` = NEW.`story_id`) = 'withdrawn'
BEGIN
	SELECT RAISE(ABORT, 'locked: the storyteller has withdrawn consent for this story');
END;
--> statement-breakpoint
CREATE TRIGGER `exports_no_update` BEFORE UPDATE ON `exports`
BEGIN
	SELECT RAISE(ABORT, 'locked: the record of exports cannot be changed');
END;
--> statement-breakpoint
CREATE TRIGGER `exports_no_delete` BEFORE DELETE ON `exports`
BEGIN
	SELECT RAISE(ABORT, 'locked: the record of exports cannot be changed');
END;
