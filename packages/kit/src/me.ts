import { Field, ID, ObjectType } from 'type-graphql';
import type { Identity } from '@maison/auth';

/** The key of `Me` for a caller who sent no token. */
export const ANONYMOUS_CALLER_ID = 'anonymous';

/** The key of `Me`: the subject of the caller's token, or `anonymous`. */
export const callerIdOf = (identity: Identity): string => identity.sub ?? ANONYMOUS_CALLER_ID;

/** One description for `Me` in every subgraph that declares it. */
export const ME_DESCRIPTION =
  'Who is calling, as the gateway verified it from the token: roles, language, and the tenant, member or artist they act as. Without a token: signedIn false, no roles, nobody to act as.';

/**
 * `Me` (Query.me, owned by tenants) is an entity each subgraph extends with what it knows of the
 * caller. The key only says which caller a representation is about; it proves nothing. A subgraph
 * resolves a reference only when the key is the request's own signed identity (isOwnCallerKey),
 * and then builds the answer from that identity, never from the representation.
 */
@ObjectType()
export abstract class MeKey {
  @Field(() => ID, { description: 'Identifies the caller, for client caches: the subject (`sub`) of the token, or `anonymous` without one.' })
  id!: string;
}

/** Whether an entity representation of `Me` names the caller of this very request. */
export const isOwnCallerKey = (reference: { id?: unknown }, identity: Identity): boolean => reference.id === callerIdOf(identity);
