import type { DataSource } from 'typeorm';
import type { RequestScope } from '@maison/kit';
import { MemberService } from './modules/member/member.service';
import { memberLoaders } from './modules/member/member.loader';
import { MembershipService } from './modules/membership/membership.service';
import { membershipLoaders } from './modules/membership/membership.loader';
import { EventService } from './modules/event/event.service';
import { eventLoaders } from './modules/event/event.loader';
import { calendarLoaders } from './modules/calendar/calendar.loader';

/** Built once per process: the rules of the subgraph, each taking its DataSource. */
export function createServices(ds: DataSource) {
  return {
    members: new MemberService(ds),
    memberships: new MembershipService(ds),
    events: new EventService(ds),
  };
}
export type CoworkingServices = ReturnType<typeof createServices>;

/** Built for every request: never shared, so one caller's cache never serves another. */
export function createLoaders(ds: DataSource, _scope: RequestScope) {
  return { ...memberLoaders(ds), ...membershipLoaders(ds), ...eventLoaders(ds), ...calendarLoaders(ds) };
}
export type CoworkingLoaders = ReturnType<typeof createLoaders>;
