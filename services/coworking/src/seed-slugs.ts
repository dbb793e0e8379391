import { MEMBER_SLUGS } from './demo-data';

/** Every seeded member slug (demo data): the one list `npm run token` and the tests read. */
export { MEMBER_SLUGS };
