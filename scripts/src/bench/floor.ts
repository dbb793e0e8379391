import http from 'node:http';

/**
 * The calendar's floor: the subgraph calls of the gateway's query plan, sent straight to the
 * subgraphs in the plan's pattern, signed as a gateway would. Tenants answers the days and their
 * bookings; then coworking (its events of those days) and gallery (exhibitions and vernissages) in
 * parallel; and, as the plan does, tenants again for the names of the shared spaces of those events
 * when there are any. No planning, no merging beyond collecting the answers.
 */
export type SubgraphName = 'tenants' | 'coworking' | 'gallery';
type Sign = (body: string) => Record<string, string>;

const agent = new http.Agent({ keepAlive: true, maxSockets: Infinity });

/** One signed POST of a GraphQL body on a kept-alive socket: the parsed answer. */
export function post(url: string, body: string, headers: Record<string, string>): Promise<{ status: number; json: any }> {
  return new Promise((resolve, reject) => {
    const request = http.request(
      url,
      { method: 'POST', agent, headers: { 'content-type': 'application/json', 'content-length': String(Buffer.byteLength(body)), ...headers } },
      (response) => {
        const chunks: Buffer[] = [];
        response.on('data', (c: Buffer) => chunks.push(c));
        response.on('end', () => {
          try {
            resolve({ status: response.statusCode ?? 0, json: JSON.parse(Buffer.concat(chunks).toString('utf8')) });
          } catch (error) {
            reject(error as Error);
          }
        });
        response.on('error', reject);
      },
    );
    request.on('error', reject);
    request.end(body);
  });
}

// The fetches of the plan of the benchmark's whats-on (Apollo's query planner over the supergraph).
const TENANTS_DAYS = `query($from: LocalDate!, $to: LocalDate!) { calendar(from: $from, to: $to) { __typename date spaceBookings { id title startsAt endsAt space { name } } } }`;
const COWORKING_DAYS = `query($representations: [_Any!]!) { _entities(representations: $representations) { ... on CalendarDay {
  coworkingEvents { id title startsAt endsAt room sharedSpace { __typename id } } } } }`;
const GALLERY_DAYS = `query($representations: [_Any!]!) { _entities(representations: $representations) { ... on CalendarDay {
  exhibitionsOnView { id title endsOn } vernissages { id title vernissage { startsAt venueName } } } } }`;
const TENANTS_SPACES = `query($representations: [_Any!]!) { _entities(representations: $representations) { ... on SharedSpace { name } } }`;

const gql = (query: string, variables: Record<string, unknown>) => JSON.stringify({ query, variables });
const answered = (a: { status: number; json: any }, length: number) =>
  a.status === 200 && !a.json?.errors && Array.isArray(a.json?.data?._entities) && a.json.data._entities.length === length;

/** One calendar of `days` days through the plan's calls; resolves whether every answer was right. */
export async function calendarFloor(urls: Record<SubgraphName, string>, range: { from: string; to: string; days: number }, sign: Sign): Promise<boolean> {
  const send = (subgraph: SubgraphName, body: string) => post(urls[subgraph], body, sign(body));
  const first = await send('tenants', gql(TENANTS_DAYS, { from: range.from, to: range.to }));
  const days: { date: string }[] | undefined = first.json?.data?.calendar;
  if (first.status !== 200 || first.json?.errors || !Array.isArray(days) || days.length !== range.days) return false;
  const representations = days.map((d) => ({ __typename: 'CalendarDay', date: d.date }));
  const [coworking, gallery] = await Promise.all([
    send('coworking', gql(COWORKING_DAYS, { representations })),
    send('gallery', gql(GALLERY_DAYS, { representations })),
  ]);
  if (!answered(coworking, days.length) || !answered(gallery, days.length)) return false;
  const spaces = new Map<string, unknown>();
  for (const day of coworking.json.data._entities as { coworkingEvents: { sharedSpace: { id: string } | null }[] | null }[]) {
    for (const event of day.coworkingEvents ?? []) if (event.sharedSpace) spaces.set(event.sharedSpace.id, event.sharedSpace);
  }
  if (spaces.size === 0) return true;
  return answered(await send('tenants', gql(TENANTS_SPACES, { representations: [...spaces.values()] })), spaces.size);
}
