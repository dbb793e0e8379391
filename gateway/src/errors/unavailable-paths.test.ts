import { parse } from 'graphql';
import { emptiedPaths, fetchedFields } from './unavailable-paths';

describe('the fields a subgraph call fills', () => {
  it('are the root fields of a root call, by response name', () => {
    expect(fetchedFields(parse('{ a: sharedSpace(slug: "cuisine") { name } house { name } __typename }'), undefined)).toEqual(['a', 'house']);
  });
  it('are the fields of the fragments of an entity call', () => {
    const query =
      'query($representations: [_Any!]!) { _entities(representations: $representations) { ... on CalendarDay { __typename coworkingEvents { title } } ... on SharedSpace { coworkingEvents { title } events: coworkingEvents { id } } } }';
    expect(fetchedFields(undefined, query)).toEqual(['coworkingEvents', 'events']);
  });
});

describe('the paths a failed call left empty', () => {
  const days = {
    calendar: [
      { date: '2026-12-01', coworkingEvents: null },
      { date: '2026-12-02', coworkingEvents: null },
    ],
  };

  it('expand the entities of a list, one path per item', () => {
    expect(emptiedPaths(days, { subgraph: 'coworking', at: ['calendar', '@'], fields: ['coworkingEvents'] })).toEqual([
      ['calendar', 0, 'coworkingEvents'],
      ['calendar', 1, 'coworkingEvents'],
    ]);
  });

  it('skip fields that hold data (an item of another type, or one another call filled)', () => {
    const mixed = { calendar: [{ coworkingEvents: [] }, { coworkingEvents: null }] };
    expect(emptiedPaths(mixed, { subgraph: 'coworking', at: ['calendar', '@'], fields: ['coworkingEvents'] })).toEqual([['calendar', 1, 'coworkingEvents']]);
  });

  it('stop at the highest null when the null went up to a parent', () => {
    expect(emptiedPaths({ sharedSpace: null }, { subgraph: 'gallery', at: ['sharedSpace'], fields: ['artworksOnDisplay'] })).toEqual([['sharedSpace']]);
    expect(emptiedPaths(null, { subgraph: 'tenants', at: [], fields: ['bookSharedSpace'] })).toEqual([['bookSharedSpace']]);
    expect(emptiedPaths(null, { subgraph: 'coworking', at: ['calendar', '@'], fields: ['coworkingEvents'] })).toEqual([['calendar']]);
  });

  it('name each path once', () => {
    expect(emptiedPaths({ a: null }, { subgraph: 'tenants', at: [], fields: ['a', 'a'] })).toEqual([['a']]);
  });
});
