import { artists } from './seed-data';

/** Every seeded artist slug (demo data): the one list `npm run token` and the tests read. */
export const ARTIST_SLUGS = artists.map((a) => a.slug);
