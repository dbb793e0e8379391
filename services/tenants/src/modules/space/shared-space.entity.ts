import { Arg, Ctx, Directive, Field, ID, Int, ObjectType } from 'type-graphql';
import { Column, Entity, PrimaryColumn } from 'typeorm';
import { DateTimeScalar, tr, type Texts } from '@maison/kit';
import type { Context } from '../../context';
import { OpeningHours, type OpeningHoursRow } from '../house/opening-hours';
import { SpaceBooking } from '../booking/space-booking.entity';

@ObjectType({ description: 'The part of the year a seasonal space is open, as MM-DD dates, both included.' })
export class Season {
  @Field({ description: 'First open day, MM-DD (the terrace: 05-01).' })
  startsOn!: string;

  @Field({ description: 'Last open day, MM-DD (the terrace: 10-31).' })
  endsOn!: string;
}

@ObjectType({ description: 'A space everyone in the house shares and books: the kitchen, the terrace.' })
@Directive('@key(fields: "id")')
@Entity('shared_space')
export class SharedSpace {
  @Field(() => ID)
  @PrimaryColumn('uuid')
  id!: string;

  @Field({ description: 'Stable public name: "cuisine", "terrasse".' })
  @Column('text')
  slug!: string;

  @Column('jsonb', { name: 'name' })
  nameTexts!: Texts;

  @Column('jsonb', { name: 'description', nullable: true })
  descriptionTexts!: Texts | null;

  @Field(() => Int, { description: 'How many people the space holds.' })
  @Column('integer')
  capacity!: number;

  @Column('jsonb', { name: 'amenities' })
  amenityTexts!: Texts[];

  @Column('jsonb', { name: 'opening_hours' })
  openingHoursRows!: OpeningHoursRow[];

  @Column('text', { name: 'season_starts', nullable: true })
  seasonStarts!: string | null;

  @Column('text', { name: 'season_ends', nullable: true })
  seasonEnds!: string | null;

  @Field(() => Int, { description: 'Cleaning time after each booking during which nobody else may start.' })
  @Column('integer', { name: 'buffer_minutes' })
  bufferMinutes!: number;

  @Field()
  name(@Ctx() ctx: Context): string {
    return tr(this.nameTexts, ctx.lang);
  }

  @Field(() => String, { nullable: true })
  description(@Ctx() ctx: Context): string | null {
    return tr(this.descriptionTexts, ctx.lang);
  }

  @Field(() => [String])
  amenities(@Ctx() ctx: Context): string[] {
    return this.amenityTexts.map((a) => tr(a, ctx.lang));
  }

  @Field(() => [OpeningHours])
  openingHours(): OpeningHours[] {
    return this.openingHoursRows.map((r) => Object.assign(new OpeningHours(), r));
  }

  @Field(() => Season, { nullable: true, description: 'Null when the space is open all year.' })
  season(): Season | null {
    if (!this.seasonStarts || !this.seasonEnds) return null;
    return Object.assign(new Season(), { startsOn: this.seasonStarts, endsOn: this.seasonEnds });
  }

  @Field(() => [SpaceBooking], { description: 'Live bookings overlapping [from, to). Private ones show no title nor holder.' })
  bookings(
    @Ctx() ctx: Context,
    @Arg('from', () => DateTimeScalar) from: Date,
    @Arg('to', () => DateTimeScalar) to: Date,
  ): Promise<SpaceBooking[]> {
    return ctx.services.bookings.bookingsOfSpace(ctx.loaders, this.id, from, to, ctx.lang);
  }
}
