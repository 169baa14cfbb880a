-- INSERT OR REPLACE deletes the row it conflicts with before inserting, and SQLite fires delete
-- triggers for that deletion only when recursive_triggers is on. The app turns it on for every
-- connection (db/connection.ts); these guards hold for a connection that does not, such as a
-- SQLite shell opened with the key: an insert that would replace a locked or append-only row
-- is refused before the deletion happens. A plain INSERT of an existing key fails either way,
-- so for the app these only change which error is given.
CREATE TRIGGER `audit_log_no_replace` BEFORE INSERT ON `audit_log`
WHEN EXISTS (SELECT 1 FROM `audit_log` WHERE `seq` = NEW.`seq`)
BEGIN
	SELECT RAISE(ABORT, 'audit_log is append-only');
END;
--> statement-breakpoint
CREATE TRIGGER `rounds_completed_no_replace` BEFORE INSERT ON `rounds`
WHEN (SELECT `status` FROM `rounds` WHERE `id` = NEW.`id`) IN ('completed', 'signed_off')
BEGIN
	SELECT RAISE(ABORT, 'locked: the round is completed');
END;
--> statement-breakpoint
CREATE TRIGGER `observations_locked_no_replace` BEFORE INSERT ON `observations`
WHEN (SELECT r.`status` FROM `observations` o JOIN `rounds` r ON r.`id` = o.`round_id` WHERE o.`id` = NEW.`id`) IN ('completed', 'signed_off')
BEGIN
	SELECT RAISE(ABORT, 'locked: the round is completed');
END;
--> statement-breakpoint
CREATE TRIGGER `round_areas_locked_no_replace` BEFORE INSERT ON `round_areas`
WHEN (SELECT r.`status` FROM `round_areas` ra JOIN `rounds` r ON r.`id` = ra.`round_id` WHERE ra.`id` = NEW.`id`) IN ('completed', 'signed_off')
BEGIN
	SELECT RAISE(ABORT, 'locked: the round is completed');
END;
--> statement-breakpoint
CREATE TRIGGER `sign_offs_no_replace` BEFORE INSERT ON `sign_offs`
WHEN EXISTS (SELECT 1 FROM `sign_offs` WHERE `kind` = NEW.`kind` AND `item_id` = NEW.`item_id`)
BEGIN
	SELECT RAISE(ABORT, 'locked: a sign-off cannot be changed');
END;
--> statement-breakpoint
CREATE TRIGGER `sign_off_addenda_no_replace` BEFORE INSERT ON `sign_off_addenda`
WHEN EXISTS (SELECT 1 FROM `sign_off_addenda` WHERE `id` = NEW.`id`)
BEGIN
	SELECT RAISE(ABORT, 'locked: an addendum cannot be changed');
END;
--> statement-breakpoint
CREATE TRIGGER `action_events_no_replace` BEFORE INSERT ON `action_events`
WHEN EXISTS (SELECT 1 FROM `action_events` WHERE `id` = NEW.`id`)
BEGIN
	SELECT RAISE(ABORT, 'action_events is append-only');
END;
--> statement-breakpoint
CREATE TRIGGER `exports_no_replace` BEFORE INSERT ON `exports`
WHEN EXISTS (SELECT 1 FROM `exports` WHERE `id` = NEW.`id`)
BEGIN
	SELECT RAISE(ABORT, 'locked: the record of exports cannot be changed');
END;
--> statement-breakpoint
CREATE TRIGGER `stories_signed_off_no_replace` BEFORE INSERT ON `stories`
WHEN EXISTS (SELECT 1 FROM `sign_offs` WHERE `kind` = 'story' AND `item_id` = NEW.`id`)
BEGIN
	SELECT RAISE(ABORT, 'locked: the story is signed off');
END;
--> statement-breakpoint
-- What a completed or signed-off round shows stays as it was: when each area was visited, the
-- areas' names and the wording of the prompts its observations answered. Only a real change is
-- refused, so an upsert that writes the same value still passes.
CREATE TRIGGER `round_areas_locked_update` BEFORE UPDATE ON `round_areas`
WHEN (SELECT `status` FROM `rounds` WHERE `id` = OLD.`round_id`) IN ('completed', 'signed_off')
	AND (NEW.`visited_at` IS NOT OLD.`visited_at` OR NEW.`round_id` IS NOT OLD.`round_id`
		OR NEW.`area_id` IS NOT OLD.`area_id` OR NEW.`position` IS NOT OLD.`position` OR NEW.`id` IS NOT OLD.`id`)
BEGIN
	SELECT RAISE(ABORT, 'locked: the round is completed');
END;
--> statement-breakpoint
CREATE TRIGGER `areas_shown_name_locked` BEFORE UPDATE OF `name` ON `areas`
WHEN NEW.`name` IS NOT OLD.`name` AND (
	EXISTS (SELECT 1 FROM `round_areas` ra JOIN `rounds` r ON r.`id` = ra.`round_id`
		WHERE ra.`area_id` = OLD.`id` AND r.`status` IN ('completed', 'signed_off'))
	OR EXISTS (SELECT 1 FROM `observations` o JOIN `rounds` r ON r.`id` = o.`round_id`
		WHERE o.`area_id` = OLD.`id` AND r.`status` IN ('completed', 'signed_off')))
BEGIN
	SELECT RAISE(ABORT, 'locked: a completed round shows this area''s name');
END;
--> statement-breakpoint
CREATE TRIGGER `template_prompts_shown_text_locked` BEFORE UPDATE OF `text` ON `template_prompts`
WHEN NEW.`text` IS NOT OLD.`text` AND EXISTS (
	SELECT 1 FROM `observations` o JOIN `rounds` r ON r.`id` = o.`round_id`
	WHERE o.`prompt_id` = OLD.`id` AND r.`status` = 'signed_off')
BEGIN
	SELECT RAISE(ABORT, 'locked: a signed-off round shows this prompt');
END;
--> statement-breakpoint
-- Replacing an action deletes it first, and its history with it through the cascade (the
-- history's own guard cannot see an action that is already gone); an action is changed by
-- update, never replaced.
CREATE TRIGGER `actions_no_replace` BEFORE INSERT ON `actions`
WHEN EXISTS (SELECT 1 FROM `actions` WHERE `id` = NEW.`id`)
BEGIN
	SELECT RAISE(ABORT, 'action_events is append-only');
END;
