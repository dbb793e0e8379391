-- A vernissage in a shared space names its hold in the tenants ledger: "vernissage:<exhibition id>-<suffix>",
-- a new reference for each hold it takes (packages/space-holds; a released reference is never held
-- again). NULL on rows written before this migration: their hold, if they need one, goes by the
-- legacy name "vernissage:<exhibition id>". Existing rows are not rewritten.
ALTER TABLE exhibition
  ADD COLUMN hold_reference text CHECK (hold_reference IS NULL OR hold_reference ~ '^vernissage:[A-Za-z0-9-]{1,100}$');

-- createExhibition takes an idempotencyKey: the same key and the same request answer the exhibition
-- created the first time (a retry after SUBGRAPH_UNAVAILABLE), another request IDEMPOTENCY_KEY_REUSED.
-- The key lives as long as its exhibition (cancelExhibition removes both).
ALTER TABLE exhibition
  ADD COLUMN idempotency_key text CHECK (idempotency_key IS NULL OR length(idempotency_key) BETWEEN 1 AND 200),
  ADD COLUMN request_fingerprint text,
  ADD CONSTRAINT exhibition_idempotency_fingerprint CHECK ((idempotency_key IS NULL) = (request_fingerprint IS NULL));

CREATE UNIQUE INDEX exhibition_idempotency_key_idx ON exhibition (idempotency_key) WHERE idempotency_key IS NOT NULL;
