/**
 * Configuration is read once at boot, validated as a whole, and handed around as one typed
 * object. A service that finds a problem refuses to start and lists every problem at once.
 */
export type Env = Readonly<Record<string, string | undefined>>;

export class ConfigError extends Error {
  constructor(readonly problems: readonly string[]) {
    super(`Invalid configuration:\n${problems.map((p) => `  - ${p}`).join('\n')}`);
    this.name = 'ConfigError';
  }
}

/** One variable: its name, how to parse it, and whether it may be absent. */
export interface Variable<T> {
  readonly name: string;
  readonly description: string;
  read(env: Env, production: boolean): T;
}

type Parser<T> = (raw: string) => T;

interface Options<T> {
  description: string;
  /** Used when the variable is unset. A function receives whether NODE_ENV is production. */
  default?: T | ((production: boolean) => T | undefined);
  /** Absent is a valid value (undefined), not a problem. */
  optional?: boolean;
}

class Problem extends Error {}

function variable<T>(name: string, parse: Parser<T>, options: Options<T>): Variable<T> {
  return {
    name,
    description: options.description,
    read(env, production) {
      const raw = env[name];
      if (raw === undefined || raw === '') {
        const fallback = typeof options.default === 'function' ? (options.default as (p: boolean) => T | undefined)(production) : options.default;
        if (fallback === undefined && !options.optional) throw new Problem(`${name} is required (${options.description})`);
        return fallback as T;
      }
      try {
        return parse(raw);
      } catch (error) {
        throw new Problem(`${name}=${JSON.stringify(raw)} is invalid: ${(error as Error).message}`);
      }
    },
  };
}

export const v = {
  string: (name: string, options: Options<string>) => variable(name, (s) => s, options),
  optionalString: (name: string, description: string): Variable<string | undefined> =>
    variable<string | undefined>(name, (s) => s, { description, optional: true }),
  secret(name: string, options: Options<string>): Variable<string> {
    return variable(
      name,
      (s) => {
        if (s.length < 32) throw new Error('must be at least 32 characters');
        return s;
      },
      options,
    );
  },
  int(name: string, options: Options<number> & { min?: number; max?: number }): Variable<number> {
    return variable(
      name,
      (s) => {
        if (!/^-?\d+$/.test(s)) throw new Error('must be an integer');
        const n = Number(s);
        if (options.min !== undefined && n < options.min) throw new Error(`must be at least ${options.min}`);
        if (options.max !== undefined && n > options.max) throw new Error(`must be at most ${options.max}`);
        return n;
      },
      options,
    );
  },
  bool(name: string, options: Options<boolean>): Variable<boolean> {
    return variable(
      name,
      (s) => {
        if (/^(1|true|yes|on)$/i.test(s)) return true;
        if (/^(0|false|no|off)$/i.test(s)) return false;
        throw new Error('must be true or false');
      },
      options,
    );
  },
  url(name: string, options: Options<string> & { protocols?: string[] }): Variable<string> {
    return variable(
      name,
      (s) => {
        const url = new URL(s);
        const allowed = options.protocols ?? ['http:', 'https:'];
        if (!allowed.includes(url.protocol)) throw new Error(`protocol must be one of ${allowed.join(', ')}`);
        return s;
      },
      options,
    );
  },
  optionalUrl(name: string, description: string, protocols?: string[]): Variable<string | undefined> {
    return v.url(name, { description, protocols, optional: true }) as Variable<string | undefined>;
  },
  /** A value parsed by its own function, which throws an Error saying what is wrong. */
  custom<T>(name: string, parse: (raw: string) => T, options: Options<T>): Variable<T> {
    return variable(name, parse, options);
  },
  oneOf<const T extends string>(name: string, values: readonly T[], options: Options<T>): Variable<T> {
    return variable(
      name,
      (s) => {
        if (!values.includes(s as T)) throw new Error(`must be one of ${values.join(', ')}`);
        return s as T;
      },
      options,
    );
  },
};

export type Spec = Record<string, Variable<unknown>>;
export type ConfigOf<S extends Spec> = { readonly [K in keyof S]: S[K] extends Variable<infer T> ? T : never };

