-- Indexes found missing by the query-plan test (coworking.explain.int.test.ts) on a large Espace KO.
-- Hand-written; applied once, in order, by the kit's migrator. Never edit an applied file.

-- Events overlapping a window [from, to) are asked as `ends_at > from AND starts_at < to` (the
-- coworkingEvents list and its totalCount, CalendarDay.coworkingEvents): coworking_event_starts_idx
-- bounds only the end of the window, so without this one the planner read every event for a
-- calendar month or for the count of upcoming events. Cancelled events leave all those lists.
CREATE INDEX coworking_event_ends_idx ON coworking_event (ends_at) WHERE cancelled_at IS NULL;
