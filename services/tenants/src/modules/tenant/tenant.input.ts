import { Directive, Field, Float, ID, InputType, Int, ObjectType } from 'type-graphql';
import { assumedSize, LocalDateScalar, LocalizedTextInput, USER_ERRORS_SIZE, UserError } from '@maison/kit';
import { SpaceBooking } from '../booking/space-booking.entity';
import { Building, Office } from './office.entity';
import { Tenant, TenantKind } from './tenant.entity';

@InputType({ description: 'A new tenant of the house (ADMIN).' })
export class CreateTenantInput {
  @Field({ description: 'Stable public name: a-z, 0-9 and hyphens, at most 60; unique, archived tenants included (SLUG_TAKEN).' })
  slug!: string;

  @Field(() => LocalizedTextInput, { description: 'French required; 1 to 200 characters in each language.' })
  name!: LocalizedTextInput;

  @Field(() => TenantKind)
  kind!: TenantKind;

  @Field(() => LocalizedTextInput, { nullable: true, description: 'The trade; at most 100 characters in each language.' })
  profession?: LocalizedTextInput | null;

  @Field(() => LocalizedTextInput, { nullable: true, description: 'At most 2000 characters in each language; line breaks kept.' })
  description?: LocalizedTextInput | null;

  @Field(() => String, { nullable: true, description: 'An email address, at most 254 characters.' })
  contactEmail?: string | null;

  @Field(() => String, { nullable: true, description: '7 to 25 digits, spaces, (, ), . or -, an optional leading +.' })
  contactPhone?: string | null;

  @Field(() => String, { nullable: true, description: 'An http:// or https:// URL, at most 2000 characters.' })
  website?: string | null;
}

@InputType({
  description:
    'Changes to a tenant (ADMIN). A field left out is unchanged; an explicit null clears profession, description, contactEmail, contactPhone and website; slug, name and kind cannot be cleared (null leaves them unchanged).',
})
export class UpdateTenantInput {
  @Field(() => String, { nullable: true, description: 'Its id, and so every token naming it, stays the same.' })
  slug?: string | null;

  @Field(() => LocalizedTextInput, { nullable: true })
  name?: LocalizedTextInput | null;

  @Field(() => TenantKind, { nullable: true })
  kind?: TenantKind | null;

  @Field(() => LocalizedTextInput, { nullable: true })
  profession?: LocalizedTextInput | null;

  @Field(() => LocalizedTextInput, { nullable: true })
  description?: LocalizedTextInput | null;

  @Field(() => String, { nullable: true })
  contactEmail?: string | null;

  @Field(() => String, { nullable: true })
  contactPhone?: string | null;

  @Field(() => String, { nullable: true })
  website?: string | null;
}

@ObjectType()
export class TenantPayload {
  @Field(() => Tenant, { nullable: true })
  tenant!: Tenant | null;

  @Directive(USER_ERRORS_SIZE)
  @Field(() => [UserError])
  userErrors!: UserError[];
}

@ObjectType()
export class ArchiveTenantPayload {
  @Field(() => Tenant, { nullable: true })
  tenant!: Tenant | null;

  @Directive(assumedSize(50))
  @Field(() => [SpaceBooking], { description: 'The future bookings the tenant held, cancelled with it (by the ADMIN, in their history).' })
  cancelledBookings!: SpaceBooking[];

  @Directive(assumedSize(3))
  @Field(() => [Office], { description: 'The offices that were current, ended today.' })
  endedOffices!: Office[];

  @Directive(USER_ERRORS_SIZE)
  @Field(() => [UserError])
  userErrors!: UserError[];
}

@InputType({ description: 'An office given to a tenant (ADMIN).' })
export class AssignOfficeInput {
  @Field(() => ID)
  tenantId!: string;

  @Field(() => LocalizedTextInput, { description: 'French required; at most 100 characters in each language.' })
  name!: LocalizedTextInput;

  @Field(() => Building)
  building!: Building;

  @Field(() => Int, { description: '-1 (the basement) to 4.' })
  floor!: number;

  @Field(() => Float, { description: 'Square metres, 0.1 to 5000, stored to a tenth.' })
  areaM2!: number;

  @Field(() => LocalDateScalar, { nullable: true, description: 'The first day of the office; today (house time) by default.' })
  startsOn?: string | null;
}

@ObjectType()
export class OfficePayload {
  @Field(() => Office, { nullable: true })
  office!: Office | null;

  @Directive(USER_ERRORS_SIZE)
  @Field(() => [UserError])
  userErrors!: UserError[];
}
