CREATE TABLE `sign_off_addenda` (
	`id` text PRIMARY KEY NOT NULL,
	`kind` text NOT NULL,
	`item_id` text NOT NULL,
	`text` text NOT NULL,
	`signer_name` text NOT NULL,
	`signer_role` text NOT NULL,
	`signed_at` text NOT NULL,
	`key_id` text NOT NULL,
	`public_key_pem` text NOT NULL,
	`signature` text NOT NULL,
	FOREIGN KEY (`kind`,`item_id`) REFERENCES `sign_offs`(`kind`,`item_id`) ON UPDATE no action ON DELETE no action
);
--> statement-breakpoint
CREATE INDEX `sign_off_addenda_item_idx` ON `sign_off_addenda` (`kind`,`item_id`,`signed_at`);--> statement-breakpoint
CREATE TABLE `sign_offs` (
	`kind` text NOT NULL,
	`item_id` text NOT NULL,
	`signer_name` text NOT NULL,
	`signer_role` text NOT NULL,
	`attestation` text NOT NULL,
	`signed_at` text NOT NULL,
	`key_id` text NOT NULL,
	`public_key_pem` text NOT NULL,
	`content_sha256` text NOT NULL,
	`signature` text NOT NULL,
	PRIMARY KEY(`kind`, `item_id`),
	CONSTRAINT "sign_offs_kind_ck" CHECK("sign_offs"."kind" in ('round', 'story'))
);
--> statement-breakpoint
CREATE TABLE `trusted_signers` (
	`key_id` text PRIMARY KEY NOT NULL,
	`name` text NOT NULL,
	`role` text DEFAULT '' NOT NULL,
	`public_key_pem` text NOT NULL,
	`added_at` text NOT NULL,
	CONSTRAINT "trusted_signers_key_id_ck" CHECK(length("trusted_signers"."key_id") = 64)
);
--> statement-breakpoint
-- A sign-off and its addenda are the record of who attested what: written once, never changed.
CREATE TRIGGER `sign_offs_no_update` BEFORE UPDATE ON `sign_offs`
BEGIN
	SELECT RAISE(ABORT, 'locked: a sign-off cannot be changed');
END;
--> statement-breakpoint
CREATE TRIGGER `sign_offs_no_delete` BEFORE DELETE ON `sign_offs`
BEGIN
	SELECT RAISE(ABORT, 'locked: a sign-off cannot be changed');
END;
--> statement-breakpoint
CREATE TRIGGER `sign_off_addenda_no_update` BEFORE UPDATE ON `sign_off_addenda`
BEGIN
	SELECT RAISE(ABORT, 'locked: an addendum cannot be changed');
END;
--> statement-breakpoint
CREATE TRIGGER `sign_off_addenda_no_delete` BEFORE DELETE ON `sign_off_addenda`
BEGIN
	SELECT RAISE(ABORT, 'locked: an addendum cannot be changed');
END;
--> statement-breakpoint
-- Only a completed round or an approved story can be signed off. The app writes the sign-off
-- first and then moves the round to signed_off, in one transaction; a round reaches signed_off
-- only with its sign-off on record.
CREATE TRIGGER `sign_offs_round_completed` BEFORE INSERT ON `sign_offs`
WHEN NEW.`kind` = 'round' AND (SELECT `status` FROM `rounds` WHERE `id` = NEW.`item_id`) IS NOT 'completed'
BEGIN
	SELECT RAISE(ABORT, 'locked: only a completed round can be signed off');
END;
--> statement-breakpoint
CREATE TRIGGER `sign_offs_story_approved` BEFORE INSERT ON `sign_offs`
WHEN NEW.`kind` = 'story' AND (SELECT `status` FROM `stories` WHERE `id` = NEW.`item_id`) IS NOT 'approved'
BEGIN
	SELECT RAISE(ABORT, 'locked: only an approved story can be signed off');
END;
--> statement-breakpoint
CREATE TRIGGER `rounds_signed_off_needs_sign_off` BEFORE UPDATE OF `status` ON `rounds`
WHEN NEW.`status` = 'signed_off' AND OLD.`status` <> 'signed_off'
	AND NOT EXISTS (SELECT 1 FROM `sign_offs` WHERE `kind` = 'round' AND `item_id` = NEW.`id`)
BEGIN
	SELECT RAISE(ABORT, 'locked: a round is signed off only with its sign-off on record');
