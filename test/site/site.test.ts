/**
 * The built site in Debian's chromium (Playwright, no browser download):
 * every lesson in both languages, solved by typing its solutions into the
 * terminal with the keyboard, each step turning done; progress surviving a
 * reload; a clickable command; axe-core on the main pages.
 *
 * The site is built once (astro build, into a temporary directory) and
 * served by a small static server, as any static host would (harness.ts).
 */
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Browser, Page } from '@playwright/test';
import AxeBuilder from '@axe-core/playwright';
import { loadLessons } from '../../lessons/load.ts';
import { atPrompt, haveChromium as have, root, runInTerminal, startSite, type Site } from './harness.ts';

const lessons = await loadLessons(process.env.BERTH_LESSONS_DIR ?? join(root, 'lessons'));

let site: Site | undefined;
let base = '';
let browser: Browser;

beforeAll(async () => {
  if (!have) return;
  site = await startSite();
  ({ base, browser } = site);
}, 300_000);

afterAll(async () => {
  await site?.close();
});

async function openLesson(page: Page, lang: 'ko' | 'en', id: string): Promise<void> {
  await page.goto(`${base}${lang === 'en' ? '/en' : ''}/lessons/${id}/`);
  await page.waitForFunction(atPrompt, null, { timeout: 60_000 });
}

const prompt = (page: Page) => page.waitForFunction(atPrompt, null, { timeout: 60_000 });

/** Counts of the engine's state, typed into the terminal: images, volumes, files in ~, stopped containers, running ones. */
async function engineState(page: Page, tag: string): Promise<number[]> {
  const q = 'docker ps -aq --filter';
  const screen = await runInTerminal(page, `cd; echo "${tag} $(docker images -q | sort -u | wc -l) $(docker volume ls -q | wc -l) $(ls -A | wc -l) $(${q} status=exited --filter status=created | wc -l) $(${q} status=running | wc -l)"`, { clear: true });
  const line = screen.split('\n').find((r) => new RegExp(`^${tag}( \\d+){5}$`).test(r.trim()));
  if (!line) throw new Error(`no ${tag} line; the terminal shows:\n${screen.trim()}`);
  return line.trim().split(' ').slice(1).map(Number);
}

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
        const before = await engineState(page, 'BEFORE');
        // The worker saves within half a second of a change; give it two turns.
        await page.waitForTimeout(1500);
        await page.reload();
        await prompt(page);
        for (const step of lesson.steps) await page.waitForSelector(`.steps li[data-step="${step.id}"].done`, { timeout: 30_000 });
        // The machine came back: the same images, volumes and home directory; every stopped container
        // is still there (running ones came back stopped, or restarted by their policy).
        const after = await engineState(page, 'AFTER');
        expect(after.slice(0, 3)).toEqual(before.slice(0, 3));
        expect(after[3]! + after[4]!).toBeGreaterThanOrEqual(before[3]!);
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
