/**
 * The GraphQL documents the client sends to the tenants subgraph's HoldResolver. A unit test
 * validates each one against services/tenants/schema.graphql, so a change of the ledger's schema
 * that the client does not follow fails there, not in production.
 */
const OUTCOME = 'booking { startsAt endsAt title space { id } } userErrors { code field } spaceCapacity';

export const HOLD_DOCUMENT = `mutation HoldSharedSpace($input: HoldSharedSpaceInput!) {
  holdSharedSpace(input: $input) { ${OUTCOME} }
}`;

export const MOVE_DOCUMENT = `mutation MoveSpaceHold(
  $reference: String!, $spaceId: ID!, $startsAt: DateTime!, $endsAt: DateTime!, $title: String!, $attendees: Int, $override: HoldOverrideInput
) {
  moveSpaceHold(
    reference: $reference, spaceId: $spaceId, startsAt: $startsAt, endsAt: $endsAt, title: $title, attendees: $attendees, override: $override
  ) { ${OUTCOME} }
}`;

export const RELEASE_DOCUMENT = `mutation ReleaseSpaceHold($reference: String!) {
  releaseSpaceHold(reference: $reference) { ${OUTCOME} }
}`;

export const LIVE_HOLDS_DOCUMENT = `query LiveSpaceHolds($kind: String!, $endingAfter: DateTime!, $after: String, $first: Int!) {
  liveSpaceHolds(kind: $kind, endingAfter: $endingAfter, after: $after, first: $first) { reference spaceId startsAt endsAt title }
}`;

/** Every document, by the root field it calls. */
export const LEDGER_DOCUMENTS = {
  holdSharedSpace: HOLD_DOCUMENT,
  moveSpaceHold: MOVE_DOCUMENT,
  releaseSpaceHold: RELEASE_DOCUMENT,
  liveSpaceHolds: LIVE_HOLDS_DOCUMENT,
} as const;
export type LedgerOperation = keyof typeof LEDGER_DOCUMENTS;
