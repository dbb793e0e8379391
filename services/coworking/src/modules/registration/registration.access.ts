import type { Identity } from '@maison/auth';
import { equals, holds, never, positionalParameters, sqlWhere, type RowCondition } from '@maison/house';

/** What the visibility of a registration reads: the sub of the caller who registered. */
export interface RegistrationFacts {
  registrant: string;
}

const REGISTRATION_COLUMNS = { registrant: 'registrant' } as const;

/** A registration is seen by its registrant only (myRegistration, and the payloads of registering): ADMIN reads no one else's either. */
export function registrationsVisibleTo(identity: Identity): RowCondition<RegistrationFacts> {
  return identity.sub === null ? never() : equals('registrant', identity.sub);
}

export function canSeeRegistration(registration: RegistrationFacts, identity: Identity): boolean {
  return holds(registrationsVisibleTo(identity), registration);
}

/** The same rule as a WHERE fragment on event_registration rows aliased `alias`, its values appended to those of a raw query. */
export function visibleRegistrationsWhere(identity: Identity, alias: string, values: unknown[]): string {
  return sqlWhere(registrationsVisibleTo(identity), { alias, columns: REGISTRATION_COLUMNS }, positionalParameters(values));
}
