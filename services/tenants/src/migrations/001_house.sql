-- The house, its tenants and offices, the shared spaces and the booking ledger.
-- Hand-written; applied once, in order, by the kit's migrator. Never edit an applied file.

CREATE EXTENSION IF NOT EXISTS btree_gist;

-- Text a person reads: {"fr": "...", "en": "..."}, French required.
-- COALESCE: a CHECK lets NULL through, and {"en": "x"} would make the bare expression NULL.
CREATE FUNCTION is_texts(t jsonb) RETURNS boolean LANGUAGE sql IMMUTABLE AS $$
  SELECT COALESCE(
    jsonb_typeof(t) = 'object'
    AND jsonb_typeof(t -> 'fr') = 'string' AND length(btrim(t ->> 'fr')) > 0
    AND (NOT t ? 'en' OR jsonb_typeof(t -> 'en') IN ('string', 'null')),
    false)
$$;

-- Opening hours: [{"weekday": 1..7 (ISO, Monday = 1), "opens": "HH:MM", "closes": "HH:MM"}], opens < closes.
CREATE FUNCTION is_opening_hours(h jsonb) RETURNS boolean LANGUAGE sql IMMUTABLE AS $$
  SELECT COALESCE(jsonb_typeof(h) = 'array', false) AND NOT EXISTS (
    SELECT 1 FROM jsonb_array_elements(h) e
    WHERE (jsonb_typeof(e -> 'weekday') = 'number' AND (e ->> 'weekday')::int BETWEEN 1 AND 7
      AND (e ->> 'opens') ~ '^([01][0-9]|2[0-3]):[0-5][0-9]$'
      AND (e ->> 'closes') ~ '^(([01][0-9]|2[0-3]):[0-5][0-9]|24:00)$'
      AND (e ->> 'opens') < (e ->> 'closes')) IS NOT TRUE)
$$;

CREATE TABLE house (
  id uuid PRIMARY KEY,
  singleton boolean NOT NULL DEFAULT true UNIQUE CHECK (singleton),
  name jsonb NOT NULL CHECK (is_texts(name)),
  description jsonb CHECK (description IS NULL OR is_texts(description)),
  street_address text NOT NULL CHECK (length(street_address) BETWEEN 1 AND 200),
  locality text NOT NULL CHECK (length(locality) BETWEEN 1 AND 100),
  region text NOT NULL CHECK (length(region) BETWEEN 1 AND 100),
  postal_code text NOT NULL CHECK (postal_code ~ '^[A-Z][0-9][A-Z] [0-9][A-Z][0-9]$'),
  country text NOT NULL CHECK (country ~ '^[A-Z]{2}$'),
  time_zone text NOT NULL CHECK (time_zone = 'America/Toronto'),
  opening_hours jsonb NOT NULL CHECK (is_opening_hours(opening_hours))
);

CREATE TYPE tenant_kind AS ENUM ('COWORKING', 'GALLERY', 'PROFESSIONAL');

CREATE TABLE tenant (
  id uuid PRIMARY KEY,
  slug text NOT NULL UNIQUE CHECK (slug ~ '^[a-z0-9]+(-[a-z0-9]+)*$' AND length(slug) <= 60),
  name jsonb NOT NULL CHECK (is_texts(name)),
  kind tenant_kind NOT NULL,
  profession jsonb CHECK (profession IS NULL OR is_texts(profession)),
  description jsonb CHECK (description IS NULL OR is_texts(description)),
  contact_email text CHECK (contact_email IS NULL OR contact_email ~ '^[^@\s]+@[^@\s]+\.[^@\s]+$'),
  contact_phone text CHECK (contact_phone IS NULL OR contact_phone ~ '^\+?[0-9 ().-]{7,25}$'),
  website text CHECK (website IS NULL OR website ~ '^https?://'),
  created_at timestamptz NOT NULL DEFAULT now()
);

CREATE TYPE building AS ENUM ('MAIN_HOUSE', 'ANNEX');

