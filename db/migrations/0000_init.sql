CREATE TABLE `areas` (
	`id` text PRIMARY KEY NOT NULL,
	`site` text NOT NULL,
	`name` text NOT NULL,
	`created_at` text NOT NULL
);
--> statement-breakpoint
CREATE UNIQUE INDEX `areas_site_name_uq` ON `areas` ("site" collate nocase,"name" collate nocase);--> statement-breakpoint
CREATE TABLE `audit_log` (
	`seq` integer PRIMARY KEY NOT NULL,
	`at` text NOT NULL,
	`actor` text NOT NULL,
	`action` text NOT NULL,
	`entity` text NOT NULL,
	`entity_id` text NOT NULL,
	`detail` text NOT NULL,
	`prev_hash` text NOT NULL,
	`hash` text NOT NULL,
	CONSTRAINT "audit_log_action_ck" CHECK("audit_log"."action" in ('create', 'update', 'delete', 'complete', 'sign_off', 'export'))
);
--> statement-breakpoint
CREATE TABLE `observations` (
	`id` text PRIMARY KEY NOT NULL,
	`round_id` text NOT NULL,
	`area_id` text NOT NULL,
	`captured_at` text NOT NULL,
	`kind` text NOT NULL,
	`source` text NOT NULL,
	`text` text NOT NULL,
	`prompt_id` text,
	`created_at` text NOT NULL,
	`updated_at` text NOT NULL,
	FOREIGN KEY (`round_id`) REFERENCES `rounds`(`id`) ON UPDATE no action ON DELETE cascade,
	FOREIGN KEY (`area_id`) REFERENCES `areas`(`id`) ON UPDATE no action ON DELETE no action,
	FOREIGN KEY (`prompt_id`) REFERENCES `template_prompts`(`id`) ON UPDATE no action ON DELETE no action,
	CONSTRAINT "observations_kind_ck" CHECK("observations"."kind" in ('seen', 'heard', 'quote', 'environment')),
	CONSTRAINT "observations_source_ck" CHECK("observations"."source" in ('patient', 'carer_family', 'staff', 'volunteer', 'visitor', 'not_applicable'))
);
--> statement-breakpoint
CREATE INDEX `observations_round_captured_idx` ON `observations` (`round_id`,`captured_at`);--> statement-breakpoint
CREATE INDEX `observations_area_idx` ON `observations` (`area_id`);--> statement-breakpoint
CREATE TABLE `round_areas` (
	`id` text PRIMARY KEY NOT NULL,
	`round_id` text NOT NULL,
	`area_id` text NOT NULL,
	`visited_at` text NOT NULL,
	`position` integer NOT NULL,
	FOREIGN KEY (`round_id`) REFERENCES `rounds`(`id`) ON UPDATE no action ON DELETE cascade,
	FOREIGN KEY (`area_id`) REFERENCES `areas`(`id`) ON UPDATE no action ON DELETE no action
);
--> statement-breakpoint
CREATE UNIQUE INDEX `round_areas_round_area_uq` ON `round_areas` (`round_id`,`area_id`);--> statement-breakpoint
CREATE TABLE `round_team_members` (
	`id` text PRIMARY KEY NOT NULL,
	`round_id` text NOT NULL,
	`name` text NOT NULL,
	`role` text NOT NULL,
	`position` integer NOT NULL,
	FOREIGN KEY (`round_id`) REFERENCES `rounds`(`id`) ON UPDATE no action ON DELETE cascade,
	CONSTRAINT "round_team_members_role_ck" CHECK("round_team_members"."role" in ('ned', 'governor', 'staff_escort', 'patient_partner', 'other'))
);
--> statement-breakpoint
CREATE INDEX `round_team_members_round_idx` ON `round_team_members` (`round_id`,`position`);--> statement-breakpoint
CREATE TABLE `rounds` (
	`id` text PRIMARY KEY NOT NULL,
	`starts_at` text NOT NULL,
	`site` text NOT NULL,
	`template_id` text,
	`status` text NOT NULL,
	`created_at` text NOT NULL,
	`updated_at` text NOT NULL,
	`completed_at` text,
	FOREIGN KEY (`template_id`) REFERENCES `templates`(`id`) ON UPDATE no action ON DELETE no action,
	CONSTRAINT "rounds_status_ck" CHECK("rounds"."status" in ('planned', 'in_progress', 'completed', 'signed_off'))
);
--> statement-breakpoint
CREATE INDEX `rounds_starts_at_idx` ON `rounds` (`starts_at`);--> statement-breakpoint
CREATE TABLE `template_prompts` (
	`id` text PRIMARY KEY NOT NULL,
	`template_id` text NOT NULL,
	`section` text NOT NULL,
	`text` text NOT NULL,
	`position` integer NOT NULL,
	FOREIGN KEY (`template_id`) REFERENCES `templates`(`id`) ON UPDATE no action ON DELETE cascade
);
--> statement-breakpoint
CREATE INDEX `template_prompts_template_idx` ON `template_prompts` (`template_id`,`position`);--> statement-breakpoint
CREATE TABLE `templates` (
	`id` text PRIMARY KEY NOT NULL,
	`name` text NOT NULL,
	`description` text DEFAULT '' NOT NULL,
	`source` text NOT NULL,
	`version` integer DEFAULT 1 NOT NULL,
	`created_at` text NOT NULL
);
