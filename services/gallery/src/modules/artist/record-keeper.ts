import { hasRole, isAdmin, type Identity } from '@maison/auth';
import { forbidden } from '@maison/errors';
import { signedIn, type RuleViolation } from '@maison/house';
import type { Context } from '../../context';
import { unknownTokenArtist } from '../../acting-artist';
import { ownArtistId } from './artist.access';

/**
 * Who keeps the records of artists and works: ADMIN, and ARTISTs with an artistId in their token
 * (for their own records; the mutation checks whose). UNAUTHENTICATED when anonymous, FORBIDDEN
 * for anyone else; for an artist the token names who does not exist, UNKNOWN_HOLDER, before any
 * other answer (an unknown artist never acts).
 */
export async function recordKeeper(ctx: Context): Promise<{ identity: Identity; unknown: RuleViolation | null }> {
  const identity = signedIn(ctx);
  if (isAdmin(identity)) return { identity, unknown: null };
  if (!(hasRole(identity, 'ARTIST') && ownArtistId(identity))) throw forbidden(ctx.lang);
  return { identity, unknown: await unknownTokenArtist(ctx) };
}
