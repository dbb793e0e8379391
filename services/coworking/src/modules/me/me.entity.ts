import { Directive, ObjectType } from 'type-graphql';
import type { Identity } from '@maison/auth';
import { callerIdOf, ME_DESCRIPTION, MeKey } from '@maison/kit';

/** The caller (owned by tenants); coworking adds the member they are. */
@ObjectType({ description: ME_DESCRIPTION })
@Directive('@key(fields: "id")')
export class Me extends MeKey {
  /** The member the token names (memberId), resolved by MeResolver.member. */
  memberId!: string | null;

  /** Always built from the verified identity, never from the representation. */
  static of(identity: Identity): Me {
    return Object.assign(new Me(), { id: callerIdOf(identity), memberId: identity.memberId ?? null });
  }
}
