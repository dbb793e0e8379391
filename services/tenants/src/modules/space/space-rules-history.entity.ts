import { Column, Entity, PrimaryColumn } from 'typeorm';
import type { RulesSnapshot } from './space-rules.snapshot';

/** A row of shared_space_rules_history; SharedSpace.rulesHistory shows it as a SpaceRulesChange. */
@Entity('shared_space_rules_history')
export class SpaceRulesHistoryRow {
  @PrimaryColumn('bigint')
  id!: string;

  @Column('uuid', { name: 'space_id' })
  spaceId!: string;

  @Column('text')
  actor!: string;

  @Column('timestamptz')
  at!: Date;

  @Column('jsonb')
  before!: RulesSnapshot;

  @Column('jsonb')
  after!: RulesSnapshot;
}
