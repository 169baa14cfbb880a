-- The audit log is append-only: no row may change or disappear.
CREATE TRIGGER `audit_log_no_update` BEFORE UPDATE ON `audit_log`
BEGIN
	SELECT RAISE(ABORT, 'audit_log is append-only');
END;
--> statement-breakpoint
CREATE TRIGGER `audit_log_no_delete` BEFORE DELETE ON `audit_log`
BEGIN
	SELECT RAISE(ABORT, 'audit_log is append-only');
END;
--> statement-breakpoint
-- A round moves forward only: planned -> in_progress -> completed -> signed_off.
CREATE TRIGGER `rounds_status_forward_only` BEFORE UPDATE OF `status` ON `rounds`
WHEN (CASE NEW.`status` WHEN 'planned' THEN 0 WHEN 'in_progress' THEN 1 WHEN 'completed' THEN 2 ELSE 3 END)
   < (CASE OLD.`status` WHEN 'planned' THEN 0 WHEN 'in_progress' THEN 1 WHEN 'completed' THEN 2 ELSE 3 END)
BEGIN
	SELECT RAISE(ABORT, 'locked: a round cannot move back to an earlier status');
END;
--> statement-breakpoint
-- A signed-off round is locked: nothing about it may change. A completed one may not be deleted.
CREATE TRIGGER `rounds_signed_off_locked` BEFORE UPDATE ON `rounds`
WHEN OLD.`status` = 'signed_off'
BEGIN
	SELECT RAISE(ABORT, 'locked: the round is signed off');
END;
--> statement-breakpoint
CREATE TRIGGER `rounds_completed_no_delete` BEFORE DELETE ON `rounds`
WHEN OLD.`status` IN ('completed', 'signed_off')
BEGIN
	SELECT RAISE(ABORT, 'locked: the round is completed');
END;
--> statement-breakpoint
-- Once a round is completed, what was recorded is fixed: observations cannot be added,
-- rewritten or removed, and the visiting team and areas cannot change.
CREATE TRIGGER `observations_locked_insert` BEFORE INSERT ON `observations`
WHEN (SELECT `status` FROM `rounds` WHERE `id` = NEW.`round_id`) IN ('completed', 'signed_off')
BEGIN
	SELECT RAISE(ABORT, 'locked: the round is completed');
END;
--> statement-breakpoint
CREATE TRIGGER `observations_locked_update` BEFORE UPDATE OF `round_id`, `area_id`, `captured_at`, `kind`, `source`, `text`, `prompt_id` ON `observations`
WHEN (SELECT `status` FROM `rounds` WHERE `id` = OLD.`round_id`) IN ('completed', 'signed_off')
BEGIN
	SELECT RAISE(ABORT, 'locked: the round is completed');
END;
--> statement-breakpoint
CREATE TRIGGER `observations_locked_delete` BEFORE DELETE ON `observations`
WHEN (SELECT `status` FROM `rounds` WHERE `id` = OLD.`round_id`) IN ('completed', 'signed_off')
BEGIN
	SELECT RAISE(ABORT, 'locked: the round is completed');
END;
--> statement-breakpoint
CREATE TRIGGER `round_team_members_locked_insert` BEFORE INSERT ON `round_team_members`
WHEN (SELECT `status` FROM `rounds` WHERE `id` = NEW.`round_id`) IN ('completed', 'signed_off')
BEGIN
	SELECT RAISE(ABORT, 'locked: the round is completed');
END;
--> statement-breakpoint
CREATE TRIGGER `round_team_members_locked_update` BEFORE UPDATE ON `round_team_members`
WHEN (SELECT `status` FROM `rounds` WHERE `id` = OLD.`round_id`) IN ('completed', 'signed_off')
BEGIN
	SELECT RAISE(ABORT, 'locked: the round is completed');
END;
--> statement-breakpoint
CREATE TRIGGER `round_team_members_locked_delete` BEFORE DELETE ON `round_team_members`
WHEN (SELECT `status` FROM `rounds` WHERE `id` = OLD.`round_id`) IN ('completed', 'signed_off')
BEGIN
	SELECT RAISE(ABORT, 'locked: the round is completed');
END;
--> statement-breakpoint
CREATE TRIGGER `round_areas_locked_insert` BEFORE INSERT ON `round_areas`
WHEN (SELECT `status` FROM `rounds` WHERE `id` = NEW.`round_id`) IN ('completed', 'signed_off')
BEGIN
	SELECT RAISE(ABORT, 'locked: the round is completed');
END;
--> statement-breakpoint
CREATE TRIGGER `round_areas_locked_delete` BEFORE DELETE ON `round_areas`
WHEN (SELECT `status` FROM `rounds` WHERE `id` = OLD.`round_id`) IN ('completed', 'signed_off')
BEGIN
	SELECT RAISE(ABORT, 'locked: the round is completed');
END;
