import { Directive, Field, ObjectType, registerEnumType } from 'type-graphql';
import type { Identity, Role } from '@maison/auth';
import type { Lang } from '@maison/config';
import { callerIdOf, ME_DESCRIPTION, MeKey } from '@maison/kit';

/** The roles of packages/auth, as a GraphQL enum. */
export const RoleValue: { [R in Role]: R } = { ADMIN: 'ADMIN', TENANT: 'TENANT', MEMBER: 'MEMBER', ARTIST: 'ARTIST' };
registerEnumType(RoleValue, {
  name: 'Role',
  description: 'What a caller may do, from the roles of their token.',
  valuesConfig: {
    ADMIN: { description: 'Runs the house: sees and changes everything.' },
    TENANT: { description: 'Acts for a tenant of the house (Me.tenant): books the shared spaces in its name.' },
    MEMBER: { description: 'A member of Espace KO (Me.member).' },
    ARTIST: { description: 'An artist of Le Vivoir (Me.artist).' },
  },
});

@ObjectType({ description: ME_DESCRIPTION })
@Directive('@key(fields: "id")')
export class Me extends MeKey {
  @Field(() => Boolean, { description: 'Whether the request carried a valid token.' })
  signedIn!: boolean;

  @Field(() => [RoleValue], { description: 'The roles of the token; none without one.' })
  roles!: Role[];

  @Field(() => String, { description: 'The language of the texts of this answer, from Accept-Language: `fr` (the default) or `en`.' })
  language!: Lang;

  /** The tenant the token names (tenantId), resolved by MeResolver.tenant. */
  tenantId!: string | null;

  /** The caller of a request: always built from the verified identity, never from client input. */
  static of(identity: Identity, lang: Lang): Me {
    return Object.assign(new Me(), {
      id: callerIdOf(identity),
      signedIn: identity.sub !== null,
      roles: [...identity.roles],
      language: lang,
      tenantId: identity.tenantId ?? null,
    });
  }
}
