import { sharedSpaceRef, type SharedSpace } from './shared-space.entity';

export const spaceReference = {
  SharedSpace: {
    /** The tenants subgraph owns the space; the gallery needs only its id, so no SQL here. */
    __resolveReference(ref: { id: string }): SharedSpace {
      return sharedSpaceRef(ref.id);
    },
  },
};
