import { existsSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import fastifyStatic from '@fastify/static';
import type { FastifyInstance } from 'fastify';

/** Where `npm run build:web` puts the web app. */
export const WEB_DIST = fileURLToPath(new URL('../../../web/dist/', import.meta.url));

/** Serves the built web app at /. Without a build, / explains how to make one. */
export async function webRoutes(app: FastifyInstance, dir: string = WEB_DIST): Promise<void> {
  if (!existsSync(`${dir}/index.html`)) {
    app.get('/', (_req, reply) =>
      reply.type('text/plain; charset=utf-8').send('The Primum web app is not built. Run `npm run build:web` (npm start does this for you). The API is at /api/docs.'),
    );
    return;
  }
  await app.register(fastifyStatic, {
    root: dir,
    prefix: '/',
    index: 'index.html',
    wildcard: false,
    // @fastify/static applies its own Cache-Control (public, max-age=0) AFTER setHeaders runs, so it is turned
    // off here: hashed assets never change (a year, immutable); index.html is revalidated every time.
    cacheControl: false,
    setHeaders: (res, path) => {
      res.setHeader('referrer-policy', 'no-referrer');
      res.setHeader('cache-control', path.includes('/assets/') ? 'public, max-age=31536000, immutable' : 'no-cache');
    },
  });
}
