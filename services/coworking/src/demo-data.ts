import type { DataSource, EntityManager } from 'typeorm';
import { addDays, houseInstant, stableId, todayInHouse, type Texts } from '@maison/house';
import { endsOnFor } from './modules/membership/membership.dates';
import { PLANS, type PlanCode } from './reference-data';

/**
 * Demo data of Espace KO, for development only (SEED=demo): a dozen clearly fictional members (two
 * of them not public), their memberships and the events of the coming weeks. Its plans are
 * reference data (reference-data.ts). Ids are stable (derived from slugs), dates are relative to
 * today in house time, and every insert is ON CONFLICT DO NOTHING, so loading it twice changes nothing.
 */
interface SeedMember {
  slug: string;
  name: string;
  profession: Texts;
  bio: Texts | null;
  isPublic: boolean;
  joinedDaysAgo: number;
}

/** Invented people: any resemblance to a real person is a coincidence. */
const members: SeedMember[] = [
  {
    slug: 'rosalie-tremblay',
    name: 'Rosalie Tremblay-Fictive',
    profession: { fr: 'Développeuse web', en: 'Web developer' },
    bio: { fr: 'Construit des sites pour les commerces de la Côte-du-Sud.', en: 'Builds websites for businesses of the Côte-du-Sud.' },
    isPublic: true,
    joinedDaysAgo: 410,
  },
  {
    slug: 'eloi-bouchard',
    name: 'Éloi Bouchard-Inventé',
    profession: { fr: 'Photographe', en: 'Photographer' },
    bio: { fr: 'Photographie le fleuve, les gens et leurs métiers.', en: 'Photographs the river, people and their trades.' },
    isPublic: true,
    joinedDaysAgo: 320,
  },
  {
    slug: 'maelle-gagnon',
    name: 'Maëlle Gagnon-Chimère',
    profession: { fr: 'Traductrice', en: 'Translator' },
    bio: { fr: 'Traduit de l’anglais et de l’espagnol vers le français.', en: 'Translates from English and Spanish into French.' },
    isPublic: true,
    joinedDaysAgo: 280,
  },
  {
    slug: 'baptiste-ouellet',
    name: 'Baptiste Ouellet-Songe',
    profession: { fr: 'Rédacteur technique', en: 'Technical writer' },
    bio: null,
    isPublic: true,
    joinedDaysAgo: 250,
  },
  {
    slug: 'noemie-lavoie',
    name: 'Noémie Lavoie-Fantaisie',
    profession: { fr: 'Illustratrice', en: 'Illustrator' },
    bio: { fr: 'Illustre des albums jeunesse, crayon et aquarelle.', en: 'Illustrates children’s books in pencil and watercolour.' },
    isPublic: true,
    joinedDaysAgo: 190,
  },
  {
    slug: 'felix-pelletier',
    name: 'Félix Pelletier-Mirage',
    profession: { fr: 'Analyste de données', en: 'Data analyst' },
    bio: { fr: 'Travaille à distance pour une coopérative de Montréal.', en: 'Works remotely for a cooperative in Montreal.' },
    isPublic: true,
    joinedDaysAgo: 150,
  },
  { slug: 'clemence-cote', name: 'Clémence Côté-Légende', profession: { fr: 'Comptable', en: 'Accountant' }, bio: null, isPublic: true, joinedDaysAgo: 120 },
  {
    slug: 'zacharie-morin',
    name: 'Zacharie Morin-Fable',
    profession: { fr: 'Concepteur de jeux vidéo', en: 'Video game designer' },
    bio: { fr: 'Prépare un jeu sur la sculpture sur bois.', en: 'Working on a game about woodcarving.' },
    isPublic: true,
    joinedDaysAgo: 90,
  },
  {
    slug: 'anais-fortin',
    name: 'Anaïs Fortin-Utopie',
    profession: { fr: 'Chercheuse en expérience utilisateur', en: 'UX researcher' },
    bio: null,
    isPublic: true,
    joinedDaysAgo: 60,
  },
  {
    slug: 'jeremie-belanger',
    name: 'Jérémie Bélanger-Conte',
    profession: { fr: 'Balado-diffuseur', en: 'Podcaster' },
    bio: { fr: 'Enregistre des entrevues avec les artisans du village.', en: 'Records interviews with the village’s craftspeople.' },
    isPublic: true,
    joinedDaysAgo: 20,
  },
  { slug: 'leonie-gauthier', name: 'Léonie Gauthier-Rêverie', profession: { fr: 'Avocate', en: 'Lawyer' }, bio: null, isPublic: false, joinedDaysAgo: 200 },
  {
    slug: 'octave-dube',
    name: 'Octave Dubé-Nébuleuse',
    profession: { fr: 'Conseiller financier', en: 'Financial adviser' },
    bio: null,
    isPublic: false,
    joinedDaysAgo: 45,
  },
];

