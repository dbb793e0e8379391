import { SharedSpace } from './shared-space.entity';

/** No lookup: the tenants subgraph owns the space, coworking only needs its id. */
export const spaceReference = {
  SharedSpace: {
    __resolveReference(ref: { id: string }): SharedSpace {
      return Object.assign(new SharedSpace(), { id: ref.id });
    },
  },
};
