import path from 'node:path';
import type { SubgraphModule } from '@maison/kit';
import { createLoaders, createServices, type TenantsLoaders, type TenantsServices } from './services';
import { House } from './modules/house/house.entity';
import { HouseResolver } from './modules/house/house.resolver';
import { Tenant } from './modules/tenant/tenant.entity';
import { Office } from './modules/tenant/office.entity';
import { TenantResolver } from './modules/tenant/tenant.resolver';
import { OfficeResolver } from './modules/tenant/office.resolver';
import { tenantReference } from './modules/tenant/tenant.reference';
import { SharedSpace } from './modules/space/shared-space.entity';
import { SpaceResolver } from './modules/space/space.resolver';
import { SpaceAdminResolver } from './modules/space/space-admin.resolver';
import { SpaceRulesHistoryRow } from './modules/space/space-rules-history.entity';
import { SharedSpaceFieldResolver } from './modules/space/shared-space.fields';
import { spaceReference } from './modules/space/space.reference';
import { SpaceBooking } from './modules/booking/space-booking.entity';
import { bookingReference } from './modules/booking/booking.reference';
import { BookingResolver } from './modules/booking/booking.resolver';
import { SpaceBookingFieldResolver } from './modules/booking/space-booking.fields';
import { HoldResolver } from './modules/booking/hold.resolver';
import { BookingHistoryEntry } from './modules/booking/booking-history.entity';
import { CalendarResolver } from './modules/calendar/calendar.resolver';
import { calendarReference } from './modules/calendar/calendar.reference';
import { MeResolver } from './modules/me/me.resolver';
import { meReference } from './modules/me/me.reference';
import { loadDemo } from './demo-data';
import { referenceRows } from './reference-data';
import { seedScale } from './seed-scale';

/** The service folder (src/.. or dist/..), where migrations and schema.graphql live. */
export const SERVICE_ROOT = path.resolve(__dirname, '..');

export const tenantsModule: SubgraphModule<TenantsServices, TenantsLoaders> = {
  name: 'tenants',
  defaultPort: 4001,
  resolvers: [
    HouseResolver,
    TenantResolver,
    OfficeResolver,
    SpaceResolver,
    SharedSpaceFieldResolver,
    SpaceAdminResolver,
    BookingResolver,
    SpaceBookingFieldResolver,
    HoldResolver,
    CalendarResolver,
    MeResolver,
  ],
  references: { ...tenantReference, ...spaceReference, ...bookingReference, ...calendarReference, ...meReference },
  // Seconds each type's data stays true; every successful mutation through the gateway empties its cache anyway.
  cacheHints: {
    House: 3600,
    Address: 3600,
    OpeningHours: 3600,
    Season: 3600,
    Tenant: 600,
    Contact: 600,
    Office: 600,
    SharedSpace: 300,
    SpaceRules: 300,
    SpaceRulesChange: 300,
    // Availability and bookings move with the clock (minimum notice, "today").
    TimeSlot: 60,
    SpaceBooking: 60,
    BookingHolder: 60,
    BookingHistoryEntry: 60,
    CalendarDay: 60,
    // Me has none on purpose: an answer about the caller is never shared.
  },
  entities: [House, Tenant, Office, SharedSpace, SpaceBooking, BookingHistoryEntry, SpaceRulesHistoryRow],
  migrationsDir: path.join(SERVICE_ROOT, 'src', 'migrations'),
  createServices,
  createLoaders,
  reference: referenceRows,
  demo: loadDemo,
  seedScale,
};
