import { isAdmin, type Identity } from '@maison/auth';
import type { Lang } from '@maison/config';
import { forbidden, unauthenticated } from '@maison/errors';

/** Who asks and in which language: what every request of a subgraph carries (its context has more). */
export interface RequestScope {
  identity: Identity;
  lang: Lang;
}

/** The caller, who must be signed in: else UNAUTHENTICATED. */
export function signedIn({ identity, lang }: RequestScope): Identity {
  if (identity.sub === null) throw unauthenticated(lang);
  return identity;
}

/** The caller, who must be ADMIN: UNAUTHENTICATED when anonymous, FORBIDDEN otherwise. */
export function adminOnly(scope: RequestScope): Identity {
  const identity = signedIn(scope);
  if (!isAdmin(identity)) throw forbidden(scope.lang);
  return identity;
}
