import { randomUUID } from 'node:crypto';
import { addDays, houseInstant, todayInHouse } from '@maison/house';

export interface Scenario {
  name: string;
  /** Which subgraph answers the operation when it is sent straight to it (the floor). */
  direct: 'tenants' | 'gallery';
  /** A calendar: its floor is the plan's calls to the three subgraphs (./floor.ts), over these dates. */
  calendar?: { from: string; to: string; days: number };
  mutation: boolean;
  /** Body through the gateway, for request number n. */
  gatewayBody(n: number): string;
  /** The same operation sent straight to one subgraph (no planning, no other subgraph); not for a calendar. */
  directBody(n: number): string;
  /** Is this answer right? */
  valid(body: any): boolean;
}

const body = (query: string, variables: Record<string, unknown> = {}) => JSON.stringify({ query, variables });

export function scenarios(options: { benchSpaceId: string; exhibitionSlug: string; runId: string }): Scenario[] {
  const from = todayInHouse();
  const whatsOn = `query WhatsOn($from: LocalDate!, $to: LocalDate!) { calendar(from: $from, to: $to) {
    date
    spaceBookings { id title startsAt endsAt space { name } }
    coworkingEvents { id title startsAt endsAt room sharedSpace { name } }
    exhibitionsOnView { id title endsOn }
    vernissages { id title vernissage { startsAt venueName } } } }`;
  const kitchen = `query Kitchen($date: LocalDate!) { sharedSpace(slug: "cuisine") { name availability(date: $date, durationMinutes: 60) { startsAt endsAt } } }`;
  const exhibition = `query Exhibition($slug: String!) { exhibition(slug: $slug) { title description startsOn endsOn status
    artists { name bio disciplines artworks { title priceLabel } } artworks { title year medium priceLabel artist { name } } } }`;
  const book = `mutation Book($input: BookSharedSpaceInput!) { bookSharedSpace(input: $input) { booking { id startsAt } userErrors { code } } }`;
  // Non-conflicting bookings: request n takes the n-th half hour of a far-future stretch of the bench space.
  const slot = (n: number) => {
    const start = new Date(houseInstant(addDays(from, 400), '00:00').getTime() + n * 30 * 60_000);
    return {
      spaceId: options.benchSpaceId,
      startsAt: start.toISOString(),
      endsAt: new Date(start.getTime() + 30 * 60_000).toISOString(),
      title: `Banc d’essai ${options.runId}`,
    };
  };
  /** The calendar of `days` days from today (a week; a month grid of six weeks). */
  const calendar = (name: string, days: number): Scenario => {
    const range = { from, to: addDays(from, days - 1), days };
    return {
      name,
      direct: 'tenants',
      calendar: range,
      mutation: false,
      gatewayBody: () => body(whatsOn, { from: range.from, to: range.to }),
      directBody: () => {
        throw new Error('a calendar has no single-subgraph floor (see floor.ts)');
      },
      valid: (b) => Array.isArray(b?.data?.calendar) && b.data.calendar.length === days && !b.errors,
    };
  };
  return [
    calendar('whats-on (calendar, 7 days, 3 subgraphs)', 7),
    calendar('month view (calendar, 42 days, 3 subgraphs)', 42),
    {
      name: 'kitchen availability (1 day)',
      direct: 'tenants',
      mutation: false,
      gatewayBody: () => body(kitchen, { date: addDays(from, 3) }),
      directBody: () => body(kitchen, { date: addDays(from, 3) }),
      valid: (b) => Array.isArray(b?.data?.sharedSpace?.availability) && !b.errors,
    },
    {
      name: 'exhibition page (artists, artworks)',
      direct: 'gallery',
      mutation: false,
      gatewayBody: () => body(exhibition, { slug: options.exhibitionSlug }),
      directBody: () => body(exhibition, { slug: options.exhibitionSlug }),
      valid: (b) => typeof b?.data?.exhibition?.title === 'string' && b.data.exhibition.artworks.length > 0 && !b.errors,
    },
    {
      name: 'bookSharedSpace (non-conflicting)',
      direct: 'tenants',
      mutation: true,
      gatewayBody: (n) => body(book, { input: slot(n) }),
      directBody: (n) => body(book, { input: slot(n) }),
      valid: (b) => typeof b?.data?.bookSharedSpace?.booking?.id === 'string' && b.data.bookSharedSpace.userErrors.length === 0,
    },
  ];
}

export const newRunId = () => randomUUID().slice(0, 8);
