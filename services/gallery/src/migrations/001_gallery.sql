-- Le Vivoir: artists, artworks, exhibitions with their vernissages, and the shared studios.
-- Hand-written; applied once, in order, by the kit's migrator. Never edit an applied file.
-- Shared spaces (the kitchen, the terrace) live in the tenants database: a space id here is a
-- federated reference (stableId('shared-space', slug)), not a foreign key.

-- Text a person reads: {"fr": "...", "en": "..."}, French required.
-- COALESCE: a missing "fr" makes the comparisons NULL, and a CHECK lets NULL through.
CREATE FUNCTION is_texts(t jsonb) RETURNS boolean LANGUAGE sql IMMUTABLE AS $$
  SELECT COALESCE(
    jsonb_typeof(t) = 'object'
    AND jsonb_typeof(t -> 'fr') = 'string' AND length(btrim(t ->> 'fr')) > 0
    AND (NOT t ? 'en' OR jsonb_typeof(t -> 'en') IN ('string', 'null')),
    false)
$$;

-- A list of texts: [{"fr": "...", "en": "..."}, ...].
CREATE FUNCTION is_texts_array(a jsonb) RETURNS boolean LANGUAGE sql IMMUTABLE AS $$
  SELECT CASE WHEN jsonb_typeof(a) = 'array'
    THEN NOT EXISTS (SELECT 1 FROM jsonb_array_elements(a) e WHERE NOT is_texts(e))
    ELSE false END
$$;

CREATE TABLE artist (
  id uuid PRIMARY KEY,
  -- artists(first, after) pages by slug: served by this UNIQUE index.
  slug text NOT NULL UNIQUE CHECK (slug ~ '^[a-z0-9]+(-[a-z0-9]+)*$' AND length(slug) <= 60),
  name text NOT NULL CHECK (length(btrim(name)) BETWEEN 1 AND 120),
  bio jsonb CHECK (bio IS NULL OR is_texts(bio)),
  disciplines jsonb NOT NULL DEFAULT '[]' CHECK (is_texts_array(disciplines)),
  website text CHECK (website IS NULL OR website ~ '^https?://'),
  created_at timestamptz NOT NULL DEFAULT now()
);

CREATE TYPE artwork_availability AS ENUM ('AVAILABLE', 'SOLD', 'NOT_FOR_SALE', 'ON_LOAN');

-- Availability rules:
--  * AVAILABLE with no price is "price on request"; with a price, that price is public.
--  * SOLD may keep the price it was listed at (the API no longer shows it).
--  * NOT_FOR_SALE never has a price.
--  * ON_LOAN is away from the house, so it cannot be on display in a shared space.
CREATE TABLE artwork (
  id uuid PRIMARY KEY,
  slug text NOT NULL UNIQUE CHECK (slug ~ '^[a-z0-9]+(-[a-z0-9]+)*$' AND length(slug) <= 80),
  artist_id uuid NOT NULL REFERENCES artist (id) ON DELETE RESTRICT,
  title jsonb NOT NULL CHECK (is_texts(title)),
  -- Plausible for a gallery of living and recent artists (and the odd heirloom).
  year smallint NOT NULL CHECK (year BETWEEN 1850 AND 2100),
  medium jsonb NOT NULL CHECK (is_texts(medium)),
  dimensions text NOT NULL CHECK (length(btrim(dimensions)) BETWEEN 1 AND 100),
  availability artwork_availability NOT NULL DEFAULT 'AVAILABLE',
  price_cents integer CHECK (price_cents IS NULL OR price_cents > 0),
  currency text NOT NULL DEFAULT 'CAD' CHECK (currency ~ '^[A-Z]{3}$'),
  image_url text CHECK (image_url IS NULL OR image_url ~ '^https?://'),
  displayed_in_space_id uuid,
  created_at timestamptz NOT NULL DEFAULT now(),
  CONSTRAINT artwork_not_for_sale_has_no_price CHECK (availability <> 'NOT_FOR_SALE' OR price_cents IS NULL),
  CONSTRAINT artwork_on_loan_is_not_displayed CHECK (availability <> 'ON_LOAN' OR displayed_in_space_id IS NULL)
);
-- artworks(first, after) sorts by year DESC, id DESC; Artist.artworks and artworks(artistId) by artist.
CREATE INDEX artwork_year_idx ON artwork (year DESC, id DESC);
CREATE INDEX artwork_artist_idx ON artwork (artist_id, year DESC, id DESC);
CREATE INDEX artwork_availability_idx ON artwork (availability, year DESC, id DESC);
-- SharedSpace.artworksOnDisplay.
CREATE INDEX artwork_displayed_in_idx ON artwork (displayed_in_space_id) WHERE displayed_in_space_id IS NOT NULL;

