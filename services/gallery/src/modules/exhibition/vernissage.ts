import { Ctx, Directive, Field, ObjectType } from 'type-graphql';
import { costWeight, DateTimeScalar } from '@maison/kit';
import { tr, type Texts } from '@maison/house';
import type { Context } from '../../context';
import { SharedSpace, sharedSpaceRef } from '../space/shared-space.entity';

@ObjectType({ description: 'The opening night of an exhibition, half-open [startsAt, endsAt).' })
export class Vernissage {
  @Field(() => DateTimeScalar)
  startsAt!: Date;

  @Field(() => DateTimeScalar)
  endsAt!: Date;

  venueTexts!: Texts;

  spaceId!: string | null;

  @Field(() => String, { description: 'Where it takes place: "Galerie Le Vivoir", "Terrasse"…' })
  venueName(@Ctx() ctx: Context): string {
    return tr(this.venueTexts, ctx.lang);
  }

  // The space's own fields come from the tenants subgraph: one more fetch.
  @Directive(costWeight(2))
  @Field(() => SharedSpace, { nullable: true, description: 'The shared space it takes place in; null in the gallery itself.' })
  sharedSpace(): SharedSpace | null {
    return this.spaceId === null ? null : sharedSpaceRef(this.spaceId);
  }
}
