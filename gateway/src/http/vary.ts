/**
 * The request headers each kind of answer depends on, for the `Vary` header caches and browsers
 * rely on. Every answer depends on `Origin` (the CORS headers); GraphQL answers also on the
 * caller (`Authorization`), the language of their texts (`Accept-Language`) and the media type
 * Apollo negotiates (`Accept`); the calendar feed on the language when `?lang=` is absent.
 */
const GRAPHQL_VARY = 'Origin, Accept, Accept-Language, Authorization';
const FEED_VARY = 'Origin, Accept-Language';
const OTHER_VARY = 'Origin';

export function varyOf(pathname: string): string {
  if (pathname === '/graphql' || pathname === '/') return GRAPHQL_VARY;
  if (pathname === '/calendar.ics') return FEED_VARY;
  return OTHER_VARY;
}
