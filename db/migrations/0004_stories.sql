CREATE TABLE `stories` (
	`id` text PRIMARY KEY NOT NULL,
	`title` text NOT NULL,
	`storyteller` text NOT NULL,
	`author` text NOT NULL,
	`narrative` text DEFAULT '' NOT NULL,
	`quotes` text DEFAULT '[]' NOT NULL,
	`learning_points` text DEFAULT '[]' NOT NULL,
	`round_id` text,
	`status` text DEFAULT 'draft' NOT NULL,
	`text_hash` text NOT NULL,
	`read_back_hash` text,
	`approved_at` text,
	`withdrawn_on` text,
	`sentiment_suggested` text,
	`sentiment_drivers` text DEFAULT '[]' NOT NULL,
	`sentiment_confirmed` text,
	`equality_status` text DEFAULT 'not_recorded' NOT NULL,
	`created_at` text NOT NULL,
	`updated_at` text NOT NULL,
	FOREIGN KEY (`round_id`) REFERENCES `rounds`(`id`) ON UPDATE no action ON DELETE no action,
	CONSTRAINT "stories_status_ck" CHECK("stories"."status" in ('draft', 'read_back', 'approved', 'withdrawn')),
	CONSTRAINT "stories_storyteller_ck" CHECK("stories"."storyteller" in ('patient', 'carer_family')),
	CONSTRAINT "stories_sentiment_suggested_ck" CHECK("stories"."sentiment_suggested" in ('positive', 'negative', 'neutral', 'mixed')),
	CONSTRAINT "stories_sentiment_confirmed_ck" CHECK("stories"."sentiment_confirmed" in ('positive', 'negative', 'neutral', 'mixed')),
	CONSTRAINT "stories_equality_status_ck" CHECK("stories"."equality_status" in ('not_recorded', 'none_applies', 'recorded')),
	CONSTRAINT "stories_quotes_ck" CHECK(json_valid("stories"."quotes") and json_type("stories"."quotes") = 'array'),
	CONSTRAINT "stories_learning_points_ck" CHECK(json_valid("stories"."learning_points") and json_type("stories"."learning_points") = 'array'),
	CONSTRAINT "stories_read_back_text_ck" CHECK("stories"."status" not in ('read_back', 'approved') or "stories"."read_back_hash" is "stories"."text_hash"),
	CONSTRAINT "stories_approved_ck" CHECK("stories"."status" <> 'approved' or "stories"."approved_at" is not null),
	CONSTRAINT "stories_withdrawn_ck" CHECK(("stories"."status" = 'withdrawn') = ("stories"."withdrawn_on" is not null))
);
--> statement-breakpoint
CREATE INDEX `stories_status_updated_idx` ON `stories` (`status`,`updated_at`);--> statement-breakpoint
CREATE INDEX `stories_round_idx` ON `stories` (`round_id`);--> statement-breakpoint
CREATE TABLE `story_consents` (
	`story_id` text PRIMARY KEY NOT NULL,
	`given_on` text NOT NULL,
	`method` text NOT NULL,
	`recorded_by` text NOT NULL,
	`scopes` text NOT NULL,
	`identity` text NOT NULL,
	`review_on` text NOT NULL,
	`recorded_at` text NOT NULL,
	FOREIGN KEY (`story_id`) REFERENCES `stories`(`id`) ON UPDATE no action ON DELETE cascade,
	CONSTRAINT "story_consents_method_ck" CHECK("story_consents"."method" in ('verbal', 'written', 'easy_read')),
	CONSTRAINT "story_consents_identity_ck" CHECK("story_consents"."identity" in ('anonymised', 'named')),
	CONSTRAINT "story_consents_scopes_ck" CHECK(json_valid("story_consents"."scopes") and json_type("story_consents"."scopes") = 'array' and json_array_length("story_consents"."scopes") >= 1),
	CONSTRAINT "story_consents_review_after_ck" CHECK("story_consents"."review_on" > "story_consents"."given_on")
);
--> statement-breakpoint
CREATE INDEX `story_consents_review_idx` ON `story_consents` (`review_on`);--> statement-breakpoint
CREATE TABLE `exports` (
	`id` integer PRIMARY KEY NOT NULL,
	`story_id` text NOT NULL,
	`exported_at` text NOT NULL,
	`kind` text NOT NULL,
	`file_name` text NOT NULL,
	`scope` text NOT NULL,
	`identity` text NOT NULL,
	FOREIGN KEY (`story_id`) REFERENCES `stories`(`id`) ON UPDATE no action ON DELETE no action,
	CONSTRAINT "exports_kind_ck" CHECK("exports"."kind" in ('round_summary', 'story', 'period_report', 'you_said_we_did')),
	CONSTRAINT "exports_scope_ck" CHECK("exports"."scope" in ('peig', 'trust_internal', 'staff_training', 'public')),
	CONSTRAINT "exports_identity_ck" CHECK("exports"."identity" in ('anonymised', 'named'))
);
--> statement-breakpoint
CREATE INDEX `exports_story_idx` ON `exports` (`story_id`,`exported_at`);--> statement-breakpoint
CREATE TABLE `story_read_backs` (
	`id` text PRIMARY KEY NOT NULL,
	`story_id` text NOT NULL,
	`checked_on` text NOT NULL,
	`method` text NOT NULL,
	`changes_requested` text DEFAULT '' NOT NULL,
	`text_hash` text NOT NULL,
	`recorded_at` text NOT NULL,
	FOREIGN KEY (`story_id`) REFERENCES `stories`(`id`) ON UPDATE no action ON DELETE cascade,
	CONSTRAINT "story_read_backs_method_ck" CHECK("story_read_backs"."method" in ('in_person', 'phone', 'video', 'letter', 'email'))
);
--> statement-breakpoint
CREATE INDEX `story_read_backs_story_idx` ON `story_read_backs` (`story_id`,`recorded_at`);