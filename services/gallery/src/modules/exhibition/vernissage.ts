import { Field, ObjectType } from 'type-graphql';
import { DateTimeScalar } from '@maison/kit';
import type { Texts } from '@maison/house';

/** The vernissage columns of an exhibition row. */
interface VernissageColumns {
  vernissageStartsAt: Date | null;
  vernissageEndsAt: Date | null;
  vernissageVenueTexts: Texts | null;
  vernissageSpaceId: string | null;
}

/** Its venue's name and its shared space are resolved by VernissageFieldResolver. */
@ObjectType({ description: 'The opening night of an exhibition, half-open [startsAt, endsAt).' })
export class Vernissage {
  @Field(() => DateTimeScalar)
  startsAt!: Date;

  @Field(() => DateTimeScalar)
  endsAt!: Date;

  venueTexts!: Texts;

  spaceId!: string | null;

  /** The vernissage of an exhibition, when it has one. */
  static of(e: VernissageColumns): Vernissage | null {
    if (!e.vernissageStartsAt || !e.vernissageEndsAt || !e.vernissageVenueTexts) return null;
    return Object.assign(new Vernissage(), {
      startsAt: e.vernissageStartsAt,
      endsAt: e.vernissageEndsAt,
      venueTexts: e.vernissageVenueTexts,
      spaceId: e.vernissageSpaceId,
    });
  }
}
