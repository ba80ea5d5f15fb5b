// Browser test harness: a Primum server on a free loopback port serving the built web app, and Debian's
// Chromium driven by playwright-core. It never skips: without Chromium it fails with the command to install it.
import { existsSync, mkdirSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { AxeBuilder } from '@axe-core/playwright';
import type { FastifyInstance } from 'fastify';
import { chromium, type Browser, type BrowserContext, type Page } from 'playwright-core';
import { buildServer } from '../../src/adapters/http/server.js';
import { WEB_DIST } from '../../src/adapters/http/web.route.js';
import { shippedKnowledge } from '../support/fixtures.js';

export const SHOTS_DIR = fileURLToPath(new URL('../../.artifacts/screenshots/', import.meta.url));

export function chromiumPath(): string {
  const p = process.env.CHROMIUM_PATH ?? '/usr/bin/chromium';
  if (!existsSync(p)) {
    throw new Error(
      `Chromium not found at ${p}. The browser tests need it: install it with\n  sudo apt-get update && sudo apt-get install -y chromium\nor set CHROMIUM_PATH to a Chromium binary.`,
    );
  }
  return p;
}

export interface BrowserEnv {
  app: FastifyInstance;
  base: string;
  browser: Browser;
  /** A fresh page (own context: empty localStorage) at a given viewport width; console errors are collected. */
  page(width?: number): Promise<{ page: Page; context: BrowserContext; consoleErrors: string[] }>;
  /** Every Content-Security-Policy violation seen on any page so far; close() fails when there is one. */
  cspViolations: string[];
  close(): Promise<void>;
}

export async function startBrowserEnv(opts: { now?: () => string } = {}): Promise<BrowserEnv> {
  if (!existsSync(`${WEB_DIST}/index.html`)) throw new Error('web/dist is missing: run `npm run build:web` first (npm test does this).');
  const app = await buildServer({ kb: shippedKnowledge(), clock: opts.now ?? (() => new Date().toISOString()), bodyLimit: 64 * 1024 });
  const base = await app.listen({ port: 0, host: '127.0.0.1' });
  const browser = await chromium.launch({
    executablePath: chromiumPath(),
    args: ['--no-sandbox', '--disable-gpu', '--disable-quic', '--no-first-run', '--disable-background-networking', '--disable-component-update', '--disable-sync'],
  });
  mkdirSync(SHOTS_DIR, { recursive: true });
  const cspViolations: string[] = [];
  return {
    app,
    base,
    browser,
    cspViolations,
    async page(width = 1280) {
      const context = await browser.newContext({ viewport: { width, height: width < 600 ? 812 : 900 }, acceptDownloads: true });
      // A CSP violation is reported in the console and as a securitypolicyviolation event: both are collected.
      await context.addInitScript(() => {
        document.addEventListener('securitypolicyviolation', (e) => console.error(`CSP violation: ${e.violatedDirective} blocked ${e.blockedURI || 'inline'}`));
      });
      const page = await context.newPage();
      const consoleErrors: string[] = [];
      page.on('console', (m) => {
        if (/Content Security Policy|CSP violation/i.test(m.text())) cspViolations.push(`${page.url()}: ${m.text()}`);
        if (m.type() === 'error' || m.type() === 'warning') consoleErrors.push(`${m.type()}: ${m.text()}`);
      });
      page.on('pageerror', (e) => consoleErrors.push(`pageerror: ${e.message}`));
      return { page, context, consoleErrors };
    },
    async close() {
      await browser.close();
      await app.close();
      if (cspViolations.length) throw new Error(`Content-Security-Policy violations:\n${cspViolations.join('\n')}`);
    },
  };
}

/** axe-core violations of impact serious or critical (WCAG 2.x A/AA rules). */
export async function seriousViolations(page: Page): Promise<string[]> {
  const r = await new AxeBuilder({ page }).withTags(['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa']).analyze();
  return r.violations
    .filter((v) => v.impact === 'serious' || v.impact === 'critical')
    .map((v) => `${v.id} (${v.impact}): ${v.help} — ${v.nodes.slice(0, 3).map((n) => n.target.join(' ')).join(' | ')}`);
}

/** True when the page scrolls sideways (content wider than the viewport). */
export async function scrollsSideways(page: Page): Promise<boolean> {
  return page.evaluate(() => document.documentElement.scrollWidth > window.innerWidth + 1);
}

export async function shot(page: Page, name: string): Promise<void> {
  await page.screenshot({ path: `${SHOTS_DIR}${name}.png`, fullPage: true });
}
