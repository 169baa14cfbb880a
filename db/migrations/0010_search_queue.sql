-- Saving an observation used to update the full-text index in the same transaction, which
-- made the save write about 13 pages to the log and wait for the disk on all of them. Now the
-- save writes one small row here instead, in its own transaction, so the record and the fact
-- that it needs indexing land together or not at all. The index is brought up to date from
-- this queue just after each save, before every search, and on start-up (after a crash).
-- Deleting an observation still removes it from the index at once, as before.
CREATE TABLE `search_queue` (
	`seq` integer PRIMARY KEY,
	`item_kind` text NOT NULL,
	`item_id` text NOT NULL
);
--> statement-breakpoint
DROP TRIGGER `observations_search_insert`;
--> statement-breakpoint
CREATE TRIGGER `observations_search_insert` AFTER INSERT ON `observations`
BEGIN
	INSERT INTO `search_queue` (`item_kind`, `item_id`) VALUES ('observation', NEW.`id`);
END;
--> statement-breakpoint
DROP TRIGGER `observations_search_update`;
--> statement-breakpoint
CREATE TRIGGER `observations_search_update` AFTER UPDATE OF `text` ON `observations`
WHEN NEW.`text` IS NOT OLD.`text`
BEGIN
	INSERT INTO `search_queue` (`item_kind`, `item_id`) VALUES ('observation', NEW.`id`);
END;
--> statement-breakpoint
-- One row, rewritten just after each checkpoint. That first write starts the write-ahead log
-- again from the top, which costs an extra wait for the disk; made here, the next save does
-- not pay it (domain/store.ts).
CREATE TABLE `last_checkpoint` (
	`id` integer PRIMARY KEY CHECK (`id` = 1),
	`at` text NOT NULL
);
--> statement-breakpoint
INSERT INTO `last_checkpoint` (`id`, `at`) VALUES (1, '');
