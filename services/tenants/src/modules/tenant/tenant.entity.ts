import { Ctx, Directive, Field, ID, ObjectType, registerEnumType } from 'type-graphql';
import { Column, Entity, PrimaryColumn } from 'typeorm';
import { assumedSize } from '@maison/kit';
import { tr, type Texts } from '@maison/house';
import type { Context } from '../../context';
import { Office } from './office.entity';

export enum TenantKind {
  COWORKING = 'COWORKING',
  GALLERY = 'GALLERY',
  PROFESSIONAL = 'PROFESSIONAL',
}
registerEnumType(TenantKind, { name: 'TenantKind', description: 'What kind of organisation a tenant is.' });

@ObjectType()
export class Contact {
  @Field(() => String, { nullable: true })
  email!: string | null;

  @Field(() => String, { nullable: true })
  phone!: string | null;
}

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

  @Field()
  name(@Ctx() ctx: Context): string {
    return tr(this.nameTexts, ctx.lang);
  }

  @Field(() => String, { nullable: true, description: 'The trade, e.g. "Massothérapie" / "Massage therapy".' })
  profession(@Ctx() ctx: Context): string | null {
    return tr(this.professionTexts, ctx.lang);
  }

  @Field(() => String, { nullable: true })
  description(@Ctx() ctx: Context): string | null {
    return tr(this.descriptionTexts, ctx.lang);
  }

  @Field(() => Contact)
  contact(): Contact {
    return Object.assign(new Contact(), { email: this.contactEmail, phone: this.contactPhone });
  }

  @Directive(assumedSize(3))
  @Field(() => [Office])
  offices(@Ctx() ctx: Context): Promise<Office[]> {
    return ctx.loaders.officesByTenant.load(this.id);
  }
}
