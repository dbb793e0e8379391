import { Ctx, Directive, Field, ID, ObjectType } from 'type-graphql';
import { Column, Entity, PrimaryColumn } from 'typeorm';
import { connectionType, LocalDateScalar } from '@maison/kit';
import { todayInHouse, tr, type Texts } from '@maison/house';
import type { Context } from '../../context';
import { exhibitionStatus, ExhibitionStatus } from './exhibition-status';
import { Vernissage } from './vernissage';

@ObjectType({ description: 'An exhibition of Le Vivoir, from startsOn to endsOn (local dates, both included).' })
@Directive('@key(fields: "id")')
@Entity('exhibition')
export class Exhibition {
  @Field(() => ID)
  @PrimaryColumn('uuid')
  id!: string;

  @Field(() => String)
  @Column('text')
  slug!: string;

  @Column('jsonb', { name: 'title' })
  titleTexts!: Texts;

  @Column('jsonb', { name: 'description', nullable: true })
  descriptionTexts!: Texts | null;

  @Field(() => LocalDateScalar, { description: 'First day on view.' })
  @Column('date', { name: 'starts_on' })
  startsOn!: string;

  @Field(() => LocalDateScalar, { description: 'Last day on view.' })
  @Column('date', { name: 'ends_on' })
  endsOn!: string;

  @Field(() => String, { nullable: true })
  @Column('text', { name: 'cover_image_url', nullable: true })
  coverImageUrl!: string | null;

  @Column('timestamptz', { name: 'vernissage_starts_at', nullable: true })
  vernissageStartsAt!: Date | null;

  @Column('timestamptz', { name: 'vernissage_ends_at', nullable: true })
  vernissageEndsAt!: Date | null;

  @Column('jsonb', { name: 'vernissage_venue', nullable: true })
  vernissageVenueTexts!: Texts | null;

  @Column('uuid', { name: 'vernissage_space_id', nullable: true })
  vernissageSpaceId!: string | null;

  @Field(() => String)
  title(@Ctx() ctx: Context): string {
    return tr(this.titleTexts, ctx.lang);
  }

  @Field(() => String, { nullable: true })
  description(@Ctx() ctx: Context): string | null {
    return tr(this.descriptionTexts, ctx.lang);
  }

  @Field(() => ExhibitionStatus, { description: 'CURRENT, UPCOMING or PAST today in house time.' })
  status(): ExhibitionStatus {
    return exhibitionStatus(this.startsOn, this.endsOn, todayInHouse());
  }

  @Field(() => Vernissage, { nullable: true, description: 'The opening night, when there is one.' })
  vernissage(): Vernissage | null {
    if (!this.vernissageStartsAt || !this.vernissageEndsAt || !this.vernissageVenueTexts) return null;
    return Object.assign(new Vernissage(), {
      startsAt: this.vernissageStartsAt,
      endsAt: this.vernissageEndsAt,
      venueTexts: this.vernissageVenueTexts,
      spaceId: this.vernissageSpaceId,
    });
  }
}

export const ExhibitionConnection = connectionType('Exhibition', Exhibition);
