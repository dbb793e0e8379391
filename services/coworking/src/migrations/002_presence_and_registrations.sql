-- Life at Espace KO: its capacity, check-ins, and registrations to its events (with a waitlist).
-- Hand-written; applied once, in order, by the kit's migrator. Never edit an applied file.

-- Settings of Espace KO as data, one row. Check-ins lock this row FOR UPDATE while they count
-- who is present, so the capacity holds under any concurrency.
CREATE TABLE coworking_settings (
  id boolean PRIMARY KEY DEFAULT true CHECK (id),
  capacity integer NOT NULL CHECK (capacity BETWEEN 1 AND 500)
);
INSERT INTO coworking_settings (id, capacity) VALUES (true, 24);

-- A visit: from check-in to check-out, on one local day of the house. A check-in of a 10-day card
-- uses a day of it only when it is the card's first check-in of that day (used_card_day).
CREATE TABLE check_in (
  id uuid PRIMARY KEY,
  member_id uuid NOT NULL REFERENCES member (id) ON DELETE RESTRICT,
  membership_id uuid NOT NULL REFERENCES membership (id) ON DELETE RESTRICT,
  local_date date NOT NULL,
  used_card_day boolean NOT NULL DEFAULT false,
  checked_in_at timestamptz NOT NULL DEFAULT clock_timestamp(),
  checked_out_at timestamptz,
  CONSTRAINT check_in_out_after_in CHECK (checked_out_at IS NULL OR checked_out_at >= checked_in_at)
);
-- At most one open check-in per member.
CREATE UNIQUE INDEX check_in_one_open_idx ON check_in (member_id) WHERE checked_out_at IS NULL;
-- A card pays for a day once, however many times its holder comes and goes that day.
CREATE UNIQUE INDEX check_in_one_card_day_idx ON check_in (membership_id, local_date) WHERE used_card_day;
-- Who is present today: the open check-ins of a day.
CREATE INDEX check_in_open_day_idx ON check_in (local_date, checked_in_at) WHERE checked_out_at IS NULL;
CREATE INDEX check_in_member_day_idx ON check_in (member_id, local_date);

-- A cancelled event stays readable by id, leaves the lists and frees its shared space.
ALTER TABLE coworking_event
  ADD COLUMN cancelled_at timestamptz,
  ADD COLUMN updated_at timestamptz;

CREATE TYPE event_registration_status AS ENUM ('CONFIRMED', 'WAITLISTED', 'CANCELLED');

-- A registration of a caller (their sub, plus their member id when they have one) to an event.
-- seq is the arrival order: registrations are inserted while the event row is locked FOR UPDATE,
-- so seq follows the order in which they were decided, and the waitlist is served in that order.
CREATE TABLE event_registration (
  id uuid PRIMARY KEY,
  seq bigint GENERATED ALWAYS AS IDENTITY UNIQUE,
  event_id uuid NOT NULL REFERENCES coworking_event (id) ON DELETE CASCADE,
  registrant text NOT NULL CHECK (length(registrant) BETWEEN 1 AND 200),
  member_id uuid REFERENCES member (id) ON DELETE SET NULL,
  status event_registration_status NOT NULL,
  created_at timestamptz NOT NULL DEFAULT clock_timestamp(),
  confirmed_at timestamptz,
  cancelled_at timestamptz,
  CONSTRAINT event_registration_cancelled_at CHECK ((status = 'CANCELLED') = (cancelled_at IS NOT NULL))
);
-- One live registration per caller and event; after cancelling, one may register again (at the end of the line).
CREATE UNIQUE INDEX event_registration_live_idx ON event_registration (event_id, registrant) WHERE status <> 'CANCELLED';
CREATE INDEX event_registration_line_idx ON event_registration (event_id, status, seq);
