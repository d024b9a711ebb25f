import { z } from 'zod';

/** Every setting Maillage reads from the environment, validated once at boot. */
export const envSchema = z.object({
  NODE_ENV: z.enum(['development', 'test', 'production']).default('development'),
  PORT: z.coerce.number().int().min(0).max(65535).default(3000),
  /** Interface the API listens on; 0.0.0.0 in containers. */
  HOST: z.string().default('127.0.0.1'),
  NEO4J_URI: z.string().regex(/^(neo4j|bolt)(\+s|\+ssc)?:\/\//, 'must be a bolt:// or neo4j:// URI'),
  NEO4J_USER: z.string().default('neo4j'),
  NEO4J_PASSWORD: z.string().default(''),
  DATABASE_URL: z.string().regex(/^postgres(ql)?:\/\//, 'must be a postgres:// URL'),
  REDIS_URL: z
    .string()
    .regex(/^rediss?:\/\//, 'must be a redis:// URL')
    .default('redis://127.0.0.1:6379'),
  REDIS_PREFIX: z.string().min(1).default('maillage'),
  /** HMAC-SHA256 secret of signed tokens: at least 32 bytes (e.g. `openssl rand -base64 32`). */
  AUTH_TOKEN_SECRET: z
    .string()
    .refine((s) => Buffer.byteLength(s, 'utf8') >= 32, 'must be at least 32 bytes (openssl rand -base64 32)'),
  /** Lifetime of a signed token; capped at one day (tokens are re-minted from a key or a sign-in). */
  AUTH_TOKEN_TTL_SECONDS: z.coerce.number().int().positive().max(86_400).default(3600),
  /** How long an authenticated user or key is trusted before PostgreSQL is asked again (revocation delay). */
  AUTH_RECHECK_SECONDS: z.coerce.number().int().min(0).max(60).default(30),
  /** A browser session ends after this long without a request (idle expiry). */
  SESSION_IDLE_SECONDS: z.coerce
    .number()
    .int()
    .min(60)
    .default(8 * 3600),
  /** A browser session ends this long after sign-in, active or not (absolute expiry). */
  SESSION_ABSOLUTE_SECONDS: z.coerce
    .number()
    .int()
    .min(60)
    .default(7 * 86_400),
  /** `Secure` flag of the session cookie: auto = when the request came over HTTPS (req.secure). */
  SESSION_COOKIE_SECURE: z.enum(['auto', 'always', 'never']).default('auto'),
  /** Failed sign-ins per client IP address within SIGNIN_WINDOW_SECONDS before RATE_LIMITED. */
  SIGNIN_FAILURES_PER_IP: z.coerce.number().int().positive().default(50),
  /** Failed sign-ins per e-mail address within SIGNIN_WINDOW_SECONDS before RATE_LIMITED. */
  SIGNIN_FAILURES_PER_EMAIL: z.coerce.number().int().positive().default(10),
  SIGNIN_WINDOW_SECONDS: z.coerce.number().int().positive().default(900),
  /** An invitation link works once, for this long. */
  INVITATION_TTL_SECONDS: z.coerce
    .number()
    .int()
    .min(60)
    .default(7 * 86_400),
  /** Requests per minute and client IP address, all operations together. */
  RATE_LIMIT_PER_IP: z.coerce.number().int().positive().default(600),
  /** Requests per minute and credential (API key or signed token). */
  RATE_LIMIT_PER_KEY: z.coerce.number().int().positive().default(1200),
  /** Window of both rate limits, in seconds. */
  RATE_LIMIT_WINDOW_SECONDS: z.coerce.number().int().positive().default(60),
  /**
   * Express "trust proxy": which proxies may set X-Forwarded-For, so rate limits per IP count the
   * real client behind a reverse proxy. `false` (default: the socket's address), a number of hops
   * (`1` = one proxy in front), or a comma-separated list of addresses/subnets (`loopback, 10.0.0.0/8`).
   * `true` trusts every hop: any client could then choose its own IP; use it only behind a proxy
   * that overwrites the header.
   */
  TRUST_PROXY: z
    .string()
    .trim()
    .default('false')
    .transform((v): boolean | number | string =>
      v === '' || v === 'false' ? false : v === 'true' ? true : /^\d+$/.test(v) ? Number(v) : v,
    ),
  /** Request body cap, except the CSV import mutations (see GRAPHQL_CSV_BODY_LIMIT_BYTES). */
  GRAPHQL_BODY_LIMIT_BYTES: z.coerce
    .number()
    .int()
    .positive()
    .default(1024 * 1024),
  /** Body cap of a request whose only fields are importActorsCsv / startActorsCsvImport. */
  GRAPHQL_CSV_BODY_LIMIT_BYTES: z.coerce
    .number()
    .int()
    .positive()
    .default(21 * 1024 * 1024),
  /** Query cost: each field costs 1, the expensive ones more (apps/api/src/limits/query-limits.ts). */
  GRAPHQL_MAX_COST: z.coerce.number().int().positive().default(1000),
  GRAPHQL_MAX_DEPTH: z.coerce.number().int().positive().default(10),
  GRAPHQL_MAX_ALIASES: z.coerce.number().int().min(0).default(15),
  GRAPHQL_MAX_TOKENS: z.coerce.number().int().positive().default(2000),
  /** Worker threads of the API for simulateEvent's optimiser and LP bound (off the event loop). */
  SIMULATION_THREADS: z.coerce.number().int().min(1).max(16).default(1),
  /** Personal data older than this is purged by the worker's retention task (3 years, after the CNIL's B2B guidance). */
  PERSONAL_DATA_RETENTION_DAYS: z.coerce.number().int().min(1).default(1095),
  /** JSON logs on stdout from this level up; Nest's names (log = info, verbose = trace) or pino's. */
  LOG_LEVEL: z
    .enum(['fatal', 'error', 'warn', 'log', 'info', 'debug', 'verbose', 'trace', 'silent'])
    .default('log'),
  /**
   * Bearer token a Prometheus scraper sends to GET /metrics (API, and the worker's health port).
   * Unset: the API's /metrics answers admin credentials only; the worker's answers on its health port.
   */
  METRICS_TOKEN: z.string().min(16, 'must be at least 16 characters').optional(),
  /** Worker threads a process scores rebuild chunks on (0 = the machine's available parallelism). */
  SCORING_THREADS: z.coerce.number().int().min(0).max(64).default(0),
  WORKER_CONCURRENCY: z.coerce.number().int().min(1).max(64).default(2),
  /**
   * A job's lock: a worker that dies (SIGKILL, lost machine) leaves its active jobs to the others
   * once the lock expires; the stalled-job check runs this often too. BullMQ's default is 30 s.
   */
  JOB_LOCK_MS: z.coerce.number().int().min(1000).default(30_000),
  /** Actors per chunk of a scoring rebuild (small enough to spread over workers, big enough for a write batch). */
  SCORING_CHUNK_SIZE: z.coerce.number().int().min(1).default(2000),
  /** Port of the worker's health server (GET /health/live, /health/ready); unset: no server. */
  WORKER_HEALTH_PORT: z.coerce.number().int().min(0).max(65535).optional(),
  /** How often the worker's sweeper looks for lost jobs, stale runs and pending outbox rows. */
  SWEEPER_INTERVAL_MS: z.coerce.number().int().min(100).default(15_000),
  /** A QUEUED/RUNNING run without progress for this long and without a live job is recovered. */
  SWEEPER_GRACE_MS: z.coerce.number().int().min(100).default(60_000),
  /** A Redis command of the job producer fails after this long (requests never wait on Redis). */
  REDIS_COMMAND_TIMEOUT_MS: z.coerce.number().int().min(100).default(2_000),
  /** Neo4j: opening a connection gives up after this. */
  NEO4J_TIMEOUT_MS: z.coerce.number().int().min(100).default(2_000),
  /** Neo4j: the driver retries a transaction on transient errors (e.g. server unavailable) this long. */
  NEO4J_TX_RETRY_MS: z.coerce.number().int().min(0).default(1_000),
  /** PostgreSQL: acquiring a pooled connection gives up after this. */
  DATABASE_CONNECT_TIMEOUT_MS: z.coerce.number().int().min(100).default(3_000),
});

export type AppConfig = z.infer<typeof envSchema>;

export class ConfigError extends Error {}

export function parseEnv(env: NodeJS.ProcessEnv): AppConfig {
  const parsed = envSchema.safeParse(env);
  if (!parsed.success) {
    const problems = parsed.error.issues
      .map((i) => `  ${i.path.join('.') || '(env)'}: ${i.message}`)
      .join('\n');
    throw new ConfigError(`Invalid configuration:\n${problems}`);
  }
  return parsed.data;
}
