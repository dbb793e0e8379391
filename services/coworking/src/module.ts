import path from 'node:path';
import type { SubgraphModule } from '@maison/kit';
import { createLoaders, createServices, type CoworkingLoaders, type CoworkingServices } from './services';
import { Member } from './modules/member/member.entity';
import { MemberResolver } from './modules/member/member.resolver';
import { MemberFields } from './modules/member/member.fields';
import { memberReference } from './modules/member/member.reference';
import { MembershipPlan } from './modules/membership/membership-plan.entity';
import { Membership } from './modules/membership/membership.entity';
import { MembershipResolver } from './modules/membership/membership.resolver';
import { MembershipPlanAdminResolver } from './modules/membership/membership-plan.resolver';
import { MembershipFields } from './modules/membership/membership.fields';
import { MemberMembershipFields } from './modules/membership/member-memberships.fields';
import { CoworkingEvent } from './modules/event/coworking-event.entity';
import { EventResolver } from './modules/event/event.resolver';
import { CoworkingEventFields } from './modules/event/event.fields';
import { eventReference } from './modules/event/event.reference';
import { CheckIn } from './modules/presence/check-in.entity';
import { PresenceResolver } from './modules/presence/presence.resolver';
import { CheckInFields } from './modules/presence/check-in.fields';
import { EventRegistration } from './modules/registration/registration.entity';
import { RegistrationResolver } from './modules/registration/registration.resolver';
import { EventRegistrationFields } from './modules/registration/registration.fields';
import { SharedSpace } from './modules/space/shared-space.entity';
import { spaceReference } from './modules/space/space.reference';
import { SharedSpaceFields } from './modules/space/space.fields';
import { CalendarDay } from './modules/calendar/calendar-day.entity';
import { CalendarResolver } from './modules/calendar/calendar.resolver';
import { calendarReference } from './modules/calendar/calendar.reference';
import { Me } from './modules/me/me.entity';
import { MeResolver } from './modules/me/me.resolver';
import { MyCoworkingFields } from './modules/me/my-coworking.fields';
import { meReference } from './modules/me/me.reference';
import { loadDemo } from './demo-data';
import { referenceRows } from './reference-data';
import { seedScale } from './seed-scale';

/** The service folder (src/.. or dist/..), where migrations and schema.graphql live. */
export const SERVICE_ROOT = path.resolve(__dirname, '..');

export const coworkingModule: SubgraphModule<CoworkingServices, CoworkingLoaders> = {
  name: 'coworking',
  defaultPort: 4002,
  resolvers: [
    MemberResolver,
    MemberFields,
    MemberMembershipFields,
    MembershipResolver,
    MembershipPlanAdminResolver,
    MembershipFields,
    PresenceResolver,
    CheckInFields,
    EventResolver,
    CoworkingEventFields,
    RegistrationResolver,
    EventRegistrationFields,
    SharedSpaceFields,
    CalendarResolver,
    MeResolver,
    MyCoworkingFields,
  ],
  // Entities hold columns: fields that read the request (language, caller, loaders) are field resolvers (*.resolver.ts, *.fields.ts).
  // Reached by no query of this subgraph, only through _entities.
  orphanedTypes: [CalendarDay, SharedSpace, Me],
  references: { ...memberReference, ...eventReference, ...spaceReference, ...calendarReference, ...meReference },
  // Seconds each type's data stays true; every successful mutation through the gateway empties its cache anyway.
  cacheHints: {
    MembershipPlan: 3600,
    Money: 3600,
    PageInfo: 3600,
    SharedSpace: 300,
    Member: 300,
    MemberConnection: 300,
    MemberEdge: 300,
    CoworkingEvent: 60,
    CoworkingEventConnection: 60,
    CoworkingEventEdge: 60,
    EventRegistration: 60,
    CalendarDay: 60,
    Membership: 60,
    // Who is in the house right now.
    CoworkingOccupancy: 30,
    CheckIn: 30,
    MyCoworking: 30,
  },
  entities: [Member, MembershipPlan, Membership, CoworkingEvent, CheckIn, EventRegistration],
  migrationsDir: path.join(SERVICE_ROOT, 'src', 'migrations'),
  createServices,
  createLoaders,
  reference: referenceRows,
  demo: loadDemo,
  seedScale,
  // Rounds of the hold reconciler, at boot and every HOLD_RECONCILE_SECONDS: seeded events and events
  // written while the ledger was away get their holds; holds no event needs any more are released.
  onReady(services, log) {
    services.eventHolds.startReconciling(log);
  },
};
