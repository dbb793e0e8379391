import { Directive, Field, ID, Int, ObjectType, registerEnumType } from 'type-graphql';
import { Column, Entity, PrimaryColumn } from 'typeorm';
import { connectionType, DateTimeScalar } from '@maison/kit';
import type { Texts } from '@maison/house';

export enum CoworkingEventKind {
  TALK = 'TALK',
  WORKSHOP = 'WORKSHOP',
  SOCIAL = 'SOCIAL',
  OTHER = 'OTHER',
}
registerEnumType(CoworkingEventKind, {
  name: 'CoworkingEventKind',
  description: 'TALK (conférence), WORKSHOP (atelier), SOCIAL (a 5 à 7, a lunch), OTHER.',
});

@ObjectType({
  description: 'An event of Espace KO over [startsAt, endsAt), held either in a shared space of the house (sharedSpace) or in a room of Espace KO (room).',
})
@Directive('@key(fields: "id")')
@Entity('coworking_event')
export class CoworkingEvent {
  @Field(() => ID)
  @PrimaryColumn('uuid')
  id!: string;

  @Field(() => CoworkingEventKind)
  @Column({ type: 'enum', enum: CoworkingEventKind, enumName: 'coworking_event_kind' })
  kind!: CoworkingEventKind;

  @Column('jsonb', { name: 'title' })
  titleTexts!: Texts;

  @Column('jsonb', { name: 'description', nullable: true })
  descriptionTexts!: Texts | null;

  @Field(() => DateTimeScalar)
  @Column('timestamptz', { name: 'starts_at' })
  startsAt!: Date;

  @Field(() => DateTimeScalar, { description: 'Excluded: an event ending at 11:00 does not overlap one starting at 11:00.' })
  @Column('timestamptz', { name: 'ends_at' })
  endsAt!: Date;

  @Column('uuid', { name: 'space_id', nullable: true })
  spaceId!: string | null;

  @Column('jsonb', { name: 'room', nullable: true })
  roomTexts!: Texts | null;

  @Field(() => Int, { description: 'How many people may attend.' })
  @Column('integer')
  capacity!: number;

  @Field(() => Boolean, { description: 'Only members may register; everyone may see the event.' })
  @Column('boolean', { name: 'members_only' })
  membersOnly!: boolean;

  @Field(() => DateTimeScalar, { nullable: true, description: 'When ADMIN cancelled it; a cancelled event leaves the lists and frees its shared space.' })
  @Column('timestamptz', { name: 'cancelled_at', nullable: true })
  cancelledAt!: Date | null;

  @Column('timestamptz', { name: 'updated_at', nullable: true })
  updatedAt!: Date | null;

  /** The reference of its hold in the tenants ledger (packages/space-holds); null: none, or the legacy one. */
  @Column('text', { name: 'hold_reference', nullable: true })
  holdReference!: string | null;

  /** ADMIN's reason for holding its shared space despite the space's rules (spaceRulesOverride); null: none. */
  @Column('text', { name: 'space_rules_override_reason', nullable: true })
  spaceRulesOverrideReason!: string | null;
}

export const CoworkingEventConnection = connectionType('CoworkingEvent', CoworkingEvent);
