import type { DataSource } from 'typeorm';
import { addDays, houseInstant, stableId, todayInHouse } from '@maison/house';

/**
 * The house as it is: Espace KO, Le Vivoir, four professionals, the kitchen and the seasonal
 * terrace, and a few kitchen bookings over the coming days. Ids are stable (derived from slugs),
 * and every insert is ON CONFLICT DO NOTHING, so running the seed twice changes nothing.
 */
const weekdays = (days: number[], opens: string, closes: string) => days.map((weekday) => ({ weekday, opens, closes }));

export const SPACE_SLUGS = ['cuisine', 'terrasse'] as const;
export const TENANT_SLUGS = ['espace-ko', 'le-vivoir', 'massotherapie', 'acupuncture', 'graphisme', 'communication'] as const;

const tenants = [
  {
    slug: 'espace-ko',
    kind: 'COWORKING',
    name: { fr: 'Espace KO', en: 'Espace KO' },
    profession: { fr: 'Espace de travail partagé', en: 'Coworking space' },
    description: {
      fr: 'Un espace de travail partagé au rez-de-chaussée : postes, salle de réunion, café et 5 à 7.',
      en: 'A coworking space on the ground floor: desks, a meeting room, coffee and 5 à 7 gatherings.',
    },
    email: 'bonjour@espaceko.example',
    phone: '+1 418 555-0101',
    website: 'https://espaceko.example',
    offices: [{ key: 'rdc', name: { fr: 'Rez-de-chaussée', en: 'Ground floor' }, floor: 0, building: 'MAIN_HOUSE', area: 140 }],
  },
  {
    slug: 'le-vivoir',
    kind: 'GALLERY',
    name: { fr: 'Le Vivoir', en: 'Le Vivoir' },
    profession: { fr: 'Galerie d’art et ateliers partagés', en: 'Art gallery and shared studios' },
    description: {
      fr: 'Une galerie et des ateliers partagés où se croisent artistes de la Côte-du-Sud et d’ailleurs.',
      en: 'A gallery and shared studios where artists from the Côte-du-Sud and beyond meet.',
    },
    email: 'galerie@levivoir.example',
    phone: '+1 418 555-0102',
    website: 'https://levivoir.example',
    offices: [
      { key: 'galerie', name: { fr: 'Galerie', en: 'Gallery' }, floor: 1, building: 'MAIN_HOUSE', area: 95 },
      { key: 'ateliers', name: { fr: 'Ateliers', en: 'Studios' }, floor: 0, building: 'ANNEX', area: 120 },
    ],
  },
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

const spaces = [
  {
    slug: 'cuisine',
    name: { fr: 'Cuisine partagée', en: 'Shared kitchen' },
    description: {
      fr: 'La grande cuisine de la maison, au rez-de-chaussée, avec sa table de douze couverts.',
      en: 'The house’s big kitchen on the ground floor, with its table for twelve.',
    },
    capacity: 12,
    amenities: [
      { fr: 'Cuisinière au gaz', en: 'Gas range' },
      { fr: 'Lave-vaisselle', en: 'Dishwasher' },
      { fr: 'Machine à espresso', en: 'Espresso machine' },
      { fr: 'Table de 12 places', en: 'Table for 12' },
    ],
    openingHours: weekdays([1, 2, 3, 4, 5, 6, 7], '07:00', '22:00'),
    season: null as null | [string, string],
    buffer: 30,
    rules: { minDuration: 30, maxDuration: 240, horizonDays: 60, noticeMinutes: 60, weeklyQuota: 600, cutoff: 120, step: 30 },
  },
  {
    slug: 'terrasse',
    name: { fr: 'Terrasse', en: 'Terrace' },
    description: {
      fr: 'La terrasse côté fleuve, ouverte de mai à octobre.',
      en: 'The terrace facing the river, open from May to October.',
    },
    capacity: 30,
    amenities: [
      { fr: 'Vue sur le fleuve', en: 'River view' },
      { fr: 'Barbecue', en: 'Barbecue' },
      { fr: 'Parasols', en: 'Parasols' },
    ],
    openingHours: weekdays([1, 2, 3, 4, 5, 6, 7], '09:00', '21:00'),
    season: ['05-01', '10-31'] as [string, string],
    buffer: 15,
    rules: { minDuration: 60, maxDuration: 480, horizonDays: 120, noticeMinutes: 120, weeklyQuota: 720, cutoff: 1440, step: 30 },
  },
];

export async function seed(ds: DataSource): Promise<void> {
  await ds.transaction(async (tx) => {
    await tx.query(
      `INSERT INTO house (id, name, description, street_address, locality, region, postal_code, country, time_zone, opening_hours)
       VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9, $10) ON CONFLICT DO NOTHING`,
      [
        stableId('house', 'la-maison'),
        { fr: 'La Maison', en: 'La Maison' },
        {
          fr: 'Une maison patrimoniale de Saint-Jean-Port-Joli où cohabitent un espace de travail partagé, une galerie et des professionnels.',
          en: 'A heritage house in Saint-Jean-Port-Joli shared by a coworking space, a gallery and professionals.',
        },
        '1, avenue de Gaspé Ouest (adresse fictive)',
        'Saint-Jean-Port-Joli',
        'QC',
        'G0R 3G0',
        'CA',
        'America/Toronto',
        JSON.stringify([...weekdays([1, 2, 3, 4, 5], '08:00', '21:00'), ...weekdays([6, 7], '10:00', '17:00')]),
      ],
    );
    for (const t of tenants) {
      const tenantId = stableId('tenant', t.slug);
      await tx.query(
        `INSERT INTO tenant (id, slug, name, kind, profession, description, contact_email, contact_phone, website)
         VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9) ON CONFLICT DO NOTHING`,
        [tenantId, t.slug, t.name, t.kind, t.profession, t.description, t.email, t.phone, t.website],
      );
      for (const o of t.offices) {
        await tx.query(`INSERT INTO office (id, tenant_id, name, floor, building, area_m2) VALUES ($1, $2, $3, $4, $5, $6) ON CONFLICT DO NOTHING`, [
          stableId('office', `${t.slug}/${o.key}`),
          tenantId,
          o.name,
          o.floor,
          o.building,
          o.area,
        ]);
      }
    }
    for (const s of spaces) {
      await tx.query(
        `INSERT INTO shared_space (id, slug, name, description, capacity, amenities, opening_hours, season_starts, season_ends, buffer_minutes,
           min_duration_minutes, max_duration_minutes, horizon_days, min_notice_minutes, weekly_quota_minutes, cancellation_cutoff_minutes,
           slot_step_minutes)
         VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9, $10, $11, $12, $13, $14, $15, $16, $17) ON CONFLICT DO NOTHING`,
        [
          stableId('shared-space', s.slug),
          s.slug,
          s.name,
          s.description,
          s.capacity,
          JSON.stringify(s.amenities),
          JSON.stringify(s.openingHours),
          s.season?.[0] ?? null,
          s.season?.[1] ?? null,
          s.buffer,
          s.rules.minDuration,
          s.rules.maxDuration,
          s.rules.horizonDays,
          s.rules.noticeMinutes,
          s.rules.weeklyQuota,
          s.rules.cutoff,
          s.rules.step,
        ],
      );
    }
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
      const tenant = tenants.find((t) => t.slug === b.holder)!;
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
