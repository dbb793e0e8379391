import { Directive, Field, ID, ObjectType } from 'type-graphql';

/**
 * The tenants subgraph owns shared spaces; coworking knows only their id and adds its events
 * (SharedSpaceFields).
 * No description here: the owner's one is the supergraph's.
 */
@ObjectType()
@Directive('@key(fields: "id")')
export class SharedSpace {
  @Field(() => ID)
  id!: string;
}
