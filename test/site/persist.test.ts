/**
 * What survives a reload, in chromium: the playground's machine (files,
 * containers, volumes, logs) comes back from IndexedDB, containers that were
 * running come back as after a daemon restart, and the page says so; "Reset
 * lesson" forgets the machine; lesson progress shows on the curriculum.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Page } from '@playwright/test';
import { atPrompt, haveChromium, startSite, type Site } from './harness.ts';

let site: Site | undefined;

beforeAll(async () => {
  if (haveChromium) site = await startSite();
}, 300_000);

afterAll(async () => {
  await site?.close();
});

const prompt = (page: Page) => page.waitForFunction(atPrompt, null, { timeout: 60_000 });
const screen = (page: Page) => page.$$eval('.xterm-rows > div', (rs) => rs.map((r) => (r.textContent ?? '').trimEnd()).join('\n'));

async function type(page: Page, command: string): Promise<void> {
  await page.click('.xterm');
  await page.keyboard.type(`${command}\n`);
  await prompt(page);
}

describe.skipIf(!haveChromium)('persistence in IndexedDB', () => {
  it('the playground comes back after a reload: files, containers, volumes, logs; running containers as after a restart', async () => {
    const page = await site!.browser.newPage();
    await page.goto(`${site!.base}/en/playground/`);
    await prompt(page);
    await type(page, 'echo my-notes > ~/notes.txt');
    await type(page, 'docker run --name keeper alpine echo from-keeper');
    await type(page, 'docker run -d --name up --restart unless-stopped alpine sleep 1000');
    await type(page, 'docker run -d --name plain alpine sleep 1000');
    await type(page, 'docker volume create kept-vol');
    await page.waitForTimeout(1500);
    await page.reload();
    await prompt(page);
    expect(await page.textContent('.restored')).toMatch(/^Restored what you saved at /);
    await type(page, 'clear; cat ~/notes.txt; docker logs keeper; docker volume ls -q; docker ps -a --format "{{.Names}}: {{.Status}}"');
    const text = await screen(page);
    expect(text).toContain('my-notes');
    expect(text).toContain('from-keeper');
    expect(text).toContain('kept-vol');
    expect(text).toMatch(/^keeper: Exited \(0\)/m);
    expect(text).toMatch(/^up: Up /m);
    expect(text).toMatch(/^plain: Exited \(255\)/m);
    await page.close();
  }, 120_000);

  it('"Reset lesson" starts the lesson afresh: the machine and the progress are forgotten', async () => {
    const page = await site!.browser.newPage();
    page.on('dialog', (d) => void d.accept());
    await page.goto(`${site!.base}/en/lessons/01-what-is-docker/`);
    await prompt(page);
    await type(page, 'docker run hello-world');
    await page.waitForSelector('.steps li.done', { timeout: 30_000 });
    await type(page, 'touch ~/made-before-reset');
    await page.waitForTimeout(1500);
    await page.goto(`${site!.base}/en/lessons/`);
    await page.waitForFunction(() => /steps done/.test(document.querySelector('[data-lesson="01-what-is-docker"] .lesson-progress')?.textContent ?? ''), null, { timeout: 10_000 });
    await page.goto(`${site!.base}/en/lessons/01-what-is-docker/`);
    await prompt(page);
    await page.click('button.reset');
    await page.waitForSelector('.booting', { state: 'detached', timeout: 60_000 });
    await prompt(page);
    expect(await page.locator('.steps li.done').count()).toBe(0);
    await type(page, 'clear; ls ~/made-before-reset; docker ps -aq | wc -l');
    const text = await screen(page);
    expect(text).toContain("ls: /home/learner/made-before-reset: No such file or directory");
    expect(text).toMatch(/^0$/m);
    expect(await page.locator('.restored').count()).toBe(0);
    await page.close();
  }, 120_000);
});
