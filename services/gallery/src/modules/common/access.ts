import { isAdmin, type Identity } from '@maison/auth';
import { forbidden, unauthenticated } from '@maison/errors';
import type { Context } from '../../context';

/** The caller, who must be signed in: else UNAUTHENTICATED. */
export function signedIn(ctx: Context): Identity {
  if (ctx.identity.sub === null) throw unauthenticated(ctx.lang);
  return ctx.identity;
}

/** The caller, who must be ADMIN: UNAUTHENTICATED when anonymous, FORBIDDEN otherwise. */
export function adminOnly(ctx: Context): Identity {
  const identity = signedIn(ctx);
  if (!isAdmin(identity)) throw forbidden(ctx.lang);
  return identity;
}
