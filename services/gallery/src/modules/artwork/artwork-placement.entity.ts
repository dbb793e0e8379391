import { Field, ObjectType, registerEnumType } from 'type-graphql';
import { DateTimeScalar } from '@maison/kit';
import type { Texts } from '@maison/house';

export enum ArtworkPlace {
  SHARED_SPACE = 'SHARED_SPACE',
  GALLERY = 'GALLERY',
  STORAGE = 'STORAGE',
}
registerEnumType(ArtworkPlace, {
  name: 'ArtworkPlace',
  description: 'Where a work is: in a shared space of the house, in the gallery, or in storage (taken down).',
});

/** One stay of a work in one place (a row of artwork_placement); sharedSpace and by are resolved by ArtworkPlacementFieldResolver. */
@ObjectType({ description: 'Where a work is, or was, from since until until (null: still there).' })
export class ArtworkPlacement {
  artworkId!: string;
  spaceId!: string | null;
  placedBy!: string | null;
  note!: Texts | null;

  @Field(() => ArtworkPlace)
  place!: ArtworkPlace;

  @Field(() => DateTimeScalar)
  since!: Date;

  @Field(() => DateTimeScalar, { nullable: true, description: 'When it left; null while it is still there.' })
  until!: Date | null;
}

/** The columns of artwork_placement as ArtworkPlacement reads them, for every SELECT of this module. */
export const PLACEMENT_COLUMNS = `artwork_id AS "artworkId", place, space_id AS "spaceId", since, until, placed_by AS "placedBy", note`;

export const placementOf = (row: Omit<ArtworkPlacement, never>): ArtworkPlacement => Object.assign(new ArtworkPlacement(), row);
