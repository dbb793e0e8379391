import type { DataSource } from 'typeorm';
import { addDays, houseInstant, stableId, todayInHouse } from '@maison/house';
import { REFERENCE_TENANTS } from './reference-data';
import { tenantRows, type SeedTenant } from './tenant-rows';

/**
 * Demo data, for development only (SEED=demo): the four professionals and their offices, and a few
 * kitchen bookings over the coming days. The house, its spaces, Espace KO and Le Vivoir are
 * reference data (reference-data.ts). Ids are stable (derived from slugs), and every insert is
 * ON CONFLICT DO NOTHING, so loading it twice changes nothing.
 */
export const DEMO_TENANTS: SeedTenant[] = [
  {
    slug: 'massotherapie',
    kind: 'PROFESSIONAL',
    name: { fr: 'Massothérapie du Fleuve', en: 'Massothérapie du Fleuve' },
    profession: { fr: 'Massothérapie', en: 'Massage therapy' },
    description: { fr: 'Massages suédois et thérapeutiques.', en: 'Swedish and therapeutic massage.' },
    email: 'rdv@massofleuve.example',
    phone: '+1 418 555-0103',
    website: null,
    offices: [{ key: 'bureau', name: { fr: 'Bureau 201', en: 'Office 201' }, floor: 2, building: 'MAIN_HOUSE', area: 18.5 }],
  },
  {
    slug: 'acupuncture',
    kind: 'PROFESSIONAL',
    name: { fr: 'Acupuncture Port-Joli', en: 'Acupuncture Port-Joli' },
    profession: { fr: 'Acupuncture', en: 'Acupuncture' },
    description: { fr: 'Acupuncture et médecine traditionnelle chinoise.', en: 'Acupuncture and traditional Chinese medicine.' },
    email: 'soins@acuportjoli.example',
    phone: '+1 418 555-0104',
    website: 'https://acuportjoli.example',
    offices: [{ key: 'bureau', name: { fr: 'Bureau 202', en: 'Office 202' }, floor: 2, building: 'MAIN_HOUSE', area: 16 }],
  },
  {
    slug: 'graphisme',
    kind: 'PROFESSIONAL',
    name: { fr: 'Atelier Graphique Boréal', en: 'Atelier Graphique Boréal' },
    profession: { fr: 'Design graphique', en: 'Graphic design' },
    description: { fr: 'Identités visuelles, affiches et édition.', en: 'Visual identities, posters and publishing.' },
    email: 'allo@boreal.example',
    phone: null,
    website: 'https://boreal.example',
    offices: [{ key: 'bureau', name: { fr: 'Bureau A-1', en: 'Office A-1' }, floor: 1, building: 'ANNEX', area: 22 }],
  },
  {
    slug: 'communication',
    kind: 'PROFESSIONAL',
    name: { fr: 'Marée Communications', en: 'Marée Communications' },
    profession: { fr: 'Communications', en: 'Communications' },
    description: { fr: 'Relations de presse et stratégie numérique.', en: 'Press relations and digital strategy.' },
    email: 'info@maree.example',
    phone: '+1 418 555-0106',
    website: null,
    offices: [{ key: 'bureau', name: { fr: 'Bureau A-2', en: 'Office A-2' }, floor: 1, building: 'ANNEX', area: 20 }],
  },
];

export async function loadDemo(ds: DataSource): Promise<void> {
  await ds.transaction(async (tx) => {
    for (const row of DEMO_TENANTS.flatMap(tenantRows)) await tx.query(row.sql, row.params);
    const kitchen = stableId('shared-space', 'cuisine');
    const today = todayInHouse();
    const bookings = [
      {
        key: 'diner-communautaire',
        day: 1,
        from: '11:30',
        to: '13:30',
        holder: 'espace-ko',
        title: 'Dîner communautaire',
        visibility: 'PUBLIC',
        attendees: 12,
      },
      {
        key: 'atelier-teinture',
        day: 2,
        from: '14:00',
        to: '16:00',
        holder: 'le-vivoir',
        title: 'Atelier de teinture végétale',
        visibility: 'PUBLIC',
        attendees: 8,
      },
      { key: 'lunch-acupuncture', day: 3, from: '12:00', to: '13:00', holder: 'acupuncture', title: 'Dîner d’équipe', visibility: 'PRIVATE', attendees: 3 },
      { key: 'reunion-maree', day: 4, from: '09:00', to: '10:30', holder: 'communication', title: 'Déjeuner-client', visibility: 'PRIVATE', attendees: 4 },
      { key: 'soupe-populaire', day: 6, from: '17:00', to: '19:00', holder: 'espace-ko', title: 'Soupe communautaire', visibility: 'PUBLIC', attendees: 12 },
    ];
    for (const b of bookings) {
      const date = addDays(today, b.day);
      const tenant = [...REFERENCE_TENANTS, ...DEMO_TENANTS].find((t) => t.slug === b.holder)!;
      const startsAt = houseInstant(date, b.from);
      const endsAt = houseInstant(date, b.to);
      const inserted: { id: string }[] = await tx.query(
        `INSERT INTO space_booking (id, space_id, holder_kind, holder_id, holder_name, created_by, title, starts_at, ends_at,
                                    occupied_until, attendees, visibility)
         VALUES ($1, $2, 'TENANT', $3, $4, 'seed', $5, $6, $7, $7::timestamptz + make_interval(mins => $8), $9, $10)
         ON CONFLICT DO NOTHING RETURNING id`,
        [stableId('space-booking', b.key), kitchen, stableId('tenant', b.holder), tenant.name.fr, b.title, startsAt, endsAt, 30, b.attendees, b.visibility],
      );
      for (const { id } of inserted) {
        await tx.query(`INSERT INTO space_booking_history (booking_id, action, actor, starts_at, ends_at) VALUES ($1, 'CREATED', 'seed', $2, $3)`, [
          id,
          startsAt,
          endsAt,
        ]);
      }
    }
  });
}