END;
--> statement-breakpoint
-- A signed-off story is locked like a signed-off round, with one exception: the storyteller may
-- still withdraw consent (status to withdrawn, with its date), which is always their right.
CREATE TRIGGER `stories_signed_off_locked` BEFORE UPDATE ON `stories`
WHEN EXISTS (SELECT 1 FROM `sign_offs` WHERE `kind` = 'story' AND `item_id` = OLD.`id`)
	AND NOT (
		NEW.`status` = 'withdrawn' AND OLD.`status` <> 'withdrawn'
		AND NEW.`id` IS OLD.`id` AND NEW.`title` IS OLD.`title` AND NEW.`storyteller` IS OLD.`storyteller`
		AND NEW.`author` IS OLD.`author` AND NEW.`narrative` IS OLD.`narrative` AND NEW.`quotes` IS OLD.`quotes`
		AND NEW.`learning_points` IS OLD.`learning_points` AND NEW.`round_id` IS OLD.`round_id`
		AND NEW.`text_hash` IS OLD.`text_hash` AND NEW.`read_back_hash` IS OLD.`read_back_hash`
		AND NEW.`approved_at` IS OLD.`approved_at` AND NEW.`sentiment_suggested` IS OLD.`sentiment_suggested`
		AND NEW.`sentiment_drivers` IS OLD.`sentiment_drivers`
		AND NEW.`sentiment_confirmed` IS OLD.`sentiment_confirmed`
		AND NEW.`equality_status` IS OLD.`equality_status` AND NEW.`created_at` IS OLD.`created_at`
	)
BEGIN
	SELECT RAISE(ABORT, 'locked: the story is signed off');
END;
--> statement-breakpoint
CREATE TRIGGER `stories_signed_off_no_delete` BEFORE DELETE ON `stories`
WHEN EXISTS (SELECT 1 FROM `sign_offs` WHERE `kind` = 'story' AND `item_id` = OLD.`id`)
BEGIN
	SELECT RAISE(ABORT, 'locked: the story is signed off');
END;
--> statement-breakpoint
CREATE TRIGGER `story_consents_signed_off_insert` BEFORE INSERT ON `story_consents`
WHEN EXISTS (SELECT 1 FROM `sign_offs` WHERE `kind` = 'story' AND `item_id` = NEW.`story_id`)
BEGIN
	SELECT RAISE(ABORT, 'locked: the story is signed off');
END;
--> statement-breakpoint
CREATE TRIGGER `story_consents_signed_off_update` BEFORE UPDATE ON `story_consents`
WHEN EXISTS (SELECT 1 FROM `sign_offs` WHERE `kind` = 'story' AND `item_id` = OLD.`story_id`)
BEGIN
	SELECT RAISE(ABORT, 'locked: the story is signed off');
END;
--> statement-breakpoint
CREATE TRIGGER `story_consents_signed_off_delete` BEFORE DELETE ON `story_consents`
WHEN EXISTS (SELECT 1 FROM `sign_offs` WHERE `kind` = 'story' AND `item_id` = OLD.`story_id`)
BEGIN
	SELECT RAISE(ABORT, 'locked: the story is signed off');
END;
--> statement-breakpoint
CREATE TRIGGER `story_read_backs_signed_off_insert` BEFORE INSERT ON `story_read_backs`
WHEN EXISTS (SELECT 1 FROM `sign_offs` WHERE `kind` = 'story' AND `item_id` = NEW.`story_id`)
BEGIN
	SELECT RAISE(ABORT, 'locked: the story is signed off');
END;
--> statement-breakpoint
CREATE TRIGGER `story_read_backs_signed_off_change` BEFORE UPDATE ON `story_read_backs`
WHEN EXISTS (SELECT 1 FROM `sign_offs` WHERE `kind` = 'story' AND `item_id` = OLD.`story_id`)
BEGIN
	SELECT RAISE(ABORT, 'locked: the story is signed off');
END;
--> statement-breakpoint
CREATE TRIGGER `story_read_backs_signed_off_delete` BEFORE DELETE ON `story_read_backs`
WHEN EXISTS (SELECT 1 FROM `sign_offs` WHERE `kind` = 'story' AND `item_id` = OLD.`story_id`)
BEGIN
	SELECT RAISE(ABORT, 'locked: the story is signed off');
END;
--> statement-breakpoint
CREATE TRIGGER `item_tags_story_signed_off_insert` BEFORE INSERT ON `item_tags`
WHEN NEW.`item_kind` = 'story'
	AND EXISTS (SELECT 1 FROM `sign_offs` WHERE `kind` = 'story' AND `item_id` = NEW.`item_id`)
BEGIN
	SELECT RAISE(ABORT, 'locked: the story is signed off');
END;
--> statement-breakpoint
CREATE TRIGGER `item_tags_story_signed_off_update` BEFORE UPDATE ON `item_tags`
WHEN OLD.`item_kind` = 'story'
	AND EXISTS (SELECT 1 FROM `sign_offs` WHERE `kind` = 'story' AND `item_id` = OLD.`item_id`)
BEGIN
	SELECT RAISE(ABORT, 'locked: the story is signed off');
END;
--> statement-breakpoint
CREATE TRIGGER `item_tags_story_signed_off_delete` BEFORE DELETE ON `item_tags`
WHEN OLD.`item_kind` = 'story'
	AND EXISTS (SELECT 1 FROM `sign_offs` WHERE `kind` = 'story' AND `item_id` = OLD.`item_id`)
BEGIN
	SELECT RAISE(ABORT, 'locked: the story is signed off');
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
