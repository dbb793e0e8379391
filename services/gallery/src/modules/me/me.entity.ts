import { Directive, ObjectType } from 'type-graphql';
import type { Identity } from '@maison/auth';
import { callerIdOf, ME_DESCRIPTION, MeKey } from '@maison/kit';

/** The caller (owned by tenants); the gallery adds the artist they are. */
@ObjectType({ description: ME_DESCRIPTION })
@Directive('@key(fields: "id")')
export class Me extends MeKey {
  /** The artist the token names (artistId), resolved by MeResolver.artist. */
  artistId!: string | null;

  /** Always built from the verified identity, never from the representation. */
  static of(identity: Identity): Me {
    return Object.assign(new Me(), { id: callerIdOf(identity), artistId: identity.artistId ?? null });
  }
}
