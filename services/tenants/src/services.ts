import type { DataSource } from 'typeorm';
import { ServiceClient, type SubgraphConfig } from '@maison/kit';
import type { RequestScope } from '@maison/house';
import { CoworkingMembershipChecker } from './modules/booking/membership.checker';
import { GalleryArtistChecker } from './modules/booking/artist.checker';
import { requestHolderDirectory } from './modules/booking/holder-directory';
import { HouseService } from './modules/house/house.service';
import { TenantService } from './modules/tenant/tenant.service';
import { OfficeService } from './modules/tenant/office.service';
import { tenantLoaders } from './modules/tenant/tenant.loader';
import { SpaceService } from './modules/space/space.service';
import { SpaceAdminService } from './modules/space/space-admin.service';
import { spaceLoaders } from './modules/space/space.loader';
import { BookingService } from './modules/booking/booking.service';
import { bookingLoaders } from './modules/booking/booking.loader';
import { SeriesService } from './modules/booking/series.service';
import { HoldService } from './modules/booking/hold.service';
import { calendarLoaders } from './modules/calendar/calendar.loader';

/** Built once per process: the rules of the subgraph, each taking its DataSource. */
export function createServices(ds: DataSource, config: Pick<SubgraphConfig, 'coworkingUrl' | 'galleryUrl' | 'signingSecret'>) {
  const coworking = config.coworkingUrl ? new ServiceClient(config.coworkingUrl, config.signingSecret, 'tenants') : null;
  const gallery = config.galleryUrl ? new ServiceClient(config.galleryUrl, config.signingSecret, 'tenants') : null;
  const memberships = new CoworkingMembershipChecker(coworking);
  const artists = new GalleryArtistChecker(gallery);
  const bookings = new BookingService(ds, { memberships, artists });
  return {
    memberships,
    artists,
    house: new HouseService(ds),
    tenants: new TenantService(ds, bookings),
    offices: new OfficeService(ds),
    spaces: new SpaceService(ds),
    spaceAdmin: new SpaceAdminService(ds),
    bookings,
    series: new SeriesService(bookings),
    holds: new HoldService(bookings),
  };
}
export type TenantsServices = ReturnType<typeof createServices>;

/** Built for every request: never shared, so one caller's cache never serves another. */
export function createLoaders(ds: DataSource, scope: RequestScope, services: Pick<TenantsServices, 'memberships' | 'artists'>) {
  const spaces = spaceLoaders(ds);
  const loaders = { ...tenantLoaders(ds), ...spaces, ...bookingLoaders(ds, services), ...calendarLoaders(ds, scope, spaces) };
  // Who may hold a booking, read through this request's loaders: every booking path and availability ask it.
  return { ...loaders, holders: requestHolderDirectory(loaders, scope.lang) };
}
export type TenantsLoaders = ReturnType<typeof createLoaders>;
