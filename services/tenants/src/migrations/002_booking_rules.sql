-- The booking ledger's rules, stored per space as data, and what the ledger needs to keep
-- its promises: kinds of rows (bookings, closures, event holds), idempotency keys, weekly
-- series and the history of every change.

ALTER TABLE shared_space
  ADD COLUMN min_duration_minutes integer NOT NULL DEFAULT 30 CHECK (min_duration_minutes > 0),
  ADD COLUMN max_duration_minutes integer NOT NULL DEFAULT 240,
  ADD COLUMN horizon_days integer NOT NULL DEFAULT 60 CHECK (horizon_days BETWEEN 1 AND 730),
  ADD COLUMN min_notice_minutes integer NOT NULL DEFAULT 60 CHECK (min_notice_minutes BETWEEN 0 AND 10080),
  -- Hours one holder may book per ISO week (Monday to Sunday, house time); null: no quota.
  ADD COLUMN weekly_quota_minutes integer CHECK (weekly_quota_minutes IS NULL OR weekly_quota_minutes > 0),
  ADD COLUMN cancellation_cutoff_minutes integer NOT NULL DEFAULT 120 CHECK (cancellation_cutoff_minutes BETWEEN 0 AND 10080),
  ADD COLUMN eligible_roles text[] NOT NULL DEFAULT '{TENANT,MEMBER,ARTIST}'
    CHECK (eligible_roles <@ ARRAY['TENANT', 'MEMBER', 'ARTIST']::text[]),
  ADD COLUMN slot_step_minutes integer NOT NULL DEFAULT 30 CHECK (slot_step_minutes IN (5, 10, 15, 20, 30, 60)),
  ADD CONSTRAINT shared_space_durations CHECK (max_duration_minutes >= min_duration_minutes AND max_duration_minutes <= 1440);

CREATE TYPE booking_kind AS ENUM ('BOOKING', 'CLOSURE', 'EVENT');

CREATE TABLE booking_series (
  id uuid PRIMARY KEY,
  space_id uuid NOT NULL REFERENCES shared_space (id) ON DELETE RESTRICT,
  holder_kind holder_kind NOT NULL,
  holder_id uuid,
  created_by text NOT NULL,
  title text NOT NULL CHECK (length(btrim(title)) BETWEEN 1 AND 200),
  -- Wall-clock times in house time, kept across daylight-saving changes.
  local_start time NOT NULL,
  local_end time NOT NULL,
  first_date date NOT NULL,
  last_date date NOT NULL,
  created_at timestamptz NOT NULL DEFAULT now(),
  CHECK (local_end > local_start),
  CHECK (last_date >= first_date AND last_date <= first_date + 366)
);

ALTER TABLE space_booking
  ADD COLUMN kind booking_kind NOT NULL DEFAULT 'BOOKING',
  ADD COLUMN idempotency_key text CHECK (idempotency_key IS NULL OR length(idempotency_key) BETWEEN 1 AND 200),
  ADD COLUMN request_fingerprint text,
  ADD COLUMN series_id uuid REFERENCES booking_series (id) ON DELETE RESTRICT,
  ADD COLUMN updated_at timestamptz NOT NULL DEFAULT now(),
  ADD CONSTRAINT space_booking_idempotency_fingerprint CHECK ((idempotency_key IS NULL) = (request_fingerprint IS NULL)),
  ADD CONSTRAINT space_booking_closure_holder CHECK (kind <> 'CLOSURE' OR holder_kind = 'HOUSE');

-- The same key from the same caller names one booking, whatever the concurrency.
CREATE UNIQUE INDEX space_booking_idempotency_idx ON space_booking (created_by, idempotency_key) WHERE idempotency_key IS NOT NULL;
CREATE INDEX space_booking_series_idx ON space_booking (series_id, starts_at) WHERE series_id IS NOT NULL;
CREATE INDEX space_booking_created_by_idx ON space_booking (created_by, starts_at);

CREATE TYPE booking_action AS ENUM ('CREATED', 'RESCHEDULED', 'CANCELLED');

-- Who created, moved and cancelled a booking, and when: written in the same transaction as the change.
CREATE TABLE space_booking_history (
  id bigint GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
  booking_id uuid NOT NULL REFERENCES space_booking (id) ON DELETE CASCADE,
  action booking_action NOT NULL,
  actor text NOT NULL CHECK (length(actor) BETWEEN 1 AND 200),
  at timestamptz NOT NULL DEFAULT clock_timestamp(),
  starts_at timestamptz NOT NULL,
  ends_at timestamptz NOT NULL,
  previous_starts_at timestamptz,
  previous_ends_at timestamptz,
  CHECK ((action = 'RESCHEDULED') = (previous_starts_at IS NOT NULL AND previous_ends_at IS NOT NULL))
);
CREATE INDEX space_booking_history_booking_idx ON space_booking_history (booking_id, at);