export const MEMBER_SLUGS = members.map((m) => m.slug);
export const PUBLIC_MEMBER_SLUGS = members.filter((m) => m.isPublic).map((m) => m.slug);
export const PRIVATE_MEMBER_SLUGS = members.filter((m) => !m.isPublic).map((m) => m.slug);

/** A membership: when it starts relative to today, the plan, and for a card the days used. */
const memberships: { key: string; member: string; plan: PlanCode; startsIn: number; daysUsed?: number; cancelled?: boolean }[] = [
  { key: 'rosalie/1', member: 'rosalie-tremblay', plan: 'FULL_TIME_MONTHLY', startsIn: -10 },
  { key: 'eloi/1', member: 'eloi-bouchard', plan: 'TEN_DAY_CARD', startsIn: -40, daysUsed: 3 },
  { key: 'maelle/1', member: 'maelle-gagnon', plan: 'PART_TIME_MONTHLY', startsIn: -70 },
  { key: 'maelle/2', member: 'maelle-gagnon', plan: 'PART_TIME_MONTHLY', startsIn: -5 },
  { key: 'baptiste/1', member: 'baptiste-ouellet', plan: 'FULL_TIME_MONTHLY', startsIn: -60 },
  { key: 'noemie/1', member: 'noemie-lavoie', plan: 'TEN_DAY_CARD', startsIn: -100, daysUsed: 9 },
  { key: 'felix/1', member: 'felix-pelletier', plan: 'FULL_TIME_MONTHLY', startsIn: -3 },
  { key: 'clemence/1', member: 'clemence-cote', plan: 'PART_TIME_MONTHLY', startsIn: -12, cancelled: true },
  { key: 'zacharie/1', member: 'zacharie-morin', plan: 'DAY_PASS', startsIn: 0 },
  { key: 'anais/1', member: 'anais-fortin', plan: 'PART_TIME_MONTHLY', startsIn: -20 },
  { key: 'leonie/1', member: 'leonie-gauthier', plan: 'FULL_TIME_MONTHLY', startsIn: -15 },
  { key: 'octave/1', member: 'octave-dube', plan: 'TEN_DAY_CARD', startsIn: -30, daysUsed: 4 },
];

const MEETING_ROOM: Texts = { fr: 'Salle de réunion', en: 'Meeting room' };
const MAIN_ROOM: Texts = { fr: 'Grande salle de l’Espace KO', en: 'Espace KO main room' };
const COFFEE_CORNER: Texts = { fr: 'Coin café', en: 'Coffee corner' };

export interface SeedEvent {
  slug: string;
  kind: 'TALK' | 'WORKSHOP' | 'SOCIAL' | 'OTHER';
  title: Texts;
  description: Texts | null;
  day: number;
  from: string;
  to: string;
  space: 'cuisine' | 'terrasse' | null;
  room: Texts | null;
  capacity: number;
  membersOnly: boolean;
}

