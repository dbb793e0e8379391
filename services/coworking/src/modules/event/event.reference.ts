import type { Context } from '../../context';
import type { CoworkingEvent } from './coworking-event.entity';

export const eventReference = {
  CoworkingEvent: {
    __resolveReference(ref: { id: string }, ctx: Context): Promise<CoworkingEvent | null> {
      return ctx.loaders.eventById.load(ref.id);
    },
  },
};
