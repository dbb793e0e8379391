-- Where a work hangs, with its history, and what an exhibition shows (issue 13).
-- Hand-written; never edit once applied (add 006_*.sql instead).

-- 1. Placements. A work is in one place at a time: a shared space of the house (its id, a federated
-- reference as in artwork.displayed_in_space_id), the gallery, or storage (taken down). Each row is a
-- stay [since, until); the open one (until NULL) is where the work is now. The ranges of one work never
-- overlap, so a work has at most one open row.
CREATE TYPE artwork_place AS ENUM ('SHARED_SPACE', 'GALLERY', 'STORAGE');

CREATE TABLE artwork_placement (
  id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
  artwork_id uuid NOT NULL REFERENCES artwork (id) ON DELETE CASCADE,
  place artwork_place NOT NULL,
  space_id uuid,
  since timestamptz NOT NULL DEFAULT now(),
  until timestamptz,
  -- Who placed it (the token's sub); NULL for rows the database wrote itself (this migration, the trigger below).
  placed_by text CHECK (placed_by IS NULL OR length(placed_by) BETWEEN 1 AND 200),
  note jsonb CHECK (note IS NULL OR is_texts(note)),
  CONSTRAINT artwork_placement_space CHECK ((place = 'SHARED_SPACE') = (space_id IS NOT NULL)),
  CONSTRAINT artwork_placement_range CHECK (until IS NULL OR until >= since),
  CONSTRAINT artwork_placement_no_overlap EXCLUDE USING gist (artwork_id WITH =, tstzrange(since, until, '[)') WITH &&)
);
-- Artwork.placement of many works: their open rows.
CREATE UNIQUE INDEX artwork_placement_open_idx ON artwork_placement (artwork_id) WHERE until IS NULL;
-- Artwork.placementHistory: newest first.
CREATE INDEX artwork_placement_history_idx ON artwork_placement (artwork_id, since DESC);

-- The history and the artwork's column always agree: whoever writes artwork.displayed_in_space_id
-- (placeArtwork, the seed, a later mutation), a change that the open row does not already say closes it
-- and opens the new stay (in the shared space; in storage when the work leaves a space). placeArtwork
-- writes its own row first (with who and a note), so the trigger finds it agreeing and does nothing.
CREATE FUNCTION artwork_placement_follow() RETURNS trigger LANGUAGE plpgsql AS $$
DECLARE
  open_row artwork_placement%ROWTYPE;
  -- The clock, not the transaction's start: taken under the artwork's row lock, so stays follow each other.
  moved_at timestamptz := clock_timestamp();
BEGIN
  SELECT * INTO open_row FROM artwork_placement WHERE artwork_id = NEW.id AND until IS NULL;
  IF NEW.displayed_in_space_id IS NOT NULL THEN
    IF FOUND AND open_row.place = 'SHARED_SPACE' AND open_row.space_id = NEW.displayed_in_space_id THEN
      RETURN NULL;
    END IF;
  ELSIF NOT FOUND OR open_row.place <> 'SHARED_SPACE' THEN
    RETURN NULL;
  END IF;
  UPDATE artwork_placement SET until = moved_at WHERE id = open_row.id;
  INSERT INTO artwork_placement (artwork_id, place, space_id, since)
  VALUES (NEW.id, CASE WHEN NEW.displayed_in_space_id IS NULL THEN 'STORAGE' ELSE 'SHARED_SPACE' END::artwork_place,
          NEW.displayed_in_space_id, moved_at);
  RETURN NULL;
END
$$;
CREATE TRIGGER artwork_placement_follows AFTER INSERT OR UPDATE OF displayed_in_space_id ON artwork
  FOR EACH ROW EXECUTE FUNCTION artwork_placement_follow();

-- History for existing data: every work already on display gets one open row, in its space, since the
-- work was recorded (the earliest time the house knows of). Nothing existing is rewritten.
INSERT INTO artwork_placement (artwork_id, place, space_id, since)
SELECT id, 'SHARED_SPACE', displayed_in_space_id, created_at FROM artwork WHERE displayed_in_space_id IS NOT NULL;

-- 2. Exhibition contents. A work is in two exhibitions only if their days (starts_on..ends_on, both
-- included) do not overlap. Each link carries its exhibition's days (kept by the triggers below) so
-- an exclusion constraint decides under any concurrency: of two overlapping adds, one fails (23P01).
-- The column is derived for existing links from their exhibition (no value of theirs changes). If
-- existing links already break the rule, this migration fails on the constraint, naming the work:
-- fix those links by hand first; nothing is dropped silently.
ALTER TABLE exhibition_artwork ADD COLUMN days daterange;
UPDATE exhibition_artwork l SET days = daterange(e.starts_on, e.ends_on, '[]') FROM exhibition e WHERE e.id = l.exhibition_id;
ALTER TABLE exhibition_artwork
  ALTER COLUMN days SET NOT NULL,
  ADD CONSTRAINT exhibition_artwork_no_overlap EXCLUDE USING gist (artwork_id WITH =, days WITH &&);

-- A new link takes its exhibition's days, whatever the writer put there.
CREATE FUNCTION exhibition_artwork_days() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
  SELECT daterange(starts_on, ends_on, '[]') INTO NEW.days FROM exhibition WHERE id = NEW.exhibition_id;
  RETURN NEW;
END
$$;
CREATE TRIGGER exhibition_artwork_takes_days BEFORE INSERT OR UPDATE ON exhibition_artwork
  FOR EACH ROW EXECUTE FUNCTION exhibition_artwork_days();

-- New dates of an exhibition move its links: a change that would make two exhibitions of one work
-- overlap fails on exhibition_artwork_no_overlap.
CREATE FUNCTION exhibition_days_follow() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
  UPDATE exhibition_artwork SET days = daterange(NEW.starts_on, NEW.ends_on, '[]') WHERE exhibition_id = NEW.id;
  RETURN NULL;
END
$$;
CREATE TRIGGER exhibition_links_follow_days AFTER UPDATE OF starts_on, ends_on ON exhibition
  FOR EACH ROW WHEN (OLD.starts_on IS DISTINCT FROM NEW.starts_on OR OLD.ends_on IS DISTINCT FROM NEW.ends_on)
  EXECUTE FUNCTION exhibition_days_follow();
