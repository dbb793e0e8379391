import type { ReferenceRow } from '@maison/kit';
import { stableId, type Texts } from '@maison/house';
import { standardPlanSlug } from './modules/membership/membership-plan.rules';

/**
 * What Espace KO is made of, in every environment: its four plans and their prices (its capacity
 * has a migration default, 002). Inserted when missing at every boot (packages/kit/src/seeding.ts),
 * never updated: an operator's change stays (ADMIN changes plans with updateMembershipPlan). Each is
 * the standard plan of its kind, with the slug of its code (standardPlanSlug). Members, memberships and events are demo data
 * (demo-data.ts).
 */
export type PlanCode = 'DAY_PASS' | 'TEN_DAY_CARD' | 'PART_TIME_MONTHLY' | 'FULL_TIME_MONTHLY';

export const PLANS: { code: PlanCode; name: Texts; description: Texts; priceCents: number; daysIncluded: number | null }[] = [
  {
    code: 'DAY_PASS',
    name: { fr: 'Passe d’un jour', en: 'Day pass' },
    description: { fr: 'Un poste pour la journée, café et Wi-Fi compris.', en: 'A desk for the day, coffee and Wi-Fi included.' },
    priceCents: 2500,
    daysIncluded: null,
  },
  {
    code: 'TEN_DAY_CARD',
    name: { fr: 'Carte de 10 jours', en: '10-day card' },
    description: {
      fr: 'Dix journées à utiliser quand vous voulez pendant un an.',
      en: 'Ten days to use whenever you like within a year.',
    },
    priceCents: 20000,
    daysIncluded: 10,
  },
  {
    code: 'PART_TIME_MONTHLY',
    name: { fr: 'Abonnement mensuel à temps partiel', en: 'Part-time monthly membership' },
    description: {
      fr: 'Trois jours par semaine, accès à la salle de réunion et aux 5 à 7.',
      en: 'Three days a week, access to the meeting room and to the 5 à 7s.',
    },
    priceCents: 15000,
    daysIncluded: null,
  },
  {
    code: 'FULL_TIME_MONTHLY',
    name: { fr: 'Abonnement mensuel à temps plein', en: 'Full-time monthly membership' },
    description: {
      fr: 'Tous les jours, un casier, la salle de réunion et les 5 à 7.',
      en: 'Every day, a locker, the meeting room and the 5 à 7s.',
    },
    priceCents: 27500,
    daysIncluded: null,
  },
];

export const referenceRows: readonly ReferenceRow[] = PLANS.map((p) => ({
  key: `membership-plan:${p.code}`,
  sql: `INSERT INTO membership_plan (id, code, slug, name, description, price_cents, currency, days_included)
        VALUES ($1, $2, $3, $4, $5, $6, 'CAD', $7) ON CONFLICT DO NOTHING`,
  params: [stableId('membership-plan', p.code), p.code, standardPlanSlug(p.code), p.name, p.description, p.priceCents, p.daysIncluded],
}));
