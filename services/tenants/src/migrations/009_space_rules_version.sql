-- A space's rules carry a version, bumped by PostgreSQL whenever one of them changes: a booking that
-- checked the rules of the space as it read it books in one statement if the version is still the
-- one it read (BookingService.book, fastBookedSql), and otherwise in a transaction that reads the
-- rules again. The trigger's columns are RULE_COLUMNS of space-admin.service.ts, and must stay them
-- (space-rules-version.int.test.ts changes each one and checks the version moved). Existing rows are
-- not rewritten: they take the column's default, 0, without a table rewrite (a constant default).
ALTER TABLE shared_space ADD COLUMN rules_version bigint NOT NULL DEFAULT 0;

CREATE FUNCTION shared_space_bump_rules_version() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
  IF OLD.capacity IS DISTINCT FROM NEW.capacity
    OR OLD.opening_hours IS DISTINCT FROM NEW.opening_hours
    OR OLD.season_starts IS DISTINCT FROM NEW.season_starts
    OR OLD.season_ends IS DISTINCT FROM NEW.season_ends
    OR OLD.buffer_minutes IS DISTINCT FROM NEW.buffer_minutes
    OR OLD.min_duration_minutes IS DISTINCT FROM NEW.min_duration_minutes
    OR OLD.max_duration_minutes IS DISTINCT FROM NEW.max_duration_minutes
    OR OLD.horizon_days IS DISTINCT FROM NEW.horizon_days
    OR OLD.min_notice_minutes IS DISTINCT FROM NEW.min_notice_minutes
    OR OLD.weekly_quota_minutes IS DISTINCT FROM NEW.weekly_quota_minutes
    OR OLD.cancellation_cutoff_minutes IS DISTINCT FROM NEW.cancellation_cutoff_minutes
    OR OLD.eligible_roles IS DISTINCT FROM NEW.eligible_roles
    OR OLD.slot_step_minutes IS DISTINCT FROM NEW.slot_step_minutes
  THEN
    NEW.rules_version := OLD.rules_version + 1;
  ELSE
    -- Nobody sets the version by hand: it moves with the rules only.
    NEW.rules_version := OLD.rules_version;
  END IF;
  RETURN NEW;
END
$$;

CREATE TRIGGER shared_space_rules_version BEFORE UPDATE ON shared_space
  FOR EACH ROW EXECUTE FUNCTION shared_space_bump_rules_version();
