-- The calendar asks for the live bookings that overlap a few days. With only a btree on starts_at,
-- "starts_at < :to AND ends_at > :from" near today matches the whole history on its first half,
-- and PostgreSQL rightly prefers a sequential scan of the ledger. A GiST index on the booked range
-- answers the overlap itself, whatever the size of the history.
CREATE INDEX space_booking_during_idx ON space_booking USING gist (tstzrange(starts_at, ends_at, '[)')) WHERE status = 'CONFIRMED';
