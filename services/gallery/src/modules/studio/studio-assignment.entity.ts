import { Field, ID, ObjectType } from 'type-graphql';
import { Column, Entity, PrimaryColumn } from 'typeorm';
import { LocalDateScalar } from '@maison/kit';

@ObjectType({ description: 'An artist working in a shared studio from startsOn to endsOn (local dates, both included).' })
@Entity('studio_assignment')
export class StudioAssignment {
  @Field(() => ID)
  @PrimaryColumn('uuid')
  id!: string;

  @Column('uuid', { name: 'studio_id' })
  studioId!: string;

  @Column('uuid', { name: 'artist_id' })
  artistId!: string;

  @Field(() => LocalDateScalar)
  @Column('date', { name: 'starts_on' })
  startsOn!: string;

  @Field(() => LocalDateScalar, { nullable: true, description: 'Last day; null while open-ended.' })
  @Column('date', { name: 'ends_on', nullable: true })
  endsOn!: string | null;

  @Column('text', { name: 'created_by' })
  createdBy!: string;
}
