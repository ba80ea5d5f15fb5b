import { DEFAULT_KNOWLEDGE_DIR } from './knowledge/fs-knowledge.js';

/** The server's resource limits; every one can be changed with the environment variable named in docs/operations.md. */
export interface Limits {
  /** Largest accepted request body, in bytes (PRIMUM_BODY_LIMIT). */
  readonly bodyLimit: number;
  /** Requests per minute one client (IP address) may make (PRIMUM_RATE_LIMIT). */
  readonly rateLimitPerMinute: number;
  /** Most open connections at once; more are closed on arrival (PRIMUM_MAX_CONNECTIONS). */
  readonly maxConnections: number;
  /** Time to receive a whole request, headers and body, in ms (PRIMUM_REQUEST_TIMEOUT_MS). */
  readonly requestTimeoutMs: number;
  /** Time to receive the request headers, in ms (PRIMUM_HEADERS_TIMEOUT_MS). */
  readonly headersTimeoutMs: number;
  /** How long an idle keep-alive connection stays open, in ms (PRIMUM_KEEP_ALIVE_TIMEOUT_MS). */
  readonly keepAliveTimeoutMs: number;
  /** PDF reports rendered at once; more get 503 with Retry-After (PRIMUM_PDF_CONCURRENCY). */
  readonly pdfConcurrency: number;
  /** Event-loop delay above which requests are shed with 503, in ms (PRIMUM_MAX_EVENT_LOOP_DELAY_MS). */
  readonly maxEventLoopDelayMs: number;
  /** How long shutdown waits for requests in flight, in ms (PRIMUM_SHUTDOWN_GRACE_MS). */
  readonly shutdownGraceMs: number;
}

/** The one typed, validated, frozen configuration, built from defaults < environment < flags. */
export interface Config extends Limits {
  readonly port: number;
  readonly host: string;
  readonly knowledgeDir: string;
  /** Trust X-Forwarded-For from a reverse proxy: false, true, a number of hops or a list of addresses (PRIMUM_TRUST_PROXY). */
  readonly trustProxy: boolean | number | string;
}

export const DEFAULT_LIMITS: Limits = Object.freeze({
  bodyLimit: 64 * 1024,
  rateLimitPerMinute: 1200,
  maxConnections: 1024,
  requestTimeoutMs: 30_000,
  headersTimeoutMs: 10_000,
  keepAliveTimeoutMs: 10_000,
  pdfConcurrency: 4,
  maxEventLoopDelayMs: 1000,
  shutdownGraceMs: 10_000,
});

const DEFAULTS: Config = { port: 3000, host: '127.0.0.1', knowledgeDir: DEFAULT_KNOWLEDGE_DIR, trustProxy: false, ...DEFAULT_LIMITS };

const LIMIT_ENV: Record<keyof Limits, string> = {
  bodyLimit: 'PRIMUM_BODY_LIMIT',
  rateLimitPerMinute: 'PRIMUM_RATE_LIMIT',
  maxConnections: 'PRIMUM_MAX_CONNECTIONS',
  requestTimeoutMs: 'PRIMUM_REQUEST_TIMEOUT_MS',
  headersTimeoutMs: 'PRIMUM_HEADERS_TIMEOUT_MS',
  keepAliveTimeoutMs: 'PRIMUM_KEEP_ALIVE_TIMEOUT_MS',
  pdfConcurrency: 'PRIMUM_PDF_CONCURRENCY',
  maxEventLoopDelayMs: 'PRIMUM_MAX_EVENT_LOOP_DELAY_MS',
  shutdownGraceMs: 'PRIMUM_SHUTDOWN_GRACE_MS',
};

/** A whole number written in decimal digits only: '' , '0x1F4', '1e3' and ' 80' are refused, not read as 0 or 500. */
function wholeNumber(name: string, raw: string, min: number, max: number): number {
  if (!/^\d{1,10}$/.test(raw) || Number(raw) < min || Number(raw) > max) {
    throw new Error(`${name} must be a whole number from ${min} to ${max}, written in decimal digits; got '${raw}'`);
  }
  return Number(raw);
}

function trustProxy(raw: string): boolean | number | string {
  if (raw === 'true' || raw === 'false') return raw === 'true';
  if (/^\d{1,3}$/.test(raw)) return Number(raw);
  if (/^[0-9a-fA-F.:/,\s]+$/.test(raw)) return raw;
  throw new Error(`PRIMUM_TRUST_PROXY must be true, false, a number of proxy hops or a comma-separated list of addresses; got '${raw}'`);
}

export function loadConfig(env: Readonly<Record<string, string | undefined>>, flags: Partial<Config> = {}): Config {
  const fromEnv: { -readonly [K in keyof Config]?: Config[K] } = {};
  if (env.PORT !== undefined) fromEnv.port = wholeNumber('PORT', env.PORT, 0, 65535);
  if (env.HOST) fromEnv.host = env.HOST;
  if (env.PRIMUM_KNOWLEDGE_DIR) fromEnv.knowledgeDir = env.PRIMUM_KNOWLEDGE_DIR;
  if (env.PRIMUM_TRUST_PROXY !== undefined) fromEnv.trustProxy = trustProxy(env.PRIMUM_TRUST_PROXY);
  for (const [key, name] of Object.entries(LIMIT_ENV) as [keyof Limits, string][]) {
    const raw = env[name];
    if (raw !== undefined) fromEnv[key] = wholeNumber(name, raw, 1, 2 ** 31 - 1);
  }
  const c = { ...DEFAULTS, ...fromEnv, ...Object.fromEntries(Object.entries(flags).filter(([, v]) => v !== undefined)) };
  if (!Number.isInteger(c.port) || c.port < 0 || c.port > 65535) throw new Error(`PORT must be an integer 0-65535; got '${String(flags.port ?? env.PORT)}'`);
  return Object.freeze(c);
}
