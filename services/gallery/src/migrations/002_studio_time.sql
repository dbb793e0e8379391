-- The shared studios in use: long-term assignments of artists, and short bookings of studio time.
-- Hand-written; never edit once applied (add 003_*.sql instead).

-- Ships with PostgreSQL (contrib) and is trusted: lets a gist index mix = on uuid with && on ranges.
CREATE EXTENSION IF NOT EXISTS btree_gist;

-- An artist works in a studio from starts_on to ends_on (local dates, both included; NULL: open-ended).
-- The studio's capacity bounds the assignments that run on any one day: the service checks it under a
-- per-studio advisory lock. One artist cannot hold two overlapping assignments to the same studio.
CREATE TABLE studio_assignment (
  id uuid PRIMARY KEY,
  studio_id uuid NOT NULL REFERENCES studio (id) ON DELETE RESTRICT,
  artist_id uuid NOT NULL REFERENCES artist (id) ON DELETE RESTRICT,
  starts_on date NOT NULL,
  ends_on date,
  created_by text NOT NULL,
  created_at timestamptz NOT NULL DEFAULT now(),
  CONSTRAINT studio_assignment_ends_after_start CHECK (ends_on IS NULL OR ends_on >= starts_on),
  CONSTRAINT studio_assignment_no_double EXCLUDE USING gist (
    studio_id WITH =, artist_id WITH =, daterange(starts_on, ends_on, '[]') WITH &&)
);
CREATE INDEX studio_assignment_artist_idx ON studio_assignment (artist_id, starts_on);

CREATE TYPE studio_booking_status AS ENUM ('CONFIRMED', 'CANCELLED');

-- Studio time, half-open [starts_at, ends_at). No two confirmed bookings of one studio overlap:
-- PostgreSQL enforces it, so it holds under any concurrency; a losing insert fails with 23P01.
CREATE TABLE studio_booking (
  id uuid PRIMARY KEY,
  studio_id uuid NOT NULL REFERENCES studio (id) ON DELETE RESTRICT,
  -- The artist who books (NULL: booked by the house, an ADMIN without an artist id).
  artist_id uuid REFERENCES artist (id) ON DELETE RESTRICT,
  booked_by text NOT NULL CHECK (length(booked_by) BETWEEN 1 AND 200),
  title text NOT NULL CHECK (length(btrim(title)) BETWEEN 1 AND 200),
  starts_at timestamptz NOT NULL,
  ends_at timestamptz NOT NULL,
  status studio_booking_status NOT NULL DEFAULT 'CONFIRMED',
  created_at timestamptz NOT NULL DEFAULT now(),
  cancelled_at timestamptz,
  CONSTRAINT studio_booking_range CHECK (ends_at > starts_at AND ends_at - starts_at <= interval '12 hours'),
  CONSTRAINT studio_booking_cancelled_at CHECK ((status = 'CANCELLED') = (cancelled_at IS NOT NULL)),
  CONSTRAINT studio_booking_no_overlap EXCLUDE USING gist (
    studio_id WITH =, tstzrange(starts_at, ends_at, '[)') WITH &&) WHERE (status = 'CONFIRMED')
);
-- Studio.bookings(from, to) is served by the exclusion constraint's gist index; a booker's own list by this one.
CREATE INDEX studio_booking_artist_idx ON studio_booking (artist_id, starts_at) WHERE artist_id IS NOT NULL;
