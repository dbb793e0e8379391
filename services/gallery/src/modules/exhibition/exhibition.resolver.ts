import type { GraphQLResolveInfo } from 'graphql';
import { Arg, Args, Ctx, Directive, ID, Info, Mutation, Query, Resolver } from 'type-graphql';
import { asksSubfield, CONNECTION_SIZE, PageArgs, type ConnectionShape } from '@maison/kit';
import { adminOnly, errorsOf } from '@maison/house';
import { withLedgerErrors } from '@maison/space-holds';
import type { Context } from '../../context';
import { lookupOf } from '../common/lookup';
import { Exhibition, ExhibitionConnection } from './exhibition.entity';
import { CancelExhibitionPayload, CreateExhibitionInput, CreateExhibitionPayload, UpdateExhibitionInput, UpdateExhibitionPayload } from './exhibition.input';
import { ExhibitionStatus } from './exhibition-status';
import { exhibitionPageBySlug } from './exhibition-show.loader';

@Resolver(() => Exhibition)
export class ExhibitionResolver {
  @Directive(CONNECTION_SIZE)
  @Query(() => ExhibitionConnection, {
    description: 'Exhibitions. CURRENT: closing soonest first; UPCOMING: opening soonest first; PAST: latest closed first; no status: latest opening first.',
  })
  async exhibitions(
    @Ctx() ctx: Context,
    @Arg('status', () => ExhibitionStatus, { nullable: true }) status: ExhibitionStatus | null | undefined,
    @Args(() => PageArgs) page: PageArgs,
  ): Promise<ConnectionShape<Exhibition>> {
    return ExhibitionConnection.from(await ctx.services.exhibitions.list(status, page, ctx.lang));
  }

  @Query(() => Exhibition, { nullable: true, description: 'One exhibition, by id or by slug: give exactly one.' })
  exhibition(
    @Ctx() ctx: Context,
    @Arg('id', () => ID, { nullable: true }) id?: string | null,
    @Arg('slug', () => String, { nullable: true }) slug?: string | null,
    @Info() info?: GraphQLResolveInfo,
  ): Promise<Exhibition | null> {
    const lookup = lookupOf(id, slug, ctx.lang);
    if (lookup.by === 'id') return ctx.loaders.exhibitionById.load(lookup.id);
    // The page of an exhibition, with what it shows: one statement.
    if (info && (asksSubfield(info, 'artists') || asksSubfield(info, 'artworks')))
      return exhibitionPageBySlug(ctx.ds, ctx.loaders, lookup.slug, asksSubfield(info, 'artists', 'artworks'));
    return ctx.services.exhibitions.bySlug(lookup.slug);
  }

  @Mutation(() => CreateExhibitionPayload, {
    description:
      'ADMIN: creates an exhibition. A vernissage in a shared space holds it in the ledger; a taken slot answers SLOT_UNAVAILABLE and nothing is saved. With an idempotencyKey, a retry creates no second exhibition.',
  })
  async createExhibition(@Ctx() ctx: Context, @Arg('input', () => CreateExhibitionInput) input: CreateExhibitionInput): Promise<CreateExhibitionPayload> {
    adminOnly(ctx);
    const outcome = await withLedgerErrors(ctx.lang, () => ctx.services.exhibitionEditor.create(input, ctx));
    return Object.assign(new CreateExhibitionPayload(), { exhibition: outcome.exhibition, userErrors: errorsOf(outcome.errors, ctx.lang) });
  }

  @Mutation(() => UpdateExhibitionPayload, {
    description: 'ADMIN: changes an exhibition; its vernissage’s hold in a shared space is taken, moved or released to match.',
  })
  async updateExhibition(
    @Ctx() ctx: Context,
    @Arg('id', () => ID) id: string,
    @Arg('input', () => UpdateExhibitionInput) input: UpdateExhibitionInput,
  ): Promise<UpdateExhibitionPayload> {
    adminOnly(ctx);
    const outcome = await withLedgerErrors(ctx.lang, () => ctx.services.exhibitionEditor.update(id, input, ctx));
    return Object.assign(new UpdateExhibitionPayload(), { exhibition: outcome.exhibition, userErrors: errorsOf(outcome.errors, ctx.lang) });
  }

  @Mutation(() => CancelExhibitionPayload, { description: 'ADMIN: cancels (removes) an exhibition and releases its vernissage’s hold in a shared space.' })
  async cancelExhibition(@Ctx() ctx: Context, @Arg('id', () => ID) id: string): Promise<CancelExhibitionPayload> {
    adminOnly(ctx);
    const outcome = await withLedgerErrors(ctx.lang, () => ctx.services.exhibitionEditor.cancel(id, ctx));
    return Object.assign(new CancelExhibitionPayload(), { cancelledExhibitionId: outcome.cancelledId, userErrors: errorsOf(outcome.errors, ctx.lang) });
  }
}
