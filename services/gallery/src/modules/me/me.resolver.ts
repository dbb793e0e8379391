import { Ctx, FieldResolver, Resolver, Root } from 'type-graphql';
import type { Context } from '../../context';
import { Artist } from '../artist/artist.entity';
import { Me } from './me.entity';

@Resolver(() => Me)
export class MeResolver {
  @FieldResolver(() => Artist, {
    nullable: true,
    description: 'The artist of Le Vivoir the caller is (the artistId of the token); null when the token names none.',
  })
  artist(@Root() me: Me, @Ctx() ctx: Context): Promise<Artist | null> | null {
    return me.artistId ? ctx.loaders.artistById.load(me.artistId) : null;
  }
}
