import { Directive, Field, ID, ObjectType } from 'type-graphql';
import { Column, Entity, PrimaryColumn } from 'typeorm';
import { connectionType, LocalDateScalar } from '@maison/kit';
import type { Texts } from '@maison/house';

/** An exhibition's columns; its texts, status, vernissage, artists and artworks are resolved by ExhibitionFieldResolver. */
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

  /** The reference of its vernissage's hold in the tenants ledger (packages/space-holds); null: none, or the legacy one. */
  @Column('text', { name: 'hold_reference', nullable: true })
  holdReference!: string | null;

  /** How many people its vernissage expects (VernissageInput.expectedAttendees); null: not stated. */
  @Column('integer', { name: 'vernissage_expected_attendees', nullable: true })
  vernissageExpectedAttendees!: number | null;

  /** ADMIN's reason for holding the vernissage's shared space despite the space's rules; null: none. */
  @Column('text', { name: 'vernissage_override_reason', nullable: true })
  vernissageOverrideReason!: string | null;
}

export const ExhibitionConnection = connectionType('Exhibition', Exhibition);
