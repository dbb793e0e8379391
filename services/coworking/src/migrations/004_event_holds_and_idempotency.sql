-- An event in a shared space names its hold in the tenants ledger: "coworking-event:<id>-<suffix>",
-- a new reference for each hold it takes (packages/space-holds; a released reference is never held
-- again). NULL on rows written before this migration: their hold, if they need one, goes by the
-- legacy name "coworking-event:<id>". Existing rows are not rewritten.
ALTER TABLE coworking_event
  ADD COLUMN hold_reference text CHECK (hold_reference IS NULL OR hold_reference ~ '^coworking-event:[A-Za-z0-9-]{1,100}$');

-- createCoworkingEvent takes an idempotencyKey: the same key and the same request answer the event
-- created the first time (a retry after SUBGRAPH_UNAVAILABLE), another request IDEMPOTENCY_KEY_REUSED.
ALTER TABLE coworking_event
  ADD COLUMN idempotency_key text CHECK (idempotency_key IS NULL OR length(idempotency_key) BETWEEN 1 AND 200),
  ADD COLUMN request_fingerprint text,
  ADD CONSTRAINT coworking_event_idempotency_fingerprint CHECK ((idempotency_key IS NULL) = (request_fingerprint IS NULL));

CREATE UNIQUE INDEX coworking_event_idempotency_key_idx ON coworking_event (idempotency_key) WHERE idempotency_key IS NOT NULL;
