import { registerEnumType } from 'type-graphql';

export enum BookingStatus {
  CONFIRMED = 'CONFIRMED',
  CANCELLED = 'CANCELLED',
}
registerEnumType(BookingStatus, { name: 'BookingStatus' });

export enum BookingVisibility {
  PUBLIC = 'PUBLIC',
  PRIVATE = 'PRIVATE',
}
registerEnumType(BookingVisibility, {
  name: 'BookingVisibility',
  description: 'PUBLIC bookings (an open lunch, a workshop) show in the house calendar with their title.',
});

export enum HolderKind {
  TENANT = 'TENANT',
  MEMBER = 'MEMBER',
  ARTIST = 'ARTIST',
  HOUSE = 'HOUSE',
}
registerEnumType(HolderKind, { name: 'HolderKind', description: 'Who holds a booking: a tenant, a coworking member, an artist, or the house.' });

export enum BookingKind {
  BOOKING = 'BOOKING',
  CLOSURE = 'CLOSURE',
  EVENT = 'EVENT',
}
registerEnumType(BookingKind, {
  name: 'BookingKind',
  description: 'A booking, a closure of the space (holiday, maintenance), or the hold of a coworking event or vernissage.',
});

export enum BookingAction {
  CREATED = 'CREATED',
  RESCHEDULED = 'RESCHEDULED',
  CANCELLED = 'CANCELLED',
}
registerEnumType(BookingAction, { name: 'BookingAction' });
