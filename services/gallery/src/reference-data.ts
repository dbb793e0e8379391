import type { ReferenceRow } from '@maison/kit';
import { stableId, type Texts } from '@maison/house';

/**
 * What Le Vivoir is made of, in every environment: its three shared studios. Inserted when missing
 * at every boot (packages/kit/src/seeding.ts), never updated: an operator's change stays. Artists,
 * artworks and exhibitions are demo data (demo-data.ts, seed-data.ts).
 */
export interface SeedStudio {
  slug: string;
  name: Texts;
  description: Texts;
  capacity: number;
}

export const STUDIOS: SeedStudio[] = [
  {
    slug: 'atelier-du-fleuve',
    name: { fr: 'Atelier du fleuve', en: 'River studio' },
    description: { fr: 'Peinture et dessin, lumière du nord sur le fleuve.', en: 'Painting and drawing, north light over the river.' },
    capacity: 4,
  },
  {
    slug: 'atelier-du-bois',
    name: { fr: 'Atelier du bois', en: 'Wood studio' },
    description: { fr: 'Établis, gouges et ciseaux pour la sculpture sur bois.', en: 'Workbenches, gouges and chisels for wood carving.' },
    capacity: 3,
  },
  {
    slug: 'atelier-de-la-terre',
    name: { fr: 'Atelier de la terre', en: 'Clay studio' },
    description: { fr: 'Deux tours de potier et un four à céramique.', en: 'Two potter’s wheels and a ceramic kiln.' },
    capacity: 2,
  },
];

export const referenceRows: readonly ReferenceRow[] = STUDIOS.map((s) => ({
  key: `studio:${s.slug}`,
  sql: 'INSERT INTO studio (id, slug, name, description, capacity) VALUES ($1, $2, $3, $4, $5) ON CONFLICT DO NOTHING',
  params: [stableId('studio', s.slug), s.slug, s.name, s.description, s.capacity],
}));