-- The status (CURRENT / UPCOMING / PAST) is computed from the dates in house time, never stored.
-- A vernissage is all or nothing: start, end and venue name together; in a shared space, its id too.
CREATE TABLE exhibition (
  id uuid PRIMARY KEY,
  slug text NOT NULL UNIQUE CHECK (slug ~ '^[a-z0-9]+(-[a-z0-9]+)*$' AND length(slug) <= 80),
  title jsonb NOT NULL CHECK (is_texts(title)),
  description jsonb CHECK (description IS NULL OR is_texts(description)),
  starts_on date NOT NULL,
  ends_on date NOT NULL,
  cover_image_url text CHECK (cover_image_url IS NULL OR cover_image_url ~ '^https?://'),
  vernissage_starts_at timestamptz,
  vernissage_ends_at timestamptz,
  vernissage_venue jsonb CHECK (vernissage_venue IS NULL OR is_texts(vernissage_venue)),
  vernissage_space_id uuid,
  created_at timestamptz NOT NULL DEFAULT now(),
  CONSTRAINT exhibition_ends_after_start CHECK (ends_on >= starts_on),
  CONSTRAINT exhibition_vernissage_whole CHECK (
    (vernissage_starts_at IS NULL) = (vernissage_ends_at IS NULL)
    AND (vernissage_starts_at IS NULL) = (vernissage_venue IS NULL)
    AND (vernissage_space_id IS NULL OR vernissage_starts_at IS NOT NULL)),
  CONSTRAINT exhibition_vernissage_evening CHECK (
    vernissage_ends_at > vernissage_starts_at AND vernissage_ends_at - vernissage_starts_at <= interval '12 hours'),
  -- The opening takes place at most two weeks before the first day, and before the last day ends.
  CONSTRAINT exhibition_vernissage_during CHECK (
    (vernissage_starts_at AT TIME ZONE 'America/Toronto')::date BETWEEN starts_on - 14 AND ends_on)
);
-- exhibitions(): all by starts_on DESC, UPCOMING by starts_on ASC; CURRENT by ends_on ASC, PAST by ends_on DESC.
CREATE INDEX exhibition_starts_idx ON exhibition (starts_on, id);
CREATE INDEX exhibition_ends_idx ON exhibition (ends_on, id);
-- CalendarDay.exhibitionsOnView: exhibitions whose days overlap the requested days.
CREATE INDEX exhibition_days_idx ON exhibition USING gist (daterange(starts_on, ends_on, '[]'));
-- CalendarDay.vernissages and SharedSpace.vernissages.
CREATE INDEX exhibition_vernissage_idx ON exhibition (vernissage_starts_at) WHERE vernissage_starts_at IS NOT NULL;
CREATE INDEX exhibition_vernissage_space_idx ON exhibition (vernissage_space_id, vernissage_starts_at)
  WHERE vernissage_space_id IS NOT NULL;

CREATE TABLE exhibition_artist (
  exhibition_id uuid NOT NULL REFERENCES exhibition (id) ON DELETE CASCADE,
  artist_id uuid NOT NULL REFERENCES artist (id) ON DELETE RESTRICT,
  position smallint NOT NULL DEFAULT 0 CHECK (position >= 0),
  PRIMARY KEY (exhibition_id, artist_id)
);
CREATE INDEX exhibition_artist_artist_idx ON exhibition_artist (artist_id);

CREATE TABLE exhibition_artwork (
  exhibition_id uuid NOT NULL REFERENCES exhibition (id) ON DELETE CASCADE,
  artwork_id uuid NOT NULL REFERENCES artwork (id) ON DELETE RESTRICT,
  position smallint NOT NULL DEFAULT 0 CHECK (position >= 0),
  PRIMARY KEY (exhibition_id, artwork_id)
);
CREATE INDEX exhibition_artwork_artwork_idx ON exhibition_artwork (artwork_id);

-- The shared ateliers in the annex.
CREATE TABLE studio (
  id uuid PRIMARY KEY,
  slug text NOT NULL UNIQUE CHECK (slug ~ '^[a-z0-9]+(-[a-z0-9]+)*$' AND length(slug) <= 60),
  name jsonb NOT NULL CHECK (is_texts(name)),
  description jsonb CHECK (description IS NULL OR is_texts(description)),
  capacity integer NOT NULL CHECK (capacity BETWEEN 1 AND 50)
);
