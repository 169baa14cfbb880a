-- A search with a period and a site used to check every match against search_filters, one
-- lookup per match in a table spread over many pages; that was half of a search's time, and most
-- of it when those pages had left the processor's caches. Now the index itself answers both:
-- 1. Each indexed item's key is made from its time: whole seconds since 1970 times 65,536, plus
--    a count for items made in the same second. Newest first is then key order, and a period is
--    a range of keys, which the full-text index seeks to directly.
-- 2. The index has a second column, `facets`, holding words no one types: "zo" on every
--    observation, and "zo" + the hex of its site in lower case + "x" for its site (the "x" keeps
--    the stemmer off the hex). A search with a site asks for that word alongside the text.
-- search_filters is no longer needed. db/search-indexer.ts makes keys and facets for new
-- observations the same way, and the triggers below do so for stories and actions.
CREATE TABLE `search_rekey` (`old` integer PRIMARY KEY, `new` integer NOT NULL);
--> statement-breakpoint
INSERT INTO `search_rekey` (`old`, `new`)
	SELECT `rowid`,
		coalesce(unixepoch(`at`), 0) * 65536
			+ row_number() OVER (PARTITION BY coalesce(unixepoch(`at`), 0) ORDER BY `rowid`)
			- 1
	FROM `search_items`;
--> statement-breakpoint
UPDATE `search_items` SET `rowid` = (SELECT `new` FROM `search_rekey` WHERE `old` = `search_items`.`rowid`);
--> statement-breakpoint
DROP TABLE `search_rekey`;
--> statement-breakpoint
DROP TABLE `search_index`;
--> statement-breakpoint
CREATE VIRTUAL TABLE `search_index` USING fts5(`text`, `facets`, tokenize = 'porter unicode61 remove_diacritics 2');
--> statement-breakpoint
INSERT INTO `search_index` (`rowid`, `text`, `facets`)
	SELECT si.`rowid`, o.`text`, 'zo zo' || hex(lower(coalesce(si.`site`, ''))) || 'x'
	FROM `search_items` si JOIN `observations` o ON o.`id` = si.`item_id` WHERE si.`item_kind` = 'observation';
--> statement-breakpoint
INSERT INTO `search_index` (`rowid`, `text`)
	SELECT si.`rowid`, s.`title` || char(10) || char(10) || s.`narrative`
	FROM `search_items` si JOIN `stories` s ON s.`id` = si.`item_id` WHERE si.`item_kind` = 'story';
--> statement-breakpoint
INSERT INTO `search_index` (`rowid`, `text`)
	SELECT si.`rowid`, a.`said` || char(10) || a.`will_do`
	FROM `search_items` si JOIN `actions` a ON a.`id` = si.`item_id` WHERE si.`item_kind` = 'action';
--> statement-breakpoint
INSERT INTO `search_index` (`search_index`) VALUES ('optimize');
--> statement-breakpoint
DROP TRIGGER `observations_search_delete`;
--> statement-breakpoint
CREATE TRIGGER `observations_search_delete` AFTER DELETE ON `observations`
BEGIN
	DELETE FROM `search_index`
		WHERE `rowid` = (SELECT `rowid` FROM `search_items` WHERE `item_kind` = 'observation' AND `item_id` = OLD.`id`);
	DELETE FROM `search_items` WHERE `item_kind` = 'observation' AND `item_id` = OLD.`id`;
	DELETE FROM `item_tags` WHERE `item_kind` = 'observation' AND `item_id` = OLD.`id`;
END;
--> statement-breakpoint
DROP TABLE `search_filters`;
--> statement-breakpoint
DROP TRIGGER `stories_search_insert`;
--> statement-breakpoint
CREATE TRIGGER `stories_search_insert` AFTER INSERT ON `stories`
WHEN NEW.`status` <> 'withdrawn'
BEGIN
	INSERT INTO `search_items` (`rowid`, `item_kind`, `item_id`, `at`, `site`, `area_id`, `round_id`)
		SELECT coalesce(max(s.`rowid`) + 1, k.`base`), 'story', NEW.`id`, NEW.`created_at`,
			(SELECT `site` FROM `rounds` WHERE `id` = NEW.`round_id`), NULL, NEW.`round_id`
		FROM (SELECT coalesce(unixepoch(NEW.`created_at`), 0) * 65536 AS `base`) k
			LEFT JOIN `search_items` s ON s.`rowid` BETWEEN k.`base` AND k.`base` + 65535;
	INSERT INTO `search_index` (`rowid`, `text`)
		VALUES ((SELECT `rowid` FROM `search_items` WHERE `item_kind` = 'story' AND `item_id` = NEW.`id`),
			NEW.`title` || char(10) || char(10) || NEW.`narrative`);
END;
--> statement-breakpoint
DROP TRIGGER `actions_search_insert`;
--> statement-breakpoint
CREATE TRIGGER `actions_search_insert` AFTER INSERT ON `actions`
BEGIN
	INSERT INTO `search_items` (`rowid`, `item_kind`, `item_id`, `at`, `site`, `area_id`, `round_id`)
		SELECT coalesce(max(s.`rowid`) + 1, k.`base`), 'action', NEW.`id`, NEW.`created_at`, NEW.`site`, NEW.`area_id`, NULL
		FROM (SELECT coalesce(unixepoch(NEW.`created_at`), 0) * 65536 AS `base`) k
			LEFT JOIN `search_items` s ON s.`rowid` BETWEEN k.`base` AND k.`base` + 65535;
	INSERT INTO `search_index` (`rowid`, `text`)
		VALUES ((SELECT `rowid` FROM `search_items` WHERE `item_kind` = 'action' AND `item_id` = NEW.`id`), NEW.`said` || char(10) || NEW.`will_do`);
END;
