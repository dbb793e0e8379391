-- Holds keep the space's rules (capacity, opening hours, season), and ADMIN may hold despite them
-- with an explicit override and a reason. The reason is kept in the booking's history, on the
-- CREATED or RESCHEDULED entry of the overridden hold. Existing entries are not rewritten: they had
-- no override, and stay NULL.
ALTER TABLE space_booking_history
  ADD COLUMN override_reason text
    CONSTRAINT space_booking_history_override_reason CHECK (override_reason IS NULL OR char_length(override_reason) BETWEEN 1 AND 500),
  ADD CONSTRAINT space_booking_history_override_action CHECK (override_reason IS NULL OR action IN ('CREATED', 'RESCHEDULED'));
