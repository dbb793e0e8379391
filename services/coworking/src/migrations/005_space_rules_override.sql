-- ADMIN may hold a shared space for an event despite the space's rules (capacity, opening hours,
-- season) with an override and its reason (spaceRulesOverride). The event keeps the reason, so that
-- the reconciler re-holds it with its override. NULL on every existing row: none was overridden.
ALTER TABLE coworking_event
  ADD COLUMN space_rules_override_reason text
    CONSTRAINT coworking_event_override_reason CHECK (space_rules_override_reason IS NULL OR char_length(space_rules_override_reason) BETWEEN 1 AND 500);
