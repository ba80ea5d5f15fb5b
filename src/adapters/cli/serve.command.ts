import closeWithGrace from 'close-with-grace';
import type { Command } from 'commander';
import { loadConfig } from '../config.js';
import { buildServer } from '../http/server.js';
import { loadValidKnowledge } from '../knowledge/fs-knowledge.js';

export function registerServe(program: Command, out: (s: string) => void): void {
  program
    .command('serve')
    .description('start the web server and API (default http://127.0.0.1:3000; PORT and HOST change it; limits: docs/operations.md)')
    .option('--port <n>', 'port', (v) => Number(v))
    .option('--host <host>', 'interface to listen on')
    .action(async (o: { port?: number; host?: string }) => {
      const config = loadConfig(process.env, { port: o.port, host: o.host });
      const kb = loadValidKnowledge(config.knowledgeDir);
      const app = await buildServer({
        kb, clock: () => new Date().toISOString(), bodyLimit: config.bodyLimit, logger: true, limits: config, trustProxy: config.trustProxy,
      });
      // SIGTERM/SIGINT: stop accepting, let requests in flight finish (at most shutdownGraceMs), then exit 0.
      // A second signal, or the grace time running out, exits 1 at once.
      closeWithGrace({ delay: config.shutdownGraceMs, logger: app.log }, async ({ signal, err }) => {
        if (err) app.log.error({ err }, 'stopping after an unexpected error');
        else app.log.info({ signal }, 'stopping: finishing requests in flight');
        await app.close();
        app.log.info('stopped');
      });
      const address = await app.listen({ port: config.port, host: config.host });
      out(`Primum ${kb.version} listening on ${address} — API reference at ${address}/api/docs`);
      // Keep running until the process is stopped.
      await new Promise<never>(() => undefined);
    });
}
