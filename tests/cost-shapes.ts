/**
 * The operations the default cost budget (MAX_QUERY_COST) is set for: real pages it must accept,
 * with `id` and `__typename` on every object as Apollo Client and Relay add them, and larger or
 * abusive shapes it must refuse. Used by tests/cost-budget.test.ts, the README's cost table
 * (tests/readme-costs.test.ts) and tests/e2e/security-limits.e2e.test.ts.
 */
export interface CostShape {
  label: string;
  document: string;
  variables: Record<string, unknown>;
}

/** Every field of the README's what's-on query, plus `id` and `__typename` on every object. */
export const WHATS_ON_CALENDAR = `calendar(from: $from, to: $to) {
    __typename date
    exhibitionsOnView { __typename id title endsOn }
    vernissages { __typename id title vernissage { __typename startsAt } }
    coworkingEvents { __typename id title startsAt endsAt room sharedSpace { __typename id name } }
    spaceBookings { __typename id title startsAt endsAt space { __typename id name } }
  }`;
export const WHATS_ON_ALL_FIELDS = `query WhatsOn($from: LocalDate!, $to: LocalDate!) {
  ${WHATS_ON_CALENDAR}
}`;

const MEMBERSHIP = `__typename id startsOn endsOn cancelledAt status daysLeft member { __typename id }
  plan { __typename id code daysIncluded name description price { __typename amountCents currency formatted } }`;

/** A page of members with every field, their memberships and the one in force (what ADMIN sees). */
export const MEMBERS_PAGE = `query Members($first: Int) {
  members(first: $first) {
    __typename totalCount pageInfo { __typename hasNextPage hasPreviousPage startCursor endCursor }
    edges { __typename cursor node { __typename id displayName isPublic joinedOn profession shortBio
      memberships { ${MEMBERSHIP} } currentMembership { ${MEMBERSHIP} } } }
  }
}`;

/** A page of artworks with every field, their artist with the artist's works, and where each hangs. */
export const ARTWORKS_PAGE = `query Artworks($first: Int) {
  artworks(first: $first) {
    __typename totalCount pageInfo { __typename hasNextPage hasPreviousPage startCursor endCursor }
    edges { __typename cursor node { __typename id slug year dimensions availability imageUrl title medium
      price { __typename amountCents currency formatted } priceOnRequest priceLabel
      artist { __typename id slug name website bio disciplines artworks { __typename id title } }
      displayedIn { __typename id name } } }
  }
}`;

/** A page of exhibitions with all their artworks and artists, and a stretch of the calendar, in one request. */
export const CATALOGUE_AND_CALENDAR = `query($n: Int, $from: LocalDate!, $to: LocalDate!) {
  exhibitions(first: $n) { nodes { title artworks { title } artists { name } } }
  calendar(from: $from, to: $to) { date coworkingEvents { title } spaceBookings { title } exhibitionsOnView { title } }
}`;

/** Lists inside lists: every artist's works, each work's artist, and that artist's works again. */
export const NESTED_LISTS = `{ artists(first: 100) { nodes { artworks { artist { artworks { title } } } } } }`;

/** Ten aliases of a quarter of the calendar: a thousand days in one request. */
export const ALIASED_CALENDARS = `query($from: LocalDate!, $to: LocalDate!) {
${Array.from({ length: 10 }, (_, i) => `  q${i}: calendar(from: $from, to: $to) { date coworkingEvents { title } spaceBookings { title } }`).join('\n')}
}`;

const SIX_WEEKS = { from: '2026-11-30', to: '2027-01-10' };
const QUARTER = { from: '2026-12-01', to: '2027-03-02' };

export const ACCEPTED: CostShape[] = [
  { label: 'what’s-on, every field + id and __typename, 42 days', document: WHATS_ON_ALL_FIELDS, variables: SIX_WEEKS },
  { label: '50 members, every field, memberships', document: MEMBERS_PAGE, variables: { first: 50 } },
  { label: '50 artworks, every field, artist and the artist’s works', document: ARTWORKS_PAGE, variables: { first: 50 } },
];

export const REFUSED: CostShape[] = [
  { label: '100 exhibitions with their works and artists + 92 days of calendar', document: CATALOGUE_AND_CALENDAR, variables: { n: 100, ...QUARTER } },
  { label: 'artists → works → artist → works, 100 artists', document: NESTED_LISTS, variables: {} },
  { label: 'ten aliases of 92 days of calendar', document: ALIASED_CALENDARS, variables: QUARTER },
  { label: '100 members, every field, memberships', document: MEMBERS_PAGE, variables: { first: 100 } },
];
