import { Field, InputType } from 'type-graphql';

/** ADMIN's override of a shared space's rules, the same input in every subgraph whose rows hold a shared space. */
@InputType({
  description:
    'ADMIN only: hold the shared space despite its capacity, opening hours and season (the limits only bookings keep, notice, horizon, durations and quota, never apply to events and vernissages). The reason is kept in the booking history of the space, even when no rule would have refused. Overlaps are never overridden.',
})
export class SpaceRulesOverrideInput {
  @Field({ description: 'Why (1 to 500 printable characters), e.g. "Atelier debout, la cuisine et le salon ouverts".' })
  reason!: string;
}
