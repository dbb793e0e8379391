-- Espace KO keeps its members through the API: contact details, deactivation, and a search by name
-- and trade that folds accents and case. Hand-written; applied once, in order, by the kit's migrator.
-- Never edit an applied file. Existing rows are not rewritten: members written before this migration
-- have no email (their contact is null until ADMIN gives one) and stay active.

CREATE EXTENSION IF NOT EXISTS unaccent;
CREATE EXTENSION IF NOT EXISTS pg_trgm;

-- unaccent() is only STABLE (its dictionary could change); naming the dictionary makes this wrapper
-- safe to declare IMMUTABLE, which an index expression needs.
CREATE FUNCTION f_unaccent(text) RETURNS text LANGUAGE sql IMMUTABLE PARALLEL SAFE STRICT AS $$
  SELECT public.unaccent('public.unaccent', $1)
$$;

-- What members(search:) looks in: the display name and the trade in both languages, accents
-- folded, lowercased. The same function in the index and in the query, so the index serves it.
-- Schema-qualified: CREATE INDEX runs it with search_path = pg_catalog (PostgreSQL 17).
CREATE FUNCTION member_search_text(display_name text, profession jsonb) RETURNS text LANGUAGE sql IMMUTABLE PARALLEL SAFE AS $$
  SELECT lower(public.f_unaccent(coalesce(display_name, '') || ' ' || coalesce(profession ->> 'fr', '') || ' ' || coalesce(profession ->> 'en', '')))
$$;

-- Each language of a text at most `max` characters (the rule of member.rules.ts).
CREATE FUNCTION texts_at_most(t jsonb, max integer) RETURNS boolean LANGUAGE sql IMMUTABLE AS $$
  SELECT coalesce(char_length(t ->> 'fr'), 0) <= max AND coalesce(char_length(t ->> 'en'), 0) <= max
$$;

-- The display name: 1 to 120 characters (it was 1 to 100; every existing name still fits).
ALTER TABLE member DROP CONSTRAINT member_display_name_check;
ALTER TABLE member ADD CONSTRAINT member_display_name_length CHECK (char_length(btrim(display_name)) BETWEEN 1 AND 120);
ALTER TABLE member ADD CONSTRAINT member_profession_length CHECK (profession IS NULL OR texts_at_most(profession, 100));
ALTER TABLE member ADD CONSTRAINT member_short_bio_length CHECK (short_bio IS NULL OR texts_at_most(short_bio, 500));

ALTER TABLE member
  -- The same shapes as member.rules.ts: one @, no spaces, a dot in the domain; at most 254 characters.
  ADD COLUMN email text CONSTRAINT member_email_shape CHECK (email IS NULL OR (char_length(email) <= 254 AND email ~ '^[^@\s]+@[^@\s]+\.[^@\s]+$')),
  -- Digits, spaces, ( ) . - and a leading +: 7 to 25 characters, at least 7 digits.
  ADD COLUMN phone text CONSTRAINT member_phone_shape CHECK (phone IS NULL OR (phone ~ '^\+?[0-9 ().-]{7,25}$' AND char_length(regexp_replace(phone, '[^0-9]', '', 'g')) >= 7)),
  -- Set by deactivateMember, cleared by reactivateMember; the member's history stays.
  ADD COLUMN deactivated_at timestamptz,
  ADD COLUMN updated_at timestamptz;

-- One member per email, whatever its case.
CREATE UNIQUE INDEX member_email_key ON member (lower(email)) WHERE email IS NOT NULL;

-- members(search:): a trigram index on the folded text, for LIKE '%…%'.
CREATE INDEX member_search_trgm_idx ON member USING gin (member_search_text(display_name, profession) gin_trgm_ops);

-- The directory for everyone but ADMIN leaves deactivated members out: the partial index of public
-- names, for active ones only.
CREATE INDEX member_public_active_name_idx ON member (sort_name, id) WHERE is_public AND deactivated_at IS NULL;

-- A deactivated member's future registrations are cancelled: found by member.
CREATE INDEX event_registration_member_idx ON event_registration (member_id) WHERE member_id IS NOT NULL AND status <> 'CANCELLED';
