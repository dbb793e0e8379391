import { mkdtempSync, rmSync } from 'node:fs';
import { Agent, request } from 'node:http';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { addDays, stableId, todayInHouse } from '@maison/house';
import { admin, asTenant, startGraph, tokenFor, type RunningGraph } from '@maison/testing';

/**
 * SIGTERM to `npm start` under load (issue 14, promise 2): the launcher stops the gateway first,
 * which stops accepting and answers everything it has, then the subgraphs, then PostgreSQL. Every
 * request written before the signal gets its real answer: 200 with data, no SUBGRAPH_UNAVAILABLE,
 * no connection reset.
 */
const dataDir = mkdtempSync(path.join(tmpdir(), 'maison-shutdown-'));
const IN_FLIGHT = 48;
let graph: RunningGraph;
beforeAll(async () => {
  graph = await startGraph({ embedded: true, env: { DATA_DIR: dataDir } });
}, 180_000);
afterAll(async () => {
  await graph?.stop();
  rmSync(dataDir, { recursive: true, force: true });
});

interface Answer {
  status: number;
  body: { data?: Record<string, any> | null; errors?: unknown[] };
}

/**
 * POSTs one operation on a keep-alive socket of agent; `written` resolves once the whole request is
 * handed to the socket, `answer` with the response (or the socket's error).
 */
function post(agent: Agent, token: string, query: string, variables: Record<string, unknown> = {}) {
  const url = new URL(graph.gatewayUrl);
  const payload = JSON.stringify({ query, variables });
  let written!: () => void;
  const sent = new Promise<void>((resolve) => (written = resolve));
  const answer = new Promise<Answer>((resolve, reject) => {
    const req = request(
      {
        agent,
        host: url.hostname,
        port: url.port,
        path: url.pathname,
        method: 'POST',
        headers: { 'content-type': 'application/json', authorization: `Bearer ${token}` },
      },
      (res) => {
        let text = '';
        res.setEncoding('utf8');
        res.on('data', (chunk: string) => (text += chunk));
        res.on('end', () => resolve({ status: res.statusCode ?? 0, body: JSON.parse(text) as Answer['body'] }));
        res.on('error', reject);
      },
    );
    req.on('error', reject);
    req.on('finish', written);
    req.end(payload);
  });
  return { sent, answer };
}

const CALENDAR = `query($from: LocalDate!, $to: LocalDate!) {
  calendar(from: $from, to: $to) { date spaceBookings { title space { name } } coworkingEvents { title } exhibitionsOnView { title } vernissages { title } }
}`;
const AVAILABILITY = `query($date: LocalDate!) { sharedSpace(slug: "cuisine") { availability(date: $date, durationMinutes: 60) { startsAt endsAt } } }`;
const BOOK = `mutation($input: BookSharedSpaceInput!) { bookSharedSpace(input: $input) { booking { id } userErrors { code } } }`;

it('answers every request written before SIGTERM, then stops the gateway, the subgraphs and PostgreSQL in that order', async () => {
  const adminToken = tokenFor(admin);
  const tenantToken = tokenFor(asTenant('graphisme'));
  const today = todayInHouse();
  const day = addDays(today, 20);
  const offers = (await graph.data(AVAILABILITY, { date: day }, { identity: asTenant('graphisme') })).sharedSpace.availability as {
    startsAt: string;
    endsAt: string;
  }[];
  expect(offers.length).toBeGreaterThanOrEqual(4); // the first and the last offers of the day are far apart

  // As many open keep-alive connections as requests to come, each accepted by the gateway already.
  const agent = new Agent({ keepAlive: true, maxSockets: IN_FLIGHT });
  const warm = Array.from({ length: IN_FLIGHT }, () => post(agent, adminToken, '{ house { name } }').answer);
  for (const answer of await Promise.all(warm)) expect(answer.status).toBe(200);

  // The load: calendars that ask all three subgraphs (signed in: never from the response cache) and two bookings.
  const load = Array.from({ length: IN_FLIGHT }, (_, i) =>
    i % 24 === 0
      ? post(agent, tenantToken, BOOK, {
          input: { spaceId: stableId('shared-space', 'cuisine'), ...(i === 0 ? offers[0]! : offers[offers.length - 1]!), title: `Avant l’arrêt ${i}` },
        })
      : post(agent, adminToken, CALENDAR, { from: today, to: addDays(today, 13) }),
  );
  await Promise.all(load.map((l) => l.sent));
  let signalled = false;
  const afterSignal = load.map((l) => l.answer.then(() => signalled));
  graph.launcher.kill('SIGTERM');
  signalled = true;

  const answers = await Promise.all(load.map((l) => l.answer));
  // The signal came while the gateway still had requests to answer.
  const answeredAfterSignal = (await Promise.all(afterSignal)).filter(Boolean).length;
  expect(answeredAfterSignal).toBeGreaterThan(0);
  for (const answer of answers) {
    expect(answer.status).toBe(200);
    expect(answer.body.errors).toBeUndefined();
    expect(answer.body.data).toBeTruthy();
  }
  const bookings = answers.filter((a) => a.body.data?.bookSharedSpace);
  expect(bookings).toHaveLength(2);
  for (const booking of bookings) expect(booking.body.data!.bookSharedSpace).toEqual({ booking: { id: expect.any(String) }, userErrors: [] });

  expect(await graph.stop()).toBe(0);
  const output = graph.output();
  const at = (pattern: RegExp) => output.search(pattern);
  const gateway = at(/\[la-maison\] gateway stopped \(code 0\)/);
  const subgraphs = ['tenants', 'coworking', 'gallery'].map((name) => at(new RegExp(`\\[la-maison\\] ${name} stopped \\(code 0\\)`)));
  const postgres = at(/\[la-maison\] PostgreSQL stopped/);
  expect(gateway).toBeGreaterThan(0);
  for (const subgraph of subgraphs) {
    expect(subgraph).toBeGreaterThan(gateway);
    expect(postgres).toBeGreaterThan(subgraph);
  }
  agent.destroy();
  const stops = output.match(/^\[la-maison\] .*stopped.*$/gm)!.join('; ');
  process.stdout.write(`ordered shutdown: ${answeredAfterSignal} of ${IN_FLIGHT} requests answered after SIGTERM, all 200 with data; ${stops}\n`);
});
