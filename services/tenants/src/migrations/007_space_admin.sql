-- Shared spaces managed through the API: the bounds the API checks (space-rules.bounds.ts) that
-- 001 and 002 did not state yet, and the history of every change of a space's rules.
-- Every new CHECK is validated against the rows already there: a space that breaks one stops the
-- migration, to be fixed by hand; nothing is rewritten.

-- A season's days exist in every year: 02-29 at most, never 04-31.
CREATE FUNCTION is_month_day(md text) RETURNS boolean LANGUAGE sql IMMUTABLE AS $$
  SELECT md ~ '^(01-(0[1-9]|[12][0-9]|3[01])|02-(0[1-9]|1[0-9]|2[0-9])|(04|06|09|11)-(0[1-9]|[12][0-9]|30)|(03|05|07|08|10|12)-(0[1-9]|[12][0-9]|3[01]))$'
$$;

ALTER TABLE shared_space
  ADD CONSTRAINT shared_space_season_days CHECK ((season_starts IS NULL OR is_month_day(season_starts)) AND (season_ends IS NULL OR is_month_day(season_ends))),
  ADD CONSTRAINT shared_space_capacity_max CHECK (capacity <= 500),
  -- A quota below the shortest booking would allow no booking at all; a week has 10080 minutes.
  ADD CONSTRAINT shared_space_quota_bounds CHECK (weekly_quota_minutes IS NULL OR weekly_quota_minutes BETWEEN min_duration_minutes AND 10080);

-- Who changed a space's rules (capacity included), when, and the rules before and after, as the
-- SpaceRules GraphQL type shows them: written in the same transaction as the change.
CREATE TABLE shared_space_rules_history (
  id bigint GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
  space_id uuid NOT NULL REFERENCES shared_space (id) ON DELETE RESTRICT,
  actor text NOT NULL CHECK (length(actor) BETWEEN 1 AND 200),
  at timestamptz NOT NULL DEFAULT clock_timestamp(),
  before jsonb NOT NULL CHECK (jsonb_typeof(before) = 'object'),
  after jsonb NOT NULL CHECK (jsonb_typeof(after) = 'object')
);
CREATE INDEX shared_space_rules_history_space_idx ON shared_space_rules_history (space_id, at DESC, id DESC);
