import { Field, Float, ID, Int, ObjectType, registerEnumType } from 'type-graphql';
import { Column, Entity, PrimaryColumn } from 'typeorm';
import { LocalDateScalar } from '@maison/kit';
import type { Texts } from '@maison/house';

export enum Building {
  MAIN_HOUSE = 'MAIN_HOUSE',
  ANNEX = 'ANNEX',
}
registerEnumType(Building, { name: 'Building', description: 'The main house or its annex.' });

/** An office's columns; its name is resolved by OfficeResolver. */
@ObjectType({ description: 'An office a tenant occupies.' })
@Entity('office')
export class Office {
  @Field(() => ID)
  @PrimaryColumn('uuid')
  id!: string;

  @Column('uuid', { name: 'tenant_id' })
  tenantId!: string;

  @Column('jsonb', { name: 'name' })
  nameTexts!: Texts;

  @Field(() => Int, { description: '0 is the ground floor, -1 the basement.' })
  @Column('smallint')
  floor!: number;

  @Field(() => Building)
  @Column({ type: 'enum', enum: Building, enumName: 'building' })
  building!: Building;

  @Field(() => Float, { description: 'Floor area in square metres.' })
  @Column('numeric', { name: 'area_m2', transformer: { to: (v: number) => v, from: (v: string) => Number(v) } })
  areaM2!: number;

  @Field(() => LocalDateScalar, { description: 'The first day the tenant occupies the office.' })
  @Column('date', { name: 'starts_on' })
  startsOn!: string;

  @Field(() => LocalDateScalar, {
    nullable: true,
    description: 'The day the office is vacated (no longer the tenant’s from that day on); null while no end is set.',
  })
  @Column('date', { name: 'ends_on', nullable: true })
  endsOn!: string | null;
}
