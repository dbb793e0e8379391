-- Espace KO's plans managed by ADMIN (createMembershipPlan, updateMembershipPlan), and the price a
-- membership was bought at. Every CHECK below is the rule membership-plan.rules.ts applies first
-- (PLAN_BOUNDS); membership-plan.constraints.int.test.ts proves both refuse and accept the same values.
--
-- Plans are reference data (reference-data.ts): this migration never rewrites a plan. It adds
-- columns, and fills two of them for the rows that exist, with the value that was already true of
-- them (see each UPDATE below).

-- The code becomes the plan's kind of behaviour: several plans may share one (two part-time plans
-- with different days). A plan is named by its free, unique slug.
ALTER TABLE membership_plan DROP CONSTRAINT membership_plan_code_key;
ALTER TABLE membership_plan ADD COLUMN slug text;
-- WRITES EXISTING ROWS (an addition, not a rewrite): each existing plan is the house's standard
-- plan of its kind, and gets the slug of its code (DAY_PASS → day-pass), the same slug
-- reference-data.ts gives it in a new database. No other column of a plan is changed.
UPDATE membership_plan SET slug = lower(replace(code::text, '_', '-')) WHERE slug IS NULL;
ALTER TABLE membership_plan ALTER COLUMN slug SET NOT NULL;
ALTER TABLE membership_plan ADD CONSTRAINT membership_plan_slug_key UNIQUE (slug);
ALTER TABLE membership_plan ADD CONSTRAINT membership_plan_slug_format
  CHECK (slug ~ '^[a-z0-9]+(-[a-z0-9]+)*$' AND char_length(slug) <= 60);

-- The name a person reads: 1 to 120 characters in French (is_texts already requires it), at most
-- 120 in English. The description: at most 2000 characters in each language.
ALTER TABLE membership_plan ADD CONSTRAINT membership_plan_name_length
  CHECK (char_length(name ->> 'fr') <= 120 AND coalesce(char_length(name ->> 'en'), 0) <= 120);
ALTER TABLE membership_plan ADD CONSTRAINT membership_plan_description_length
  CHECK (description IS NULL OR (char_length(description ->> 'fr') <= 2000 AND coalesce(char_length(description ->> 'en'), 0) <= 2000));

-- Prices are before taxes (GST and QST are computed, never stored): 0 to 10 000,00 $.
ALTER TABLE membership_plan DROP CONSTRAINT membership_plan_price_cents_check;
ALTER TABLE membership_plan ADD CONSTRAINT membership_plan_price_range CHECK (price_cents BETWEEN 0 AND 1000000);

-- How many days a membership of the plan lasts; NULL: the default of its kind (a day pass its
-- day, a 10-day card a year, a monthly plan a calendar month). A day pass lasts one day.
ALTER TABLE membership_plan ADD COLUMN duration_days integer;
ALTER TABLE membership_plan ADD CONSTRAINT membership_plan_duration_range CHECK (duration_days IS NULL OR duration_days BETWEEN 1 AND 366);
ALTER TABLE membership_plan ADD CONSTRAINT membership_plan_day_pass_one_day CHECK (code <> 'DAY_PASS' OR duration_days IS NULL OR duration_days = 1);

-- A 10-day card includes 1 to 100 days (001 already requires them for cards only).
ALTER TABLE membership_plan ADD CONSTRAINT membership_plan_days_included_range CHECK (days_included IS NULL OR days_included BETWEEN 1 AND 100);

-- The ISO weekdays (1 = Monday ... 7 = Sunday, house time) a part-time plan lets its members come:
-- 1 to 6 distinct days, kept in order. NULL: every day; only part-time plans list days. The
-- standard part-time plan predates days and keeps NULL (three days a week, any days, on trust)
-- until ADMIN gives it days; a part-time plan ADMIN creates must list its days (the API's rule:
-- a CHECK cannot tell the standard plan from a new one without naming it).
CREATE FUNCTION is_iso_weekdays(d integer[]) RETURNS boolean LANGUAGE sql IMMUTABLE AS $$
  SELECT coalesce(array_ndims(d) = 1 AND cardinality(d) BETWEEN 1 AND 6
     AND array_position(d, NULL) IS NULL
     AND (SELECT bool_and(x BETWEEN 1 AND 7) FROM unnest(d) AS x)
     AND (SELECT array_agg(DISTINCT x ORDER BY x) FROM unnest(d) AS x) = d, false)
$$;
ALTER TABLE membership_plan ADD COLUMN allowed_weekdays integer[];
ALTER TABLE membership_plan ADD CONSTRAINT membership_plan_weekdays
  CHECK (allowed_weekdays IS NULL OR (code = 'PART_TIME_MONTHLY' AND is_iso_weekdays(allowed_weekdays)));

-- A plan off sale is kept (its memberships name it) but no longer listed nor sold.
ALTER TABLE membership_plan ADD COLUMN on_sale boolean NOT NULL DEFAULT true;

-- The price (before taxes) a membership was bought at: a later change of its plan's price applies
-- to new memberships only.
ALTER TABLE membership ADD COLUMN price_cents integer;
-- WRITES EXISTING ROWS (an addition, not a rewrite): until now a membership cost its plan's price,
-- and no plan's price has ever changed through the API (there was no way to change it), so each
-- existing membership gets its plan's current price: the value that was implicitly true.
UPDATE membership ms SET price_cents = p.price_cents FROM membership_plan p WHERE p.id = ms.plan_id AND ms.price_cents IS NULL;
ALTER TABLE membership ALTER COLUMN price_cents SET NOT NULL;
ALTER TABLE membership ADD CONSTRAINT membership_price_range CHECK (price_cents BETWEEN 0 AND 1000000);

-- A membership inserted without a price (demo data, fixtures, scripts) costs its plan's price at
-- that moment, as joinPlan writes it: the price is always the one of the purchase.
CREATE FUNCTION membership_price_at_purchase() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
  IF NEW.price_cents IS NULL THEN
    SELECT price_cents INTO NEW.price_cents FROM membership_plan WHERE id = NEW.plan_id;
  END IF;
  RETURN NEW;
END
$$;
CREATE TRIGGER membership_price_at_purchase BEFORE INSERT ON membership
  FOR EACH ROW EXECUTE FUNCTION membership_price_at_purchase();