/** Reads every variable of the spec; throws one ConfigError naming every problem. */
export function readConfig<S extends Spec>(spec: S, env: Env = process.env): ConfigOf<S> {
  const production = env.NODE_ENV === 'production';
  const problems: string[] = [];
  const out: Record<string, unknown> = {};
  for (const [key, variable] of Object.entries(spec)) {
    try {
      out[key] = variable.read(env, production);
    } catch (error) {
      if (error instanceof Problem) problems.push(error.message);
      else throw error;
    }
  }
  if (problems.length > 0) throw new ConfigError(problems);
  return Object.freeze(out) as ConfigOf<S>;
}

/** For process entry points: on a bad configuration, print the list and exit with status 78 (EX_CONFIG). */
export function readConfigOrExit<S extends Spec>(spec: S, env: Env = process.env): ConfigOf<S> {
  try {
    return readConfig(spec, env);
  } catch (error) {
    if (error instanceof ConfigError) {
      process.stderr.write(`${error.message}\n`);
      process.exit(78);
    }
    throw error;
  }
}

/** Development-only defaults: a production deployment must set its own secrets. */
export const DEV_JWT_SECRET = 'dev-only-jwt-secret-la-maison-change-me-0001';
export const DEV_SIGNING_SECRET = 'dev-only-gateway-signing-secret-la-maison-0001';
export const devDefault =
  <T>(value: T) =>
  (production: boolean): T | undefined =>
    production ? undefined : value;

/** Variables every process shares. */
export const commonSpec = {
  nodeEnv: v.oneOf('NODE_ENV', ['development', 'test', 'production'] as const, {
    description: 'runtime mode; production turns off introspection and stack traces',
    default: 'development',
  }),
  logLevel: v.oneOf('LOG_LEVEL', ['debug', 'info', 'warn', 'error', 'silent'] as const, {
    description: 'minimum level of the JSON logs',
    default: 'info',
  }),
  signingSecret: v.secret('GATEWAY_SIGNING_SECRET', {
    description: 'HMAC secret shared by the gateway and the subgraphs to sign forwarded requests',
    default: devDefault(DEV_SIGNING_SECRET),
  }),
  signatureMaxAgeSeconds: v.int('SIGNATURE_MAX_AGE_SECONDS', {
    description: 'how old a gateway signature may be before a subgraph refuses it',
    default: 60,
    min: 1,
    max: 600,
  }),
};

/** REDIS_KEY_PREFIX: letters, digits and `:_.-`, 1 to 100 of them. */
export function parseRedisKeyPrefix(raw: string): string {
  if (!/^[A-Za-z0-9:_.-]{1,100}$/.test(raw)) throw new Error('expected 1 to 100 letters, digits or : _ . -');
  return raw;
}

/** The Redis that replicas share (gateway: rate limits, persisted queries, response cache; subgraphs: signature nonces). */
export const redisSpec = {
  redisUrl: v.optionalUrl('REDIS_URL', 'Redis shared by the replicas: rate limits, persisted queries, response cache, signature nonces', ['redis:', 'rediss:']),
  redisKeyPrefix: v.custom('REDIS_KEY_PREFIX', parseRedisKeyPrefix, {
    description: 'start of every key La Maison keeps in Redis (rate limits, persisted queries, response cache, nonces): one per deployment sharing a Redis',
    default: 'maison:',
  }),
};

/** The two languages of the house. French is the default and the fallback. */
export const LANGS = ['fr', 'en'] as const;
export type Lang = (typeof LANGS)[number];
export const DEFAULT_LANG: Lang = 'fr';

/** Picks fr or en from an Accept-Language header, honouring q-values; French when nothing matches. */
export function negotiateLang(header: string | undefined | null): Lang {
  if (!header) return DEFAULT_LANG;
  let best: { lang: Lang; q: number } | undefined;
  for (const part of header.split(',')) {
    const [tag = '', ...params] = part.trim().toLowerCase().split(';');
    const qParam = params.map((p) => p.trim()).find((p) => p.startsWith('q='));
    const q = qParam ? Number(qParam.slice(2)) : 1;
    if (!Number.isFinite(q) || q <= 0) continue;
    const primary = tag.split('-')[0] as Lang;
    if (LANGS.includes(primary) && (!best || q > best.q)) best = { lang: primary, q };
  }
  return best?.lang ?? DEFAULT_LANG;
}
