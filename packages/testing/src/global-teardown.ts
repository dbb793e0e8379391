export default async function globalTeardown(): Promise<void> {
  const pg = (globalThis as { __MAISON_PG__?: { stop(): Promise<void> } }).__MAISON_PG__;
  if (pg) await pg.stop();
}
