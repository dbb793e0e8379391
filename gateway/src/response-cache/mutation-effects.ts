import { getNamedType, isCompositeType, isObjectType, type GraphQLSchema } from 'graphql';
import { addObjectTypes } from './answer-types';

/** A mutation field's effect on cached answers: the types it changes, or everything. */
export type ChangedTypes = readonly string[] | 'everything';

/**
 * The house ledger: a booking, a closure or a hold changes the bookings and the spaces'
 * availability. TimeSlot is the type of `SharedSpace.availability` and of nothing else, so the
 * answers about a space that do not ask for its availability (its name, rules, walls) stay.
 */
const LEDGER = ['SpaceBooking', 'TimeSlot'];
/** Names shown as a booking's holder (`SpaceBooking.holder.name`) come from tenants, members and artists. */
const HOLDER = ['BookingHolder'];

/**
 * What each mutation changes besides the types its payload returns (those are always counted,
 * see changedTypes): the side effects its payload does not show. Tags are types: a field derived
 * from other data (seats left, availability) is reached through the type of its answer or of its
 * parent, so adding one means checking the mutations that change what it derives from. A mutation field missing here
 * empties the whole cache (a test fails on any mutation of the supergraph missing here, so a new
 * one is a decision, never a silently stale answer); 'everything' says so on purpose.
 */
export const MUTATION_SIDE_EFFECTS: Readonly<Record<string, ChangedTypes>> = {
  // Espace KO
  createMember: [],
  updateMember: HOLDER,
  // Checked out, registrations to events not yet started cancelled (a freed seat goes to the first waiting).
  deactivateMember: ['CheckIn', 'CoworkingOccupancy', 'EventRegistration', 'CoworkingEvent', 'Membership', ...HOLDER],
  reactivateMember: ['Membership', ...HOLDER],
  updateMyProfile: HOLDER,
  joinPlan: [],
  cancelMembership: [],
  createMembershipPlan: [],
  updateMembershipPlan: [],
  // An event in a shared space holds it in the ledger; a cancelled one also cancels its registrations.
  createCoworkingEvent: LEDGER,
  updateCoworkingEvent: LEDGER,
  cancelCoworkingEvent: ['EventRegistration', ...LEDGER],
  // Occupancy counts who is in; a 10-day card loses a day.
  checkIn: ['CoworkingOccupancy', 'Membership'],
  checkOut: ['CoworkingOccupancy'],
  setCoworkingCapacity: [],
  // seatsLeft of the event.
  registerForEvent: ['CoworkingEvent'],
  cancelEventRegistration: ['CoworkingEvent'],
  // Le Vivoir
  createArtist: [],
  // A public or private artist shows or hides their works.
  updateArtist: ['Artwork', ...HOLDER],
  // An answer showing the work (an artist's works, an exhibition's, a space's) holds the Artwork type.
  markArtworkSold: [],
  createArtwork: [],
  updateArtwork: [],
  retireArtwork: [],
  placeArtwork: ['ArtworkPlacement'],
  addArtworksToExhibition: ['Artwork'],
  removeArtworksFromExhibition: ['Artwork'],
  addArtistsToExhibition: [],
  removeArtistsFromExhibition: [],
  // A vernissage in a shared space holds it in the ledger.
  createExhibition: ['Vernissage', ...LEDGER],
  updateExhibition: ['Vernissage', ...LEDGER],
  cancelExhibition: ['Exhibition', 'Vernissage', 'Artwork', ...LEDGER],
  assignStudio: ['Studio'],
  endStudioAssignment: ['Studio'],
  bookStudio: ['Studio'],
  cancelStudioBooking: ['Studio'],
  // The house
  createTenant: [],
  updateTenant: HOLDER,
  // Its offices end today, its future bookings are cancelled.
  archiveTenant: ['Office', ...LEDGER, ...HOLDER],
  assignOffice: [],
  endOffice: [],
  createSharedSpace: [],
  // A vernissage's venueName is its space's name.
  updateSharedSpace: ['Vernissage'],
  updateSpaceRules: [],
  bookSharedSpace: LEDGER,
  rescheduleSpaceBooking: LEDGER,
  cancelSpaceBooking: LEDGER,
  bookSharedSpaceSeries: LEDGER,
  cancelSpaceBookingSeries: LEDGER,
  closeSharedSpace: LEDGER,
};

/** Changed types by schema, then by mutation field. */
const known = new WeakMap<GraphQLSchema, Map<string, ChangedTypes>>();

/**
 * The types a mutation field changes when it succeeds: the types its payload returns (the payload
 * type and the named type of each of its fields, but the UserError list), plus its side effects
 * (MUTATION_SIDE_EFFECTS); everything for a field missing from that map.
 */
export function changedTypes(schema: GraphQLSchema, fieldName: string): ChangedTypes {
  let ofSchema = known.get(schema);
  if (!ofSchema) known.set(schema, (ofSchema = new Map()));
  const cached = ofSchema.get(fieldName);
  if (cached) return cached;
  const sideEffects = Object.hasOwn(MUTATION_SIDE_EFFECTS, fieldName) ? MUTATION_SIDE_EFFECTS[fieldName]! : 'everything';
  const field = schema.getMutationType()?.getFields()[fieldName];
  let changed: ChangedTypes = 'everything';
  if (field && sideEffects !== 'everything') {
    const types = new Set<string>();
    const payload = getNamedType(field.type);
    if (isCompositeType(payload)) addObjectTypes(schema, payload, types);
    if (isObjectType(payload)) {
      for (const child of Object.values(payload.getFields())) {
        const named = getNamedType(child.type);
        if (isCompositeType(named) && named.name !== 'UserError') addObjectTypes(schema, named, types);
      }
    }
    for (const type of sideEffects) types.add(type);
    changed = [...types].sort();
  }
  ofSchema.set(fieldName, changed);
  return changed;
}
