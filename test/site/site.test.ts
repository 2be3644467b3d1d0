/**
 * The built site in Debian's chromium (Playwright, no browser download):
 * every lesson in both languages, solved by typing its solutions into the
 * terminal with the keyboard, each step turning done; progress surviving a
 * reload; a clickable command; axe-core on the main pages.
 *
 * The site is built once (astro build, into a temporary directory) and
 * served by a small static server, as any static host would.
 */
import { spawnSync } from 'node:child_process';
import { createReadStream, existsSync, mkdtempSync, rmSync, statSync } from 'node:fs';
import { createServer, type Server } from 'node:http';
import { tmpdir } from 'node:os';
import { extname, join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { chromium, type Browser, type Page } from '@playwright/test';
import AxeBuilder from '@axe-core/playwright';
import { loadLessons } from '../../lessons/load.ts';

const CHROMIUM = '/usr/bin/chromium';
const have = existsSync(CHROMIUM);
const root = new URL('../..', import.meta.url).pathname;
const lessons = await loadLessons(process.env.BERTH_LESSONS_DIR ?? join(root, 'lessons'));

let out = '';
let server: Server;
let base = '';
let browser: Browser;

const TYPES: Record<string, string> = { '.html': 'text/html; charset=utf-8', '.js': 'text/javascript', '.css': 'text/css', '.svg': 'image/svg+xml' };

beforeAll(async () => {
  if (!have) return;
  out = mkdtempSync(join(tmpdir(), 'berth-site-'));
  const r = spawnSync('npx', ['astro', 'build', '--root', 'site'], { cwd: root, env: { ...process.env, BERTH_SITE_OUT: out, ASTRO_TELEMETRY_DISABLED: '1' }, encoding: 'utf8' });
  if (r.status !== 0) throw new Error(`astro build failed:\n${r.stdout}\n${r.stderr}`);
  server = createServer((req, res) => {
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
  base = `http://127.0.0.1:${typeof addr === 'object' && addr ? addr.port : 0}`;
  browser = await chromium.launch({
    executablePath: CHROMIUM,
    args: ['--no-sandbox', '--headless', '--disable-gpu', '--disable-background-networking', '--disable-component-update', '--no-first-run'],
  });
}, 300_000);

afterAll(async () => {
  await browser?.close();
  server?.close();
  if (out) rmSync(out, { recursive: true, force: true });
});

/** Whether the terminal's last non-empty line is a shell prompt (`learner@berth:~$`). */
const atPrompt = () => {
  const rows = [...(document.querySelector('.xterm-rows')?.children ?? [])].map((r) => (r.textContent ?? '').trimEnd()).filter(Boolean);
  return /\$$/.test(rows[rows.length - 1] ?? '');
};

async function openLesson(page: Page, lang: 'ko' | 'en', id: string): Promise<void> {
  await page.goto(`${base}${lang === 'en' ? '/en' : ''}/lessons/${id}/`);
  await page.waitForFunction(atPrompt, null, { timeout: 60_000 });
}

const prompt = (page: Page) => page.waitForFunction(atPrompt, null, { timeout: 60_000 });

describe.skipIf(!have)('the site in chromium', () => {
  for (const { lesson } of lessons) {
    for (const lang of ['ko', 'en'] as const) {
      it(`${lang} ${lesson.id}: typing each solution turns its step done, and a reload keeps them`, async () => {
        const page = await browser.newPage();
        const errors: string[] = [];
        page.on('pageerror', (e) => errors.push(e.message));
        await openLesson(page, lang, lesson.id);
        for (const step of lesson.steps) {
          for (const command of step.solution) {
            await page.click('.xterm');
            await page.keyboard.type(`${command}\n`);
            await prompt(page);
          }
          try {
            await page.waitForSelector(`.steps li[data-step="${step.id}"].done`, { timeout: 30_000 });
          } catch (err) {
            // Say what the terminal showed.
            const screen = await page.$$eval('.xterm-rows > div', (rs) => rs.map((r) => (r.textContent ?? '').trimEnd()).join('\n'));
            throw new Error(`step ${step.id} did not turn done; the terminal shows:\n${screen.trim()}`, { cause: err });
          }
        }
        await page.reload();
        for (const step of lesson.steps) await page.waitForSelector(`.steps li[data-step="${step.id}"].done`, { timeout: 30_000 });
        expect(errors).toEqual([]);
        await page.close();
      }, 180_000);
    }
  }

  it('a clickable command runs in the terminal', async () => {
    const page = await browser.newPage();
    await openLesson(page, 'ko', lessons[0]!.lesson.id);
    const run = page.locator('.step .command-bar .run').first();
    await run.click();
    // The command was typed and ran: its step is done (the output itself scrolls past a 24-row screen).
    await page.waitForSelector(`.steps li[data-step="${lessons[0]!.lesson.steps[0]!.id}"].done`, { timeout: 60_000 });
    await page.close();
  }, 120_000);

  it('the language switch keeps you on the same lesson', async () => {
    const page = await browser.newPage();
    const id = lessons[0]!.lesson.id;
    await page.goto(`${base}/lessons/${id}/`);
    await page.click('a.lang');
    expect(new URL(page.url()).pathname).toBe(`/en/lessons/${id}/`);
    await page.close();
  }, 60_000);

  for (const path of ['/', '/lessons/', `/lessons/${lessons[0]!.lesson.id}/`, '/playground/', '/en/', '/en/lessons/']) {
    it(`axe finds no serious or critical violations on ${path}`, async () => {
      const context = await browser.newContext();
      const page = await context.newPage();
      await page.goto(`${base}${path}`);
      await page.waitForLoadState('networkidle');
      const result = await new AxeBuilder({ page }).analyze();
      const bad = result.violations.filter((v) => v.impact === 'serious' || v.impact === 'critical').map((v) => `${v.id}: ${v.help} (${v.nodes.length})`);
      expect(bad).toEqual([]);
      await context.close();
    }, 120_000);
  }
});
