-- A released hold stays released. Holding subgraphs release a hold to take back one whose write
-- failed, and the release may reach this ledger before the hold it undoes (a hold stuck in a frozen
-- process, committed later). Until now such a release changed nothing and counted as success, and
-- the late hold then lived on without its event. From now on every release leaves a tombstone of its
-- reference, and no hold may be made under a reference that was released: a tombstone, or a
-- cancelled hold of that reference (rows written before this migration; none is rewritten).
CREATE TABLE space_hold_release (
  reference text PRIMARY KEY CHECK (reference ~ '^[a-z][a-z0-9-]{0,40}:[A-Za-z0-9-]{1,100}$'),
  released_by text NOT NULL,
  released_at timestamptz NOT NULL DEFAULT now()
);

-- Every hold ever made under a reference, live or not: what the check below reads.
CREATE INDEX space_booking_hold_reference_idx ON space_booking (hold_reference) WHERE hold_reference IS NOT NULL;

-- The live holds of one kind of holder ("coworking-event", "vernissage"), in reference order: what
-- the reconcilers of the holding subgraphs page through.
CREATE INDEX space_booking_live_hold_kind_idx ON space_booking (split_part(hold_reference, ':', 1), hold_reference)
  WHERE hold_reference IS NOT NULL AND status = 'CONFIRMED';

-- Holds and releases of one reference take the same lock, so whichever commits first, the other
-- sees it: a release waits for a hold being written, and a hold written after a release is refused.
CREATE FUNCTION space_hold_not_released() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
  PERFORM pg_advisory_xact_lock(hashtext('space-hold:' || NEW.hold_reference));
  IF EXISTS (SELECT 1 FROM space_hold_release WHERE reference = NEW.hold_reference)
     OR EXISTS (SELECT 1 FROM space_booking WHERE hold_reference = NEW.hold_reference AND status = 'CANCELLED') THEN
    RAISE EXCEPTION 'the hold % was released', NEW.hold_reference
      USING ERRCODE = 'check_violation', CONSTRAINT = 'space_hold_not_released';
  END IF;
  RETURN NEW;
END $$;

CREATE TRIGGER space_hold_not_released BEFORE INSERT ON space_booking
  FOR EACH ROW WHEN (NEW.hold_reference IS NOT NULL) EXECUTE FUNCTION space_hold_not_released();
