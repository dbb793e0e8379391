-- Espace KO: its members, membership plans and memberships, and its events.
-- Hand-written; applied once, in order, by the kit's migrator. Never edit an applied file.

-- Text a person reads: {"fr": "...", "en": "..."}, French required.
-- Never NULL: a CHECK passes on NULL, and t -> 'fr' is NULL when French is missing.
CREATE FUNCTION is_texts(t jsonb) RETURNS boolean LANGUAGE sql IMMUTABLE AS $$
  SELECT coalesce(jsonb_typeof(t) = 'object'
     AND jsonb_typeof(t -> 'fr') = 'string' AND length(btrim(t ->> 'fr')) > 0
     AND (NOT t ? 'en' OR jsonb_typeof(t -> 'en') IN ('string', 'null')), false)
$$;

CREATE TABLE member (
  id uuid PRIMARY KEY,
  display_name text NOT NULL CHECK (length(btrim(display_name)) BETWEEN 1 AND 100),
  profession jsonb CHECK (profession IS NULL OR is_texts(profession)),
  short_bio jsonb CHECK (short_bio IS NULL OR is_texts(short_bio)),
  -- A non-public member is seen only by themself and ADMIN.
  is_public boolean NOT NULL DEFAULT true,
  joined_on date NOT NULL,
  created_at timestamptz NOT NULL DEFAULT now(),
  -- The sort key of the member directory: accents folded, lowercased, compared byte by byte, so
  -- "Éloi" sorts among the E's on any server, whatever its locale or ICU support.
  sort_name text COLLATE "C" GENERATED ALWAYS AS (lower(translate(display_name,
    'ÀÁÂÄÃÅÇÈÉÊËÌÍÎÏÑÒÓÔÖÕÙÚÛÜÝàáâäãåçèéêëìíîïñòóôöõùúûüýÿ',
    'AAAAAACEEEEIIIINOOOOOUUUUYaaaaaaceeeeiiiinooooouuuuyy'))) STORED
);
-- members(first, after): keyset on (sort_name, id); the partial index serves everyone but ADMIN.
CREATE INDEX member_name_idx ON member (sort_name, id);
CREATE INDEX member_public_name_idx ON member (sort_name, id) WHERE is_public;

CREATE TYPE membership_plan_code AS ENUM ('DAY_PASS', 'TEN_DAY_CARD', 'PART_TIME_MONTHLY', 'FULL_TIME_MONTHLY');

CREATE TABLE membership_plan (
  id uuid PRIMARY KEY,
  code membership_plan_code NOT NULL UNIQUE,
  name jsonb NOT NULL CHECK (is_texts(name)),
  description jsonb CHECK (description IS NULL OR is_texts(description)),
  price_cents integer NOT NULL CHECK (price_cents > 0),
  currency text NOT NULL DEFAULT 'CAD' CHECK (currency = 'CAD'),
  -- Days of coworking a card includes (10 for the card); null for passes and monthly plans.
  days_included integer CHECK (days_included IS NULL OR days_included > 0),
  CHECK ((code = 'TEN_DAY_CARD') = (days_included IS NOT NULL))
);

-- One purchase of a plan by a member, for the local dates [starts_on, ends_on], both included.
-- Its status (ACTIVE, EXPIRED, ...) is derived from the dates in house time, never stored,
-- except a cancellation, which is a fact.
CREATE TABLE membership (
  id uuid PRIMARY KEY,
  member_id uuid NOT NULL REFERENCES member (id) ON DELETE RESTRICT,
  plan_id uuid NOT NULL REFERENCES membership_plan (id) ON DELETE RESTRICT,
  starts_on date NOT NULL,
  ends_on date NOT NULL,
  -- Copied from the plan at purchase, so a later change of the plan does not change a card sold.
  days_included integer CHECK (days_included IS NULL OR days_included > 0),
  days_used integer CHECK (days_used IS NULL OR days_used >= 0),
  cancelled_at timestamptz,
  created_at timestamptz NOT NULL DEFAULT now(),
  CHECK (ends_on >= starts_on),
  CHECK ((days_included IS NULL) = (days_used IS NULL)),
  CHECK (days_used IS NULL OR days_used <= days_included)
);
CREATE INDEX membership_member_idx ON membership (member_id, starts_on DESC);

CREATE TYPE coworking_event_kind AS ENUM ('TALK', 'WORKSHOP', 'SOCIAL', 'OTHER');

-- An event of Espace KO over [starts_at, ends_at). Its venue is either a shared space of the
-- house (an id owned by the tenants subgraph, so no foreign key) or a room of Espace KO.
CREATE TABLE coworking_event (
  id uuid PRIMARY KEY,
  kind coworking_event_kind NOT NULL,
  title jsonb NOT NULL CHECK (is_texts(title)),
  description jsonb CHECK (description IS NULL OR is_texts(description)),
  starts_at timestamptz NOT NULL,
  ends_at timestamptz NOT NULL,
  space_id uuid,
  room jsonb CHECK (room IS NULL OR is_texts(room)),
  capacity integer NOT NULL CHECK (capacity > 0),
  members_only boolean NOT NULL DEFAULT false,
  created_at timestamptz NOT NULL DEFAULT now(),
  CONSTRAINT coworking_event_one_venue CHECK ((space_id IS NULL) <> (room IS NULL)),
  CONSTRAINT coworking_event_ends_after_start CHECK (ends_at > starts_at)
);
-- coworkingEvents(from, to, first, after) and the calendar: by starts_at, then id.
CREATE INDEX coworking_event_starts_idx ON coworking_event (starts_at, id);
-- SharedSpace.coworkingEvents: by space, then starts_at.
CREATE INDEX coworking_event_space_idx ON coworking_event (space_id, starts_at) WHERE space_id IS NOT NULL;
