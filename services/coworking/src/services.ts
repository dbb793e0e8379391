import type { DataSource } from 'typeorm';
import type { SubgraphConfig } from '@maison/kit';
import type { RequestScope } from '@maison/house';
import { createLogger } from '@maison/http';
import { ledgerFor, type SpaceLedger } from '@maison/space-holds';
import { MemberService } from './modules/member/member.service';
import { MemberAdminService } from './modules/member/member-admin.service';
import { memberLoaders } from './modules/member/member.loader';
import { MembershipService } from './modules/membership/membership.service';
import { MembershipPlanService } from './modules/membership/membership-plan.service';
import { membershipLoaders } from './modules/membership/membership.loader';
import { EventService } from './modules/event/event.service';
import { EventAdminService } from './modules/event/event-admin.service';
import { eventHolds } from './modules/event/event-holds';
import { eventLoaders } from './modules/event/event.loader';
import { calendarLoaders } from './modules/calendar/calendar.loader';
import { PresenceService } from './modules/presence/presence.service';
import { RegistrationService } from './modules/registration/registration.service';
import { registrationLoaders } from './modules/registration/registration.loader';

export type ServicesConfig = Pick<SubgraphConfig, 'tenantsUrl' | 'signingSecret' | 'logLevel' | 'holdReconcileSeconds'>;

/**
 * Built once per process: the rules of the subgraph, each taking its DataSource. The holds of
 * shared spaces go to the tenants subgraph's ledger (TENANTS_URL) unless a ledger is given (tests).
 */
export function createServices(ds: DataSource, config: ServicesConfig, ledger: SpaceLedger | null = ledgerFor(config, 'coworking')) {
  const log = createLogger('coworking', config.logLevel);
  const holds = eventHolds(ds, ledger, log, config);
  return {
    members: new MemberService(ds),
    memberAdmin: new MemberAdminService(ds),
    memberships: new MembershipService(ds),
    plans: new MembershipPlanService(ds),
    events: new EventService(ds),
    eventAdmin: new EventAdminService(ds, holds.writes),
    eventHolds: holds,
    presence: new PresenceService(ds),
    registrations: new RegistrationService(ds),
  };
}
export type CoworkingServices = ReturnType<typeof createServices>;

/** Built for every request: never shared, so one caller's cache never serves another. */
export function createLoaders(ds: DataSource, scope: RequestScope) {
  return { ...memberLoaders(ds), ...membershipLoaders(ds), ...eventLoaders(ds), ...calendarLoaders(ds), ...registrationLoaders(ds, scope) };
}
export type CoworkingLoaders = ReturnType<typeof createLoaders>;
