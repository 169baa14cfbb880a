CREATE TABLE `action_events` (
	`id` integer PRIMARY KEY NOT NULL,
	`action_id` text NOT NULL,
	`at` text NOT NULL,
	`actor` text NOT NULL,
	`from_status` text,
	`to_status` text NOT NULL,
	`reason` text DEFAULT '' NOT NULL,
	FOREIGN KEY (`action_id`) REFERENCES `actions`(`id`) ON UPDATE no action ON DELETE cascade
);
--> statement-breakpoint
CREATE INDEX `action_events_action_idx` ON `action_events` (`action_id`,`at`);--> statement-breakpoint
CREATE TABLE `action_links` (
	`id` integer PRIMARY KEY NOT NULL,
	`action_id` text NOT NULL,
	`item_kind` text NOT NULL,
	`item_id` text NOT NULL,
	`role` text NOT NULL,
	`outcome` text,
	`created_at` text NOT NULL,
	FOREIGN KEY (`action_id`) REFERENCES `actions`(`id`) ON UPDATE no action ON DELETE cascade,
	CONSTRAINT "action_links_kind_ck" CHECK("action_links"."item_kind" in ('observation', 'story')),
	CONSTRAINT "action_links_role_ck" CHECK("action_links"."role" in ('source', 'revisit')),
	CONSTRAINT "action_links_outcome_ck" CHECK("action_links"."outcome" in ('still_an_issue', 'improved', 'resolved'))
);
--> statement-breakpoint
CREATE UNIQUE INDEX `action_links_uq` ON `action_links` (`action_id`,`item_kind`,`item_id`);--> statement-breakpoint
CREATE INDEX `action_links_item_idx` ON `action_links` (`item_kind`,`item_id`);--> statement-breakpoint
CREATE TABLE `actions` (
	`id` text PRIMARY KEY NOT NULL,
	`said` text NOT NULL,
	`will_do` text NOT NULL,
	`owner_name` text DEFAULT '' NOT NULL,
	`owner_role` text DEFAULT '' NOT NULL,
	`site` text,
	`area_id` text,
	`due_date` text,
	`status` text NOT NULL,
	`evidence` text DEFAULT '' NOT NULL,
	`said_at` text NOT NULL,
	`done_at` text,
	`fed_back_at` text,
	`feedback_channel` text,
	`feedback_note` text DEFAULT '' NOT NULL,
	`created_at` text NOT NULL,
	`updated_at` text NOT NULL,
	FOREIGN KEY (`area_id`) REFERENCES `areas`(`id`) ON UPDATE no action ON DELETE no action,
	CONSTRAINT "actions_status_ck" CHECK("actions"."status" in ('open', 'in_progress', 'done', 'fed_back')),
	CONSTRAINT "actions_feedback_channel_ck" CHECK("actions"."feedback_channel" in ('ward_noticeboard', 'department_screen', 'letter', 'in_person', 'meeting')),
	CONSTRAINT "actions_fed_back_ck" CHECK("actions"."status" <> 'fed_back' or ("actions"."fed_back_at" is not null and "actions"."feedback_channel" is not null))
);
--> statement-breakpoint
CREATE INDEX `actions_area_status_due_idx` ON `actions` (`area_id`,`status`,`due_date`);--> statement-breakpoint
CREATE INDEX `actions_status_due_idx` ON `actions` (`status`,`due_date`);--> statement-breakpoint
ALTER TABLE `observations` ADD `needs_follow_up` integer DEFAULT false NOT NULL;