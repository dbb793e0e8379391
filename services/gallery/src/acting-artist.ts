import { UserErrorCode } from '@maison/errors';
import type { RuleViolation } from '@maison/house';
import type { Context } from './context';

/** UNKNOWN_HOLDER: on the argument ADMIN named (`field`), or on none when the token names the artist. */
export function unknownArtist(field?: string[]): RuleViolation {
  return field ? { code: UserErrorCode.UNKNOWN_HOLDER, field } : { code: UserErrorCode.UNKNOWN_HOLDER };
}

/**
 * For every action taken as the artist of a token (studio time): when the token names an artist, the
 * request's artist loader must find it. UNKNOWN_HOLDER when it does not, null otherwise (no artist id,
 * or a known one), so an unknown artist id never acts, never reads as a NOT_FOUND.
 */
export async function unknownTokenArtist(ctx: Context): Promise<RuleViolation | null> {
  const own = ctx.identity.artistId;
  if (!own || (await ctx.loaders.artistById.load(own.toLowerCase()))) return null;
  return unknownArtist();
}
