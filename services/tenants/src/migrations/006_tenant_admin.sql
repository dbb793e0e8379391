-- Tenants and offices managed through the API (ADMIN): a tenant is archived, never deleted, and an
-- office has the days it is occupied. The bounds below are the ones tenant.rules.ts and
-- office.rules.ts check first, so a request is refused with a userError before PostgreSQL has to.

-- Archived: the tenant keeps its rows (offices, bookings, their history) but is gone from public lists.
ALTER TABLE tenant
  ADD COLUMN archived_at timestamptz,
  ADD CONSTRAINT tenant_archived_after_created CHECK (archived_at IS NULL OR archived_at >= created_at),
  ADD CONSTRAINT tenant_name_length CHECK (length(name ->> 'fr') <= 200 AND coalesce(length(name ->> 'en'), 0) <= 200),
  ADD CONSTRAINT tenant_profession_length CHECK (profession IS NULL OR (length(profession ->> 'fr') <= 100 AND coalesce(length(profession ->> 'en'), 0) <= 100)),
  ADD CONSTRAINT tenant_description_length CHECK (
    description IS NULL OR (length(description ->> 'fr') <= 2000 AND coalesce(length(description ->> 'en'), 0) <= 2000)),
  ADD CONSTRAINT tenant_contact_email_length CHECK (contact_email IS NULL OR length(contact_email) <= 254),
  ADD CONSTRAINT tenant_website_length CHECK (website IS NULL OR length(website) <= 2000);

-- An office is occupied from starts_on (included) to ends_on (excluded: the day it is vacated); null: no end yet.
-- The offices that exist already get the only date the house has for them, stated here rather than
-- invented: the day (house time) their tenant was recorded. New rows default to today, house time.
ALTER TABLE office ADD COLUMN starts_on date, ADD COLUMN ends_on date;
UPDATE office o SET starts_on = (t.created_at AT TIME ZONE 'America/Toronto')::date FROM tenant t WHERE t.id = o.tenant_id AND o.starts_on IS NULL;
ALTER TABLE office
  ALTER COLUMN starts_on SET DEFAULT (now() AT TIME ZONE 'America/Toronto')::date,
  ALTER COLUMN starts_on SET NOT NULL,
  ADD CONSTRAINT office_ends_after_start CHECK (ends_on IS NULL OR ends_on >= starts_on),
  ADD CONSTRAINT office_area_bound CHECK (area_m2 <= 5000),
  ADD CONSTRAINT office_name_length CHECK (length(name ->> 'fr') <= 100 AND coalesce(length(name ->> 'en'), 0) <= 100);

