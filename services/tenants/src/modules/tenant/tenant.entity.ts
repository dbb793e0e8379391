import { Directive, Field, ID, ObjectType, registerEnumType } from 'type-graphql';
import { DateTimeScalar } from '@maison/kit';
import { Column, Entity, PrimaryColumn } from 'typeorm';
import type { Texts } from '@maison/house';

export enum TenantKind {
  COWORKING = 'COWORKING',
  GALLERY = 'GALLERY',
  PROFESSIONAL = 'PROFESSIONAL',
}
registerEnumType(TenantKind, { name: 'TenantKind', description: 'What kind of organisation a tenant is.' });

/** A tenant's columns; its texts, contact and offices are resolved by TenantResolver. */
@ObjectType({ description: 'An organisation with a place in the house: Espace KO, Le Vivoir, or a professional.' })
@Directive('@key(fields: "id")')
@Entity('tenant')
export class Tenant {
  @Field(() => ID)
  @PrimaryColumn('uuid')
  id!: string;

  @Field()
  @Column('text')
  slug!: string;

  @Column('jsonb', { name: 'name' })
  nameTexts!: Texts;

  @Field(() => TenantKind)
  @Column({ type: 'enum', enum: TenantKind, enumName: 'tenant_kind' })
  kind!: TenantKind;

  @Column('jsonb', { name: 'profession', nullable: true })
  professionTexts!: Texts | null;

  @Column('jsonb', { name: 'description', nullable: true })
  descriptionTexts!: Texts | null;

  @Column('text', { name: 'contact_email', nullable: true })
  contactEmail!: string | null;

  @Column('text', { name: 'contact_phone', nullable: true })
  contactPhone!: string | null;

  @Field(() => String, { nullable: true })
  @Column('text', { nullable: true })
  website!: string | null;

  @Field(() => DateTimeScalar, {
    nullable: true,
    description: 'When ADMIN archived the tenant; null while active. An archived tenant keeps its history but is listed to ADMIN only.',
  })
  @Column('timestamptz', { name: 'archived_at', nullable: true })
  archivedAt!: Date | null;
}
