import { DEFAULT_KNOWLEDGE_DIR } from './knowledge/fs-knowledge.js';

/** The one typed, validated, frozen configuration, built from defaults < environment < flags. */
export interface Config {
  readonly port: number;
  readonly host: string;
  readonly knowledgeDir: string;
  /** Largest accepted request body, in bytes. */
  readonly bodyLimit: number;
}

const DEFAULTS: Config = { port: 3000, host: '127.0.0.1', knowledgeDir: DEFAULT_KNOWLEDGE_DIR, bodyLimit: 64 * 1024 };

export function loadConfig(env: Readonly<Record<string, string | undefined>>, flags: Partial<Config> = {}): Config {
  const fromEnv: { -readonly [K in keyof Config]?: Config[K] } = {};
  if (env.PORT !== undefined) fromEnv.port = Number(env.PORT);
  if (env.HOST) fromEnv.host = env.HOST;
  if (env.PRIMUM_KNOWLEDGE_DIR) fromEnv.knowledgeDir = env.PRIMUM_KNOWLEDGE_DIR;
  const c = { ...DEFAULTS, ...fromEnv, ...Object.fromEntries(Object.entries(flags).filter(([, v]) => v !== undefined)) };
  if (!Number.isInteger(c.port) || c.port < 0 || c.port > 65535) throw new Error(`PORT must be an integer 0-65535; got '${String(env.PORT ?? flags.port)}'`);
  return Object.freeze(c);
}
