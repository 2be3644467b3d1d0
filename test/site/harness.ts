/**
 * The browser tests' setup, shared by test/site/*.test.ts: the site built
 * once per test file (astro build, into a directory of its own under dist/), served by a
 * small static server as any static host would, and Debian's chromium driven
 * by Playwright (never a downloaded browser).
 *
 *     const site = await startSite();          // in beforeAll
 *     const page = await site.browser.newPage();
 *     await page.goto(`${site.base}/playground/`);
 *     await site.close();                       // in afterAll
 */
import { createReadStream, existsSync, rmSync, statSync } from 'node:fs';
import { createServer } from 'node:http';
import { extname, join } from 'node:path';
import { chromium, type Browser, type Page } from '@playwright/test';
import { buildSite } from './build-site.ts';

export const CHROMIUM = '/usr/bin/chromium';
export const haveChromium = existsSync(CHROMIUM);
export const root = new URL('../..', import.meta.url).pathname;

const TYPES: Record<string, string> = { '.html': 'text/html; charset=utf-8', '.js': 'text/javascript', '.css': 'text/css', '.svg': 'image/svg+xml' };

export interface Site {
  /** http://127.0.0.1:PORT, no trailing slash. */
  base: string;
  browser: Browser;
  close(): Promise<void>;
}

export async function startSite(): Promise<Site> {
  const out = await buildSite('site-test');
  const server = createServer((req, res) => {
    let p = join(out, decodeURIComponent(new URL(req.url ?? '/', 'http://x').pathname));
    if (existsSync(p) && statSync(p).isDirectory()) p = join(p, 'index.html');
    if (!p.startsWith(out) || !existsSync(p)) {
      res.writeHead(404).end('not found');
      return;
    }
    res.writeHead(200, { 'content-type': TYPES[extname(p)] ?? 'application/octet-stream' });
    createReadStream(p).pipe(res);
  });
  await new Promise<void>((r) => server.listen(0, '127.0.0.1', r));
  const addr = server.address();
  const base = `http://127.0.0.1:${typeof addr === 'object' && addr ? addr.port : 0}`;
  const browser = await chromium.launch({
    executablePath: CHROMIUM,
    args: ['--no-sandbox', '--headless', '--disable-gpu', '--disable-background-networking', '--disable-component-update', '--no-first-run'],
  });
  return {
    base,
    browser,
    async close() {
      await browser.close();
      server.close();
      rmSync(out, { recursive: true, force: true });
    },
  };
}

/** In the page: whether the terminal's last non-empty line is a shell prompt (`learner@berth:~$`). */
export const atPrompt = (): boolean => {
  const rows = [...(document.querySelector('.xterm-rows')?.children ?? [])].map((r) => (r.textContent ?? '').trimEnd()).filter(Boolean);
  return /\$$/.test(rows[rows.length - 1] ?? '');
};

let marks = 0;
/**
 * Types `command` (after `clear`, with `clear: true`) followed by an end marker, and
 * resolves with the screen once the marker is printed: the command has finished and
 * its output has arrived. (Waiting for a prompt is not enough: the previous prompt is
 * still on the screen before the typed line is echoed.)
 */
export async function runInTerminal(page: Page, command: string, options: { clear?: boolean } = {}): Promise<string> {
  const mark = `END-${++marks}`;
  await page.click('.xterm');
  await page.keyboard.type(`${options.clear ? 'clear; ' : ''}${command}; echo ${mark}\n`);
  await page.waitForFunction((m) => [...document.querySelectorAll('.xterm-rows > div')].some((r) => (r.textContent ?? '').trim() === m), mark, { timeout: 60_000 });
  return page.$$eval('.xterm-rows > div', (rs) => rs.map((r) => (r.textContent ?? '').trimEnd()).join('\n'));
}
