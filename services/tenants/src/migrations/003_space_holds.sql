-- Holds: a coworking event or a vernissage held in a shared space occupies it in this ledger,
-- under the same no-overlap constraint. The holding subgraph names its hold with a reference
-- ("coworking-event:<id>", "vernissage:<id>") so that holding, moving and releasing are idempotent.
ALTER TABLE space_booking
  ADD COLUMN hold_reference text CHECK (hold_reference IS NULL OR hold_reference ~ '^[a-z][a-z0-9-]{0,40}:[A-Za-z0-9-]{1,100}$'),
  ADD CONSTRAINT space_booking_hold_kind CHECK ((kind = 'EVENT') = (hold_reference IS NOT NULL));

CREATE UNIQUE INDEX space_booking_live_hold_idx ON space_booking (hold_reference) WHERE hold_reference IS NOT NULL AND status = 'CONFIRMED';
