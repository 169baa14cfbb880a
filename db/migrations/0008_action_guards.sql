-- An observation or story an action was raised from, or that records a revisit, stays: the
-- action's history points at it.
CREATE TRIGGER `observations_linked_no_delete` BEFORE DELETE ON `observations`
WHEN EXISTS (SELECT 1 FROM `action_links` WHERE `item_kind` = 'observation' AND `item_id` = OLD.`id`)
BEGIN
	SELECT RAISE(ABORT, 'locked: an action is linked to this observation');
END;
--> statement-breakpoint
-- The status history is a record: it is added to, never rewritten.
CREATE TRIGGER `action_events_no_update` BEFORE UPDATE ON `action_events`
BEGIN
	SELECT RAISE(ABORT, 'action_events is append-only');
END;
--> statement-breakpoint
CREATE TRIGGER `action_events_no_delete` BEFORE DELETE ON `action_events`
WHEN EXISTS (SELECT 1 FROM `actions` WHERE `id` = OLD.`action_id`)
BEGIN
	SELECT RAISE(ABORT, 'action_events is append-only');
END;
--> statement-breakpoint
-- Actions join the one search index, as the search design intended: what was said and what we
-- will do are both searchable.
CREATE TRIGGER `actions_search_insert` AFTER INSERT ON `actions`
BEGIN
	INSERT INTO `search_items` (`item_kind`, `item_id`, `at`, `site`, `area_id`, `round_id`)
		VALUES ('action', NEW.`id`, NEW.`created_at`, NEW.`site`, NEW.`area_id`, NULL);
	INSERT INTO `search_index` (`rowid`, `text`)
		VALUES ((SELECT `rowid` FROM `search_items` WHERE `item_kind` = 'action' AND `item_id` = NEW.`id`), NEW.`said` || char(10) || NEW.`will_do`);
END;
--> statement-breakpoint
CREATE TRIGGER `actions_search_update` AFTER UPDATE OF `said`, `will_do`, `area_id`, `site` ON `actions`
BEGIN
	UPDATE `search_items` SET `area_id` = NEW.`area_id`, `site` = NEW.`site` WHERE `item_kind` = 'action' AND `item_id` = OLD.`id`;
	DELETE FROM `search_index`
		WHERE `rowid` = (SELECT `rowid` FROM `search_items` WHERE `item_kind` = 'action' AND `item_id` = OLD.`id`);
	INSERT INTO `search_index` (`rowid`, `text`)
		VALUES ((SELECT `rowid` FROM `search_items` WHERE `item_kind` = 'action' AND `item_id` = OLD.`id`), NEW.`said` || char(10) || NEW.`will_do`);
END;
--> statement-breakpoint
CREATE TRIGGER `actions_search_delete` AFTER DELETE ON `actions`
BEGIN
	DELETE FROM `search_index`
		WHERE `rowid` = (SELECT `rowid` FROM `search_items` WHERE `item_kind` = 'action' AND `item_id` = OLD.`id`);
	DELETE FROM `search_items` WHERE `item_kind` = 'action' AND `item_id` = OLD.`id`;
	DELETE FROM `item_tags` WHERE `item_kind` = 'action' AND `item_id` = OLD.`id`;
END;
