import { Directive, Field, ID, InputType, Int, ObjectType } from 'type-graphql';
import { DateTimeScalar, LocalDateScalar, LocalizedTextInput, SpaceRulesOverrideInput, USER_ERRORS_SIZE, UserError } from '@maison/kit';
import { Exhibition } from './exhibition.entity';

@InputType({ description: 'An opening night, half-open [startsAt, endsAt), in the gallery or in a shared space of the house.' })
export class VernissageInput {
  @Field(() => DateTimeScalar)
  startsAt!: Date;

  @Field(() => DateTimeScalar, { description: 'At most 12 hours after startsAt.' })
  endsAt!: Date;

  @Field(() => ID, {
    nullable: true,
    description:
      'The shared space (the terrace, the kitchen) it holds in the ledger, within its opening hours and season (OUTSIDE_OPENING_HOURS, OUT_OF_SEASON; not the booking-only limits: notice, horizon, durations, quota); null: in the gallery.',
  })
  sharedSpaceId?: string | null;

  @Field(() => LocalizedTextInput, { nullable: true, description: 'The venue as shown; by default the gallery or the space’s name.' })
  venue?: LocalizedTextInput | null;

  @Field(() => Int, {
    nullable: true,
    description: 'How many people are expected, 1 to 1000: in a shared space, at most its capacity (OVER_CAPACITY). Left out, no capacity check.',
  })
  expectedAttendees?: number | null;

  @Field(() => SpaceRulesOverrideInput, {
    nullable: true,
    description:
      'ADMIN holds the shared space despite its capacity, opening hours and season; the reason is kept in the booking history of the space. A new vernissage without it is checked again.',
  })
  spaceRulesOverride?: SpaceRulesOverrideInput | null;
}

@InputType({ description: 'A new exhibition. The vernissage takes place from 14 days before startsOn until endsOn.' })
export class CreateExhibitionInput {
  @Field(() => String, { nullable: true, description: 'Stable public name (a-z, 0-9, hyphens); derived from the French title when left out.' })
  slug?: string | null;

  @Field(() => LocalizedTextInput, { description: '1 to 200 characters in each language.' })
  title!: LocalizedTextInput;

  @Field(() => LocalizedTextInput, { nullable: true, description: 'At most 5000 characters in each language.' })
  description?: LocalizedTextInput | null;

  @Field(() => LocalDateScalar, { description: 'First day on view.' })
  startsOn!: string;

  @Field(() => LocalDateScalar, { description: 'Last day on view, not before startsOn.' })
  endsOn!: string;

  @Field(() => String, { nullable: true, description: 'An https:// URL.' })
  coverImageUrl?: string | null;

  @Field(() => [ID], { nullable: true, description: 'The artists shown, in the order of the credits.' })
  artistIds?: string[] | null;

  @Field(() => [ID], { nullable: true, description: 'The works shown, in the order of the catalogue.' })
  artworkIds?: string[] | null;

  @Field(() => VernissageInput, { nullable: true })
  vernissage?: VernissageInput | null;

  @Field(() => String, {
    nullable: true,
    description:
      'Makes a retry safe (1 to 200 printable characters): the same key with the same input answers the exhibition created the first time, never a second one; with another input, IDEMPOTENCY_KEY_REUSED.',
  })
  idempotencyKey?: string | null;
}

@InputType({
  description:
    'Changes to an exhibition. A field left out is unchanged; title, startsOn and endsOn cannot be cleared; null clears description, coverImageUrl and vernissage; a list replaces the previous one.',
})
export class UpdateExhibitionInput {
  @Field(() => String, { nullable: true })
  slug?: string | null;

  @Field(() => LocalizedTextInput, { nullable: true })
  title?: LocalizedTextInput | null;

  @Field(() => LocalizedTextInput, { nullable: true })
  description?: LocalizedTextInput | null;

  @Field(() => LocalDateScalar, { nullable: true })
  startsOn?: string | null;

  @Field(() => LocalDateScalar, { nullable: true })
  endsOn?: string | null;

  @Field(() => String, { nullable: true })
  coverImageUrl?: string | null;

  @Field(() => [ID], { nullable: true })
  artistIds?: string[] | null;

  @Field(() => [ID], { nullable: true })
  artworkIds?: string[] | null;

  @Field(() => VernissageInput, { nullable: true })
  vernissage?: VernissageInput | null;
}

@ObjectType()
export class CreateExhibitionPayload {
  @Field(() => Exhibition, { nullable: true })
  exhibition!: Exhibition | null;

  @Directive(USER_ERRORS_SIZE)
  @Field(() => [UserError])
  userErrors!: UserError[];
}

@ObjectType()
export class UpdateExhibitionPayload extends CreateExhibitionPayload {}

@ObjectType()
export class CancelExhibitionPayload {
  @Field(() => ID, { nullable: true, description: 'The id of the exhibition removed; null when nothing was removed.' })
  cancelledExhibitionId!: string | null;

  @Directive(USER_ERRORS_SIZE)
  @Field(() => [UserError])
  userErrors!: UserError[];
}
