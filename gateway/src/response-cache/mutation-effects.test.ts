import { readFileSync } from 'node:fs';
import path from 'node:path';
import { buildSchema, getNamedType, isObjectType } from 'graphql';
import { changedTypes, MUTATION_SIDE_EFFECTS } from './mutation-effects';

/** The schema clients use (the gateway's API schema, printed by `npm run compose`). */
const api = buildSchema(readFileSync(path.resolve(__dirname, '../../../schema/client.graphql'), 'utf8'));
const mutations = Object.keys(api.getMutationType()!.getFields());

describe('what each mutation changes', () => {
  it('every mutation of the graph is in the map of side effects (a new one must be decided, never served stale)', () => {
    expect(mutations.length).toBeGreaterThan(40);
    expect(mutations.filter((name) => !Object.hasOwn(MUTATION_SIDE_EFFECTS, name))).toEqual([]);
    // And the map names no mutation that no longer exists.
    expect(Object.keys(MUTATION_SIDE_EFFECTS).filter((name) => !mutations.includes(name))).toEqual([]);
  });

  it('names only object types of the graph', () => {
    const named = Object.values(MUTATION_SIDE_EFFECTS).flatMap((types) => (types === 'everything' ? [] : types));
    expect(named.filter((type) => !isObjectType(api.getType(type)))).toEqual([]);
  });

  it('counts on TimeSlot being the type of SharedSpace.availability alone (a booking empties it, not the space)', () => {
    const returningTimeSlot = Object.values(api.getTypeMap())
      .filter(isObjectType)
      .flatMap((type) => Object.values(type.getFields()).map((field) => ({ at: `${type.name}.${field.name}`, type: getNamedType(field.type).name })))
      .filter((field) => field.type === 'TimeSlot')
      .map((field) => field.at);
    expect(returningTimeSlot).toEqual(['SharedSpace.availability']);
  });

  it('is what the payload returns plus the side effects it does not show', () => {
    // A booking's payload holds the booking; the space's availability (TimeSlot) changes with it, not its name.
    expect(changedTypes(api, 'bookSharedSpace')).toEqual(['BookSharedSpacePayload', 'SpaceBooking', 'TimeSlot']);
    // A series' payload holds occurrences; the bookings and the availability change.
    expect(changedTypes(api, 'bookSharedSpaceSeries')).toEqual(['BookSharedSpaceSeriesPayload', 'SeriesOccurrence', 'SpaceBooking', 'TimeSlot']);
    // A vernissage in a shared space holds it in the ledger.
    expect(changedTypes(api, 'createExhibition')).toEqual(['CreateExhibitionPayload', 'Exhibition', 'SpaceBooking', 'TimeSlot', 'Vernissage']);
    expect(changedTypes(api, 'registerForEvent')).toEqual(['CoworkingEvent', 'EventRegistration', 'RegisterForEventPayload']);
    expect(changedTypes(api, 'markArtworkSold')).toEqual(['Artwork', 'MarkArtworkSoldPayload']);
    expect(changedTypes(api, 'updateSpaceRules')).toEqual(['SharedSpace', 'SpaceBooking', 'UpdateSpaceRulesPayload']);
    // Never the UserError type: every payload has one.
    for (const name of mutations) expect(changedTypes(api, name)).not.toContain('UserError');
  });

  it('is everything for a mutation missing from the map, or one the schema does not have', () => {
    const schema = buildSchema('type Query { a: Int } type Mutation { brandNew: Thing } type Thing { x: Int }');
    expect(changedTypes(schema, 'brandNew')).toBe('everything');
    expect(changedTypes(api, 'noSuchMutation')).toBe('everything');
  });
});
