import { Ctx, Directive, FieldResolver, Query, Resolver, Root } from 'type-graphql';
import { assumedSize } from '@maison/kit';
import { tr } from '@maison/house';
import type { Context } from '../../context';
import { Address } from './address';
import { House } from './house.entity';
import { OpeningHours, openingHoursOf } from './opening-hours';

@Resolver(() => House)
export class HouseResolver {
  @Query(() => House, { description: 'The house itself: name, address, time zone, opening hours.' })
  house(@Ctx() ctx: Context): Promise<House> {
    return ctx.services.house.get();
  }

  @FieldResolver(() => String)
  name(@Root() house: House, @Ctx() ctx: Context): string {
    return tr(house.nameTexts, ctx.lang);
  }

  @FieldResolver(() => String, { nullable: true })
  description(@Root() house: House, @Ctx() ctx: Context): string | null {
    return tr(house.descriptionTexts, ctx.lang);
  }

  @FieldResolver(() => Address)
  address(@Root() house: House): Address {
    const { streetAddress, locality, region, postalCode, country } = house;
    return Object.assign(new Address(), { streetAddress, locality, region, postalCode, country });
  }

  // Two opening ranges per weekday at most.
  @Directive(assumedSize(14))
  @FieldResolver(() => [OpeningHours])
  openingHours(@Root() house: House): OpeningHours[] {
    return openingHoursOf(house.openingHoursRows);
  }
}
