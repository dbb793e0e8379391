import type { ReferenceRow } from '@maison/kit';
import { stableId } from '@maison/house';
import { tenantRows, type SeedTenant } from './tenant-rows';

/**
 * What the real house is made of, in every environment: the house, the kitchen and the seasonal
 * terrace with their rules, and the two tenants that run the place, Espace KO and Le Vivoir, with
 * their offices. Inserted when missing at every boot (packages/kit/src/seeding.ts), never updated:
 * an operator's change stays. The other tenants and the bookings are demo data (demo-data.ts).
 */
export const weekdays = (days: number[], opens: string, closes: string) => days.map((weekday) => ({ weekday, opens, closes }));

export const REFERENCE_TENANTS: SeedTenant[] = [
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
];

const house: ReferenceRow = {
  key: 'house:la-maison',
  sql: `INSERT INTO house (id, name, description, street_address, locality, region, postal_code, country, time_zone, opening_hours)
        VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9, $10) ON CONFLICT DO NOTHING`,
  params: [
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
};

/** The shared spaces and their rules (minutes, days). */
export const SPACES = [
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

export const SPACE_SLUGS = SPACES.map((s) => s.slug);

const spaceRows: ReferenceRow[] = SPACES.map((s) => ({
  key: `shared-space:${s.slug}`,
  sql: `INSERT INTO shared_space (id, slug, name, description, capacity, amenities, opening_hours, season_starts, season_ends, buffer_minutes,
          min_duration_minutes, max_duration_minutes, horizon_days, min_notice_minutes, weekly_quota_minutes, cancellation_cutoff_minutes,
          slot_step_minutes)
        VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9, $10, $11, $12, $13, $14, $15, $16, $17) ON CONFLICT DO NOTHING`,
  params: [
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
}));

export const referenceRows: readonly ReferenceRow[] = [house, ...spaceRows, ...REFERENCE_TENANTS.flatMap(tenantRows)];
