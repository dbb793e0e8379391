import { DEMO_TENANTS } from './demo-data';
import { REFERENCE_TENANTS, SPACE_SLUGS } from './reference-data';

/** Every seeded slug (reference and demo data): the one list `npm run token` and the tests read. */
export const REFERENCE_TENANT_SLUGS = REFERENCE_TENANTS.map((t) => t.slug);
export const DEMO_TENANT_SLUGS = DEMO_TENANTS.map((t) => t.slug);
export const TENANT_SLUGS = [...REFERENCE_TENANT_SLUGS, ...DEMO_TENANT_SLUGS];
export { SPACE_SLUGS };
