import type { DataSource } from 'typeorm';
import type { RequestScope } from '@maison/kit';
import { HouseService } from './modules/house/house.service';
import { TenantService } from './modules/tenant/tenant.service';
import { tenantLoaders } from './modules/tenant/tenant.loader';
import { SpaceService } from './modules/space/space.service';
import { spaceLoaders } from './modules/space/space.loader';
import { BookingService } from './modules/booking/booking.service';
import { bookingLoaders } from './modules/booking/booking.loader';
import { calendarLoaders } from './modules/calendar/calendar.loader';

/** Built once per process: the rules of the subgraph, each taking its DataSource. */
export function createServices(ds: DataSource) {
  return {
    house: new HouseService(ds),
    tenants: new TenantService(ds),
    spaces: new SpaceService(ds),
    bookings: new BookingService(ds),
  };
}
export type TenantsServices = ReturnType<typeof createServices>;

/** Built for every request: never shared, so one caller's cache never serves another. */
export function createLoaders(ds: DataSource, scope: RequestScope) {
  return { ...tenantLoaders(ds), ...spaceLoaders(ds), ...bookingLoaders(ds), ...calendarLoaders(ds, scope) };
}
export type TenantsLoaders = ReturnType<typeof createLoaders>;
