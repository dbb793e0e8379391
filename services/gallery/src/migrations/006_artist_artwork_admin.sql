-- Le Vivoir keeps its artists and artworks through the API (createArtist, updateArtist, createArtwork,
-- updateArtwork, retireArtwork), and artworks(search:) finds works by title, medium and artist.
-- The constraints are the rules of artist.validation.ts and artwork.validation.ts, the same bounds.
-- Existing rows are never rewritten: a rule older rows may not meet is added NOT VALID (it holds
-- for every row written from now on, and the API checks the whole row it writes).

-- A printable one-line text: no control character (C0, DEL, C1), no line or paragraph separator.
CREATE FUNCTION is_printable_line(t text) RETURNS boolean LANGUAGE sql IMMUTABLE PARALLEL SAFE STRICT AS $$
  SELECT t !~ '[\x01-\x1f\x7f-\x9f\u2028\u2029]'
$$;

-- A non-public artist is seen (with their works) only by themself and ADMIN.
ALTER TABLE artist
  ADD COLUMN is_public boolean NOT NULL DEFAULT true,
  ADD CONSTRAINT artist_name_printable CHECK (is_printable_line(name)) NOT VALID,
  ADD CONSTRAINT artist_website_length CHECK (website IS NULL OR (length(website) <= 2000 AND is_printable_line(website))) NOT VALID,
  ADD CONSTRAINT artist_disciplines_count CHECK (jsonb_array_length(disciplines) <= 10) NOT VALID;
-- artists and artworks leave out the works of non-public artists: the few hidden ones, by this index.
CREATE INDEX artist_hidden_idx ON artist (id) WHERE NOT is_public;

-- A retired work leaves the catalogue (artworks, Artist.artworks, the walls of the house) and keeps its
-- rows: exhibitions and sales stay in the history. imageAlt describes the image for those who cannot see it.
ALTER TABLE artwork
  ADD COLUMN image_alt jsonb CHECK (image_alt IS NULL OR is_texts(image_alt)),
  ADD COLUMN retired_at timestamptz,
  ADD CONSTRAINT artwork_retired_is_not_displayed CHECK (retired_at IS NULL OR displayed_in_space_id IS NULL),
  ADD CONSTRAINT artwork_dimensions_printable CHECK (is_printable_line(dimensions)) NOT VALID,
  -- 1 000 000,00 $ at most.
  ADD CONSTRAINT artwork_price_bound CHECK (price_cents IS NULL OR price_cents <= 100000000) NOT VALID,
  ADD CONSTRAINT artwork_image_https CHECK (image_url IS NULL OR (image_url ~ '^https://' AND length(image_url) <= 2000)) NOT VALID,
  -- Accessibility: an image has its description, in French at least.
  ADD CONSTRAINT artwork_image_has_alt CHECK (image_url IS NULL OR image_alt IS NOT NULL) NOT VALID;

-- artworks(search:): accents and case ignored ("ceramique" finds "Céramique"), over the title and the
-- medium in both languages (artwork_search_idx) and the artist's name (artist_name_search_idx).
CREATE EXTENSION IF NOT EXISTS unaccent WITH SCHEMA public;
CREATE EXTENSION IF NOT EXISTS pg_trgm WITH SCHEMA public;

-- unaccent() is only STABLE (it reads its dictionary by name): this wrapper names the dictionary, so an index may use it.
CREATE FUNCTION f_unaccent(text) RETURNS text LANGUAGE sql IMMUTABLE PARALLEL SAFE STRICT AS $$
  SELECT public.unaccent('public.unaccent', $1)
$$;

-- The searchable text of a work, lower case and without accents.
CREATE FUNCTION artwork_search_text(title jsonb, medium jsonb) RETURNS text LANGUAGE sql IMMUTABLE PARALLEL SAFE AS $$
  SELECT lower(public.f_unaccent(coalesce(title ->> 'fr', '') || ' ' || coalesce(title ->> 'en', '') || ' ' || coalesce(medium ->> 'fr', '') || ' ' || coalesce(medium ->> 'en', '')))
$$;

CREATE INDEX artwork_search_idx ON artwork USING gin (artwork_search_text(title, medium) gin_trgm_ops);
CREATE INDEX artist_name_search_idx ON artist USING gin (lower(f_unaccent(name)) gin_trgm_ops);
