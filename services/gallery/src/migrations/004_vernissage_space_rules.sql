-- A vernissage held in a shared space keeps the space's rules (capacity, opening hours, season):
-- it may state how many people are expected (checked against the capacity; NULL: no check), and ADMIN
-- may hold despite the rules with an override and its reason, kept here so that the reconciler
-- re-holds it with its override. NULL on every existing row: nothing stated, nothing overridden.
ALTER TABLE exhibition
  ADD COLUMN vernissage_expected_attendees integer
    CONSTRAINT exhibition_vernissage_expected_attendees CHECK (vernissage_expected_attendees IS NULL OR vernissage_expected_attendees BETWEEN 1 AND 1000),
  ADD COLUMN vernissage_override_reason text
    CONSTRAINT exhibition_vernissage_override_reason CHECK (vernissage_override_reason IS NULL OR char_length(vernissage_override_reason) BETWEEN 1 AND 500),
  ADD CONSTRAINT exhibition_vernissage_terms_need_space CHECK (
    vernissage_space_id IS NOT NULL OR vernissage_override_reason IS NULL);
