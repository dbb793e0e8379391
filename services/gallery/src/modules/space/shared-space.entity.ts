import { Directive, Field, ID, ObjectType } from 'type-graphql';

/**
 * The tenants subgraph owns shared spaces (the kitchen, the terrace) and their description; the
 * gallery only knows their id and adds the artworks on display and the vernissages held there.
 */
@ObjectType()
@Directive('@key(fields: "id")')
export class SharedSpace {
  @Field(() => ID)
  id!: string;
}

export const sharedSpaceRef = (id: string): SharedSpace => Object.assign(new SharedSpace(), { id });
