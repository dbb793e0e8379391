import type { ReferenceRow } from '@maison/kit';
import { stableId, type Texts } from '@maison/house';

/** A seeded tenant and its offices (reference-data.ts for the ones that run the house, demo-data.ts for the others). */
export interface SeedTenant {
  slug: string;
  kind: 'COWORKING' | 'GALLERY' | 'PROFESSIONAL';
  name: Texts;
  profession: Texts;
  description: Texts;
  email: string;
  phone: string | null;
  website: string | null;
  offices: { key: string; name: Texts; floor: number; building: 'MAIN_HOUSE' | 'ANNEX'; area: number }[];
}

/** The INSERTs of a tenant and its offices, each adding only what is missing (an office only while its tenant exists). */
export function tenantRows(t: SeedTenant): ReferenceRow[] {
  const tenantId = stableId('tenant', t.slug);
  return [
    {
      key: `tenant:${t.slug}`,
      sql: `INSERT INTO tenant (id, slug, name, kind, profession, description, contact_email, contact_phone, website)
            VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9) ON CONFLICT DO NOTHING`,
      params: [tenantId, t.slug, t.name, t.kind, t.profession, t.description, t.email, t.phone, t.website],
    },
    ...t.offices.map((o) => ({
      key: `office:${t.slug}/${o.key}`,
      sql: `INSERT INTO office (id, tenant_id, name, floor, building, area_m2)
            SELECT $1::uuid, id, $3::jsonb, $4::smallint, $5::building, $6::numeric FROM tenant WHERE id = $2 ON CONFLICT DO NOTHING`,
      params: [stableId('office', `${t.slug}/${o.key}`), tenantId, o.name, o.floor, o.building, o.area],
    })),
  ];
}