/** Kitchen events avoid the kitchen bookings the tenants seed makes (days 1, 2, 3, 4 and 6). */
export const EVENTS: SeedEvent[] = [
  {
    slug: 'cinq-a-sept-bienvenue',
    kind: 'SOCIAL',
    title: { fr: '5 à 7 de bienvenue', en: 'Welcome 5 à 7' },
    description: { fr: 'Pour accueillir les nouveaux membres autour d’un verre.', en: 'Welcoming new members over a drink.' },
    day: -5,
    from: '17:00',
    to: '19:00',
    space: 'cuisine',
    room: null,
    capacity: 12,
    membersOnly: false,
  },
  {
    slug: 'conference-travail-nomade',
    kind: 'TALK',
    title: { fr: 'Conférence : travailler en nomade sans se perdre', en: 'Talk: working as a nomad without getting lost' },
    description: {
      fr: 'Trois travailleurs autonomes racontent leurs routines, leurs outils et leurs erreurs.',
      en: 'Three freelancers share their routines, their tools and their mistakes.',
    },
    day: 5,
    from: '18:30',
    to: '20:00',
    space: null,
    room: MAIN_ROOM,
    capacity: 30,
    membersOnly: false,
  },
  {
    slug: 'atelier-facturation',
    kind: 'WORKSHOP',
    title: { fr: 'Atelier : la facturation pour travailleurs autonomes', en: 'Workshop: invoicing for freelancers' },
    description: {
      fr: 'Taxes, acomptes et relances : un atelier pratique, apportez votre ordinateur.',
      en: 'Sales taxes, deposits and reminders: a hands-on workshop, bring your laptop.',
    },
    day: 7,
    from: '13:30',
    to: '16:00',
    space: null,
    room: MEETING_ROOM,
    capacity: 10,
    membersOnly: true,
  },
  {
    slug: 'cinq-a-sept-mensuel',
    kind: 'SOCIAL',
    title: { fr: '5 à 7 de l’Espace KO', en: 'Espace KO 5 à 7' },
    description: {
      fr: 'Le rendez-vous du mois : bouchées, jus de pomme de l’île et jasette.',
      en: 'The monthly get-together: bites, island apple juice and chat.',
    },
    day: 8,
    from: '17:00',
    to: '19:00',
    space: 'cuisine',
    room: null,
    capacity: 12,
    membersOnly: false,
  },
  {
    slug: 'dejeuner-reseautage',
    kind: 'SOCIAL',
    title: { fr: 'Dîner réseautage des membres', en: 'Members’ networking lunch' },
    description: {
      fr: 'Chacun apporte un plat et présente son projet en deux minutes.',
      en: 'Everyone brings a dish and pitches their project in two minutes.',
    },
    day: 13,
    from: '12:00',
    to: '13:30',
    space: 'cuisine',
    room: null,
    capacity: 12,
    membersOnly: true,
  },
  {
    slug: 'atelier-photo-produit',
    kind: 'WORKSHOP',
    title: { fr: 'Atelier : photographier ses produits au téléphone', en: 'Workshop: product photos with your phone' },
    description: { fr: 'Lumière naturelle, fonds et retouches simples.', en: 'Natural light, backdrops and simple edits.' },
    day: 15,
    from: '10:00',
    to: '12:00',
    space: null,
    room: MEETING_ROOM,
    capacity: 8,
    membersOnly: false,
  },
  {
    slug: 'conference-traduction-ia',
    kind: 'TALK',
    title: { fr: 'Conférence : traduire à l’ère de l’IA', en: 'Talk: translating in the age of AI' },
    description: null,
    day: 20,
    from: '18:30',
    to: '20:00',
    space: null,
    room: MAIN_ROOM,
    capacity: 30,
    membersOnly: false,
  },
  {
    slug: 'cafe-bilan',
    kind: 'OTHER',
    title: { fr: 'Café-bilan du mois', en: 'Monthly coffee check-in' },
    description: { fr: 'Ce qui marche, ce qui manque : on améliore l’espace ensemble.', en: 'What works, what is missing: improving the space together.' },
    day: 27,
    from: '09:00',
    to: '10:00',
    space: null,
    room: COFFEE_CORNER,
    capacity: 20,
    membersOnly: true,
  },
];

export async function loadDemo(ds: DataSource): Promise<void> {
  await ds.transaction(async (tx) => {
    const today = todayInHouse();
    for (const m of members) {
      await tx.query(
        `INSERT INTO member (id, display_name, profession, short_bio, is_public, joined_on)
         VALUES ($1, $2, $3, $4, $5, $6) ON CONFLICT DO NOTHING`,
        [stableId('member', m.slug), m.name, m.profession, m.bio, m.isPublic, addDays(today, -m.joinedDaysAgo)],
      );
    }
    await seedMemberships(tx, today);
    for (const e of EVENTS) {
      const date = addDays(today, e.day);
      await tx.query(
        `INSERT INTO coworking_event (id, kind, title, description, starts_at, ends_at, space_id, room, capacity, members_only)
         VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9, $10) ON CONFLICT DO NOTHING`,
        [
          stableId('coworking-event', e.slug),
          e.kind,
          e.title,
          e.description,
          houseInstant(date, e.from),
          houseInstant(date, e.to),
          e.space ? stableId('shared-space', e.space) : null,
          e.room,
          e.capacity,
          e.membersOnly,
        ],
      );
    }
  });
}

async function seedMemberships(tx: EntityManager, today: string): Promise<void> {
  for (const ms of memberships) {
    const plan = PLANS.find((p) => p.code === ms.plan)!;
    const startsOn = addDays(today, ms.startsIn);
    await tx.query(
      `INSERT INTO membership (id, member_id, plan_id, starts_on, ends_on, days_included, days_used, cancelled_at)
       VALUES ($1, $2, $3, $4, $5, $6, $7, $8) ON CONFLICT DO NOTHING`,
      [
        stableId('membership', ms.key),
        stableId('member', ms.member),
        stableId('membership-plan', ms.plan),
        startsOn,
        endsOnFor(ms.plan, startsOn),
        plan.daysIncluded,
        plan.daysIncluded === null ? null : (ms.daysUsed ?? 0),
        ms.cancelled ? houseInstant(addDays(today, -2), '10:00') : null,
      ],
    );
  }
}
