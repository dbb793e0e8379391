import { Ctx, Directive, FieldResolver, Resolver, Root } from 'type-graphql';
import { costWeight } from '@maison/kit';
import { tr } from '@maison/house';
import type { Context } from '../../context';
import { SharedSpace, sharedSpaceRef } from '../space/shared-space.entity';
import { Vernissage } from './vernissage';

@Resolver(() => Vernissage)
export class VernissageFieldResolver {
  @FieldResolver(() => String, { description: 'Where it takes place: "Galerie Le Vivoir", "Terrasse"…' })
  venueName(@Root() vernissage: Vernissage, @Ctx() ctx: Context): string {
    return tr(vernissage.venueTexts, ctx.lang);
  }

  // The space's own fields come from the tenants subgraph: one more fetch.
  @Directive(costWeight(2))
  @FieldResolver(() => SharedSpace, { nullable: true, description: 'The shared space it takes place in; null in the gallery itself.' })
  sharedSpace(@Root() vernissage: Vernissage): SharedSpace | null {
    return vernissage.spaceId === null ? null : sharedSpaceRef(vernissage.spaceId);
  }
}
