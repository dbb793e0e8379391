import { Field, ID, ObjectType } from 'type-graphql';
import { Column, Entity, PrimaryColumn } from 'typeorm';
import { DateTimeScalar, LocalDateScalar } from '@maison/kit';

@ObjectType({ description: 'A visit to Espace KO: from check-in to check-out, on one local day of the house.' })
@Entity('check_in')
export class CheckIn {
  @Field(() => ID)
  @PrimaryColumn('uuid')
  id!: string;

  @Column('uuid', { name: 'member_id' })
  memberId!: string;

  @Column('uuid', { name: 'membership_id' })
  membershipId!: string;

  @Field(() => LocalDateScalar, { description: 'The local day of the visit (house time).' })
  @Column('date', { name: 'local_date' })
  date!: string;

  @Field(() => Boolean, { description: 'Whether this check-in used a day of a 10-day card (only the first one of a day does).' })
  @Column('boolean', { name: 'used_card_day' })
  usedCardDay!: boolean;

  @Field(() => DateTimeScalar)
  @Column('timestamptz', { name: 'checked_in_at' })
  checkedInAt!: Date;

  @Field(() => DateTimeScalar, { nullable: true, description: 'Null while the member is present.' })
  @Column('timestamptz', { name: 'checked_out_at', nullable: true })
  checkedOutAt!: Date | null;
}
