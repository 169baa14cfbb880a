-- When and where each indexed observation was made, in a table as narrow as the index's key.
-- A search with a period or site checks each match against these. In search_items, whose
-- rows also carry three long ids, the same check touches about three times as many pages and
-- takes about half as long again. The search indexer adds a row for each new observation
-- (db/search-indexer.ts); deleting one removes it.
CREATE TABLE `search_filters` (
	`key` integer PRIMARY KEY,
	`at` text NOT NULL,
	`site` text NOT NULL
);
--> statement-breakpoint
INSERT INTO `search_filters` (`key`, `at`, `site`)
	SELECT `rowid`, `at`, `site` FROM `search_items` WHERE `item_kind` = 'observation';
--> statement-breakpoint
DROP TRIGGER `observations_search_delete`;
--> statement-breakpoint
CREATE TRIGGER `observations_search_delete` AFTER DELETE ON `observations`
BEGIN
	DELETE FROM `search_index`
		WHERE `rowid` = (SELECT `rowid` FROM `search_items` WHERE `item_kind` = 'observation' AND `item_id` = OLD.`id`);
	DELETE FROM `search_filters`
		WHERE `key` = (SELECT `rowid` FROM `search_items` WHERE `item_kind` = 'observation' AND `item_id` = OLD.`id`);
	DELETE FROM `search_items` WHERE `item_kind` = 'observation' AND `item_id` = OLD.`id`;
	DELETE FROM `item_tags` WHERE `item_kind` = 'observation' AND `item_id` = OLD.`id`;
END;
