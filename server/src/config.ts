import { randomBytes } from 'node:crypto';
import { existsSync, mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { isIP } from 'node:net';
import path from 'node:path';

export type PaymentsMode = 'dev' | 'stripe';

export type Config = {
  env: 'development' | 'production' | 'test';
  host: string;
  port: number;
  /** Base URL browsers use to reach this server (links in emails, .ics, return URLs). */
  publicUrl: string;
  dataDir: string;
  /** `postgres://…` selects PostgreSQL; unset, the SQLite file `lectern.sqlite` in `dataDir`. */
  databaseUrl?: string;
  /** PostgreSQL connections per process. */
  databasePoolSize: number;
  /** Signs owner sessions, tickets and room credentials. */
  secret: string;
  logLevel: string;
  bodyLimitBytes: number;
  rateLimit: { readPerMinute: number; writePerMinute: number };
  /**
   * Load balancers whose `X-Forwarded-For` names the client (addresses or CIDR blocks, e.g.
   * `10.0.0.0/8`); empty: the TCP peer is the client, whatever the header says.
   */
  trustedProxies: string[];
  ownerSessionSeconds: number;
  seedDemo: boolean;
  serveExamples: boolean;
  payments: PaymentsMode;
  stripe: {
    secretKey?: string;
    publishableKey?: string;
    webhookSecret?: string;
    /** Points the official SDK at another API host (a local fake in tests). */
    apiHost?: string;
    apiPort?: number;
    apiProtocol?: 'http' | 'https';
  };
  smtp: { url?: string; from: string };
  /** Share of readers (by anonymous id) shown model recommendations; the rest get popularity. */
  recoSplit: number;
  /** Retrain a site's model after this many new uploaded events (0 = only on demand). */
  recoRetrainEvents: number;
  /** …and at most once per this many seconds per site. */
  recoRetrainIntervalSeconds: number;
  rooms: RoomsConfig;
  holds: HoldsConfig;
};

/** How many seats one reader may hold unpaid or unconfirmed at once (checkout/hold-limits.ts); 0 = no cap. */
export type HoldsConfig = {
  perClientWorkshop: number;
  perEmailWorkshop: number;
  perClientSite: number;
  /** A free registration holds its seat this long until the emailed link confirms it. */
  freeHoldMinutes: number;
};

/** Live rooms (server/src/rooms): when they open, how many learners, and how browsers reach each other. */
export type RoomsConfig = {
  /** Learners and host may join this long before the start… */
  openBeforeMinutes: number;
  /** …and until this long after the scheduled end. */
  graceMinutes: number;
  learnerLimit: number;
  stunUrls: string[];
  /** TURN with the coturn REST shared-secret scheme; browsers get credentials valid for `ttlSeconds`. */
  turn: { urls: string[]; secret?: string; ttlSeconds: number };
};

export class ConfigError extends Error {
  override name = 'ConfigError';
}

type Env = Record<string, string | undefined>;

function int(env: Env, name: string, fallback: number): number {
  const raw = env[name];
  if (raw === undefined || raw === '') return fallback;
  const n = Number(raw);
  if (!Number.isInteger(n) || n < 0)
    throw new ConfigError(`${name} must be a non-negative integer, got "${raw}"`);
  return n;
}

function fraction(env: Env, name: string, fallback: number): number {
  const raw = env[name];
  if (raw === undefined || raw === '') return fallback;
  const n = Number(raw);
  if (!(n >= 0 && n <= 1)) throw new ConfigError(`${name} must be a number from 0 to 1, got "${raw}"`);
  return n;
}

function bool(env: Env, name: string, fallback: boolean): boolean {
  const raw = env[name];
  if (raw === undefined || raw === '') return fallback;
  return raw === '1' || raw.toLowerCase() === 'true';
}

/**
 * In development a missing secret is generated once and kept in the data dir so that tokens stay
 * valid across restarts; in production it must be given.
 */
function loadSecret(env: Env, mode: Config['env'], dataDir: string): string {
  const given = env.LECTERN_SECRET;
  if (given) {
    if (given.length < 32) throw new ConfigError('LECTERN_SECRET must be at least 32 characters');
    return given;
  }
  if (mode === 'production') {
    throw new ConfigError(
      'LECTERN_SECRET is required when NODE_ENV=production (at least 32 random characters)',
    );
  }
  const file = path.join(dataDir, 'secret');
  if (existsSync(file)) return readFileSync(file, 'utf8').trim();
  mkdirSync(dataDir, { recursive: true });
  const secret = randomBytes(32).toString('base64url');
  writeFileSync(file, `${secret}\n`, { mode: 0o600 });
  return secret;
}

/** Reads configuration from the environment; every variable is documented in server/README.md. */
export function loadConfig(env: Env = process.env): Config {
  const mode: Config['env'] =
    env.NODE_ENV === 'production' ? 'production' : env.NODE_ENV === 'test' ? 'test' : 'development';
  const port = int(env, 'PORT', 8787);
  const host = env.HOST || '127.0.0.1';
  // Relative to where the person ran the command (`npm start` from the repo root → ./data there).
  const dataDir = path.resolve(env.INIT_CWD ?? process.cwd(), env.LECTERN_DATA_DIR || './data');
  if (mode === 'production' && !env.LECTERN_PUBLIC_URL) {
    throw new ConfigError(
      'LECTERN_PUBLIC_URL is required when NODE_ENV=production, e.g. https://lectern.example',
    );
  }
  const publicUrl = (env.LECTERN_PUBLIC_URL || `http://localhost:${port}`).replace(/\/+$/, '');
  const stripeKey = env.STRIPE_SECRET_KEY;
  const payments = (env.LECTERN_PAYMENTS as PaymentsMode | undefined) ?? (stripeKey ? 'stripe' : 'dev');
  if (payments !== 'dev' && payments !== 'stripe') {
    throw new ConfigError(`LECTERN_PAYMENTS must be "dev" or "stripe", got "${payments}"`);
  }
  if (payments === 'dev' && mode === 'production') {
    throw new ConfigError('LECTERN_PAYMENTS=dev is refused when NODE_ENV=production: set STRIPE_SECRET_KEY');
  }
  if (payments === 'stripe') {
    if (!stripeKey) throw new ConfigError('STRIPE_SECRET_KEY is required when LECTERN_PAYMENTS=stripe');
    if (!env.STRIPE_WEBHOOK_SECRET)
      throw new ConfigError('STRIPE_WEBHOOK_SECRET is required with Stripe payments');
  }
  const apiProtocol = env.STRIPE_API_PROTOCOL;
  if (apiProtocol && apiProtocol !== 'http' && apiProtocol !== 'https') {
    throw new ConfigError('STRIPE_API_PROTOCOL must be http or https');
  }
  return {
    env: mode,
    host,
    port,
    publicUrl,
    dataDir,
    databaseUrl: loadDatabaseUrl(env),
    databasePoolSize: loadPoolSize(env),
    secret: loadSecret(env, mode, dataDir),
    logLevel: env.LECTERN_LOG_LEVEL || (mode === 'test' ? 'silent' : 'info'),
    bodyLimitBytes: int(env, 'LECTERN_BODY_LIMIT', 64 * 1024),
    rateLimit: {
      readPerMinute: int(env, 'LECTERN_RATE_LIMIT_READ', 1200),
      writePerMinute: int(env, 'LECTERN_RATE_LIMIT_WRITE', 120),
    },
    trustedProxies: loadTrustedProxies(env),
    ownerSessionSeconds: int(env, 'LECTERN_OWNER_SESSION_SECONDS', 3600),
    seedDemo: bool(env, 'LECTERN_SEED_DEMO', mode !== 'production'),
    serveExamples: bool(env, 'LECTERN_SERVE_EXAMPLES', mode !== 'production'),
    payments,
    stripe: {
      secretKey: stripeKey,
      publishableKey: env.STRIPE_PUBLISHABLE_KEY,
      webhookSecret: env.STRIPE_WEBHOOK_SECRET,
      apiHost: env.STRIPE_API_HOST,
      apiPort: env.STRIPE_API_PORT ? int(env, 'STRIPE_API_PORT', 443) : undefined,
      apiProtocol: apiProtocol as 'http' | 'https' | undefined,
    },
    recoSplit: fraction(env, 'LECTERN_RECO_SPLIT', 0.9),
    recoRetrainEvents: int(env, 'LECTERN_RECO_RETRAIN_EVENTS', 500),
    recoRetrainIntervalSeconds: int(env, 'LECTERN_RECO_RETRAIN_INTERVAL_SECONDS', 900),
    smtp: { url: env.SMTP_URL, from: env.MAIL_FROM || 'Lectern <tickets@localhost>' },
    rooms: loadRoomsConfig(env),
    holds: loadHoldsConfig(env),
  };
}

function loadDatabaseUrl(env: Env): string | undefined {
  const raw = env.LECTERN_DATABASE_URL;
  if (!raw) return undefined;
  if (!/^postgres(ql)?:\/\/./.test(raw)) {
    throw new ConfigError(
      'LECTERN_DATABASE_URL must be a PostgreSQL URL, e.g. postgres://lectern@db.internal/lectern (unset: SQLite in LECTERN_DATA_DIR)',
    );
  }
  return raw;
}

function loadTrustedProxies(env: Env): string[] {
  const entries = (env.LECTERN_TRUSTED_PROXIES ?? '')
    .split(',')
    .map((entry) => entry.trim())
    .filter(Boolean);
  for (const entry of entries) {
    const [address, prefix, extra] = entry.split('/');
    const family = isIP(address);
    const bits = family === 6 ? 128 : 32;
    const prefixOk = prefix === undefined || (/^\d{1,3}$/.test(prefix) && Number(prefix) <= bits);
    if (family === 0 || !prefixOk || extra !== undefined)
      throw new ConfigError(
        `LECTERN_TRUSTED_PROXIES must list IP addresses or CIDR blocks separated by commas (e.g. 10.0.0.0/8,127.0.0.1), got "${entry}"`,
      );
  }
  return entries;
}

function loadPoolSize(env: Env): number {
  const size = int(env, 'LECTERN_DATABASE_POOL_SIZE', 10);
  if (size < 1) throw new ConfigError('LECTERN_DATABASE_POOL_SIZE must be at least 1');
  return size;
}

function loadHoldsConfig(env: Env): HoldsConfig {
  const freeHoldMinutes = int(env, 'LECTERN_FREE_HOLD_MINUTES', 15);
  if (freeHoldMinutes < 1) throw new ConfigError('LECTERN_FREE_HOLD_MINUTES must be at least 1');
  return {
    perClientWorkshop: int(env, 'LECTERN_HOLDS_PER_CLIENT', 2),
    perEmailWorkshop: int(env, 'LECTERN_HOLDS_PER_EMAIL', 1),
    perClientSite: int(env, 'LECTERN_HOLDS_PER_CLIENT_SITE', 5),
    freeHoldMinutes,
  };
}

const list = (raw: string | undefined) =>
  (raw ?? '')
    .split(',')
    .map((s) => s.trim())
    .filter(Boolean);

function loadRoomsConfig(env: Env): RoomsConfig {
  const turnUrls = list(env.LECTERN_TURN_URLS);
  if (turnUrls.length && !env.LECTERN_TURN_SECRET) {
    throw new ConfigError(
      'LECTERN_TURN_SECRET is required with LECTERN_TURN_URLS (coturn static-auth-secret)',
    );
  }
  const limit = int(env, 'LECTERN_ROOM_LEARNER_LIMIT', 25);
  if (limit < 1) throw new ConfigError('LECTERN_ROOM_LEARNER_LIMIT must be at least 1');
  return {
    openBeforeMinutes: int(env, 'LECTERN_ROOM_OPEN_BEFORE_MINUTES', 15),
    graceMinutes: int(env, 'LECTERN_ROOM_GRACE_MINUTES', 30),
    learnerLimit: limit,
    // No outside STUN server by default: nothing at run time should depend on a third party.
    // Same-network rooms work with host candidates; deployments set their own STUN/TURN (coturn).
    stunUrls: list(env.LECTERN_STUN_URLS),
    turn: {
      urls: turnUrls,
      secret: env.LECTERN_TURN_SECRET || undefined,
      ttlSeconds: int(env, 'LECTERN_TURN_TTL_SECONDS', 3600),
    },
  };
}