CREATE TABLE office (
  id uuid PRIMARY KEY,
  tenant_id uuid NOT NULL REFERENCES tenant (id) ON DELETE RESTRICT,
  name jsonb NOT NULL CHECK (is_texts(name)),
  floor smallint NOT NULL CHECK (floor BETWEEN -1 AND 4),
  building building NOT NULL,
  area_m2 numeric(6, 1) NOT NULL CHECK (area_m2 > 0)
);
CREATE INDEX office_tenant_idx ON office (tenant_id);

CREATE TABLE shared_space (
  id uuid PRIMARY KEY,
  slug text NOT NULL UNIQUE CHECK (slug ~ '^[a-z0-9]+(-[a-z0-9]+)*$' AND length(slug) <= 60),
  name jsonb NOT NULL CHECK (is_texts(name)),
  description jsonb CHECK (description IS NULL OR is_texts(description)),
  capacity integer NOT NULL CHECK (capacity > 0),
  amenities jsonb NOT NULL DEFAULT '[]' CHECK (jsonb_typeof(amenities) = 'array'),
  opening_hours jsonb NOT NULL CHECK (is_opening_hours(opening_hours)),
  -- Seasonal window as MM-DD, both included (the terrace: 05-01 to 10-31); null all year.
  season_starts text CHECK (season_starts ~ '^(0[1-9]|1[0-2])-(0[1-9]|[12][0-9]|3[01])$'),
  season_ends text CHECK (season_ends ~ '^(0[1-9]|1[0-2])-(0[1-9]|[12][0-9]|3[01])$'),
  buffer_minutes integer NOT NULL DEFAULT 0 CHECK (buffer_minutes BETWEEN 0 AND 240),
  CHECK ((season_starts IS NULL) = (season_ends IS NULL))
);

CREATE TYPE booking_status AS ENUM ('CONFIRMED', 'CANCELLED');
CREATE TYPE booking_visibility AS ENUM ('PUBLIC', 'PRIVATE');
CREATE TYPE holder_kind AS ENUM ('TENANT', 'MEMBER', 'ARTIST', 'HOUSE');

-- The one ledger of the shared spaces. occupied_until = ends_at + the space's cleaning buffer;
-- PostgreSQL itself refuses two live bookings of one space whose occupied ranges overlap.
CREATE TABLE space_booking (
  id uuid PRIMARY KEY,
  space_id uuid NOT NULL REFERENCES shared_space (id) ON DELETE RESTRICT,
  holder_kind holder_kind NOT NULL,
  holder_id uuid,
  holder_name text NOT NULL CHECK (length(holder_name) BETWEEN 1 AND 200),
  created_by text NOT NULL CHECK (length(created_by) BETWEEN 1 AND 200),
  title text NOT NULL CHECK (length(btrim(title)) BETWEEN 1 AND 200),
  starts_at timestamptz NOT NULL,
  ends_at timestamptz NOT NULL,
  occupied_until timestamptz NOT NULL,
  attendees integer CHECK (attendees IS NULL OR attendees > 0),
  status booking_status NOT NULL DEFAULT 'CONFIRMED',
  visibility booking_visibility NOT NULL DEFAULT 'PRIVATE',
  created_at timestamptz NOT NULL DEFAULT now(),
  cancelled_at timestamptz,
  CHECK (ends_at > starts_at),
  CHECK (occupied_until >= ends_at),
  CHECK ((status = 'CANCELLED') = (cancelled_at IS NOT NULL)),
  CONSTRAINT space_booking_no_overlap EXCLUDE USING gist (
    space_id WITH =,
    tstzrange(starts_at, occupied_until, '[)') WITH &&
  ) WHERE (status = 'CONFIRMED')
);
CREATE INDEX space_booking_starts_idx ON space_booking (starts_at) WHERE status = 'CONFIRMED';
CREATE INDEX space_booking_holder_idx ON space_booking (holder_kind, holder_id, starts_at);
