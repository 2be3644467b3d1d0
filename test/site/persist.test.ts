/**
 * What survives a reload, in chromium: the playground's machine (files,
 * containers, volumes, logs) comes back from IndexedDB, containers that were
 * running come back as after a daemon restart, and the page says so; "Reset
 * lesson" forgets the machine; lesson progress shows on the curriculum.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Page } from '@playwright/test';
import { atPrompt, haveChromium, runInTerminal, startSite, type Site } from './harness.ts';

let site: Site | undefined;

beforeAll(async () => {
  if (haveChromium) site = await startSite();
}, 300_000);

afterAll(async () => {
  await site?.close();
});

const prompt = (page: Page) => page.waitForFunction(atPrompt, null, { timeout: 60_000 });
const type = (page: Page, command: string) => runInTerminal(page, command);
const output = (page: Page, command: string) => runInTerminal(page, command, { clear: true });

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
    const text = await output(page, 'cat ~/notes.txt; docker logs keeper; docker volume ls -q; docker ps -a --format "{{.Names}}: {{.Status}}"');
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
    const text = await output(page, 'ls ~/made-before-reset; docker ps -aq | wc -l');
    expect(text).toContain("ls: /home/learner/made-before-reset: No such file or directory");
    expect(text).toMatch(/^0$/m);
    expect(await page.locator('.restored').count()).toBe(0);
    await page.close();
  }, 120_000);

  it('works offline once loaded: a reload without a network finds the page, the engine and the machine', async () => {
    const context = await site!.browser.newContext();
    const page = await context.newPage();
    await page.goto(`${site!.base}/en/lessons/01-what-is-docker/`);
    await prompt(page);
    await type(page, 'docker run hello-world >/dev/null; echo offline-proof > ~/proof');
    // The service worker keeps what the page and the engine's worker loaded, then the rest of the site.
    await page.waitForFunction(() => navigator.serviceWorker.controller !== null, null, { timeout: 30_000 });
    const everythingKept = () =>
      page.evaluate(async () => {
        const all = (await (await fetch('/offline.json')).json()) as string[];
        const kept = new Set((await (await caches.open('berth-v1')).keys()).map((r) => new URL(r.url).pathname));
        return all.every((p) => kept.has(`/${p}`));
      });
    for (let i = 0; i < 60 && !(await everythingKept()); i++) await page.waitForTimeout(1000);
    expect(await everythingKept()).toBe(true);
    await context.setOffline(true);
    await page.reload();
    await prompt(page);
    // cat and clear were never run before going offline: their code comes from the precache.
    const text = await output(page, 'cat ~/proof; docker ps -a --format "{{.Image}}"');
    expect(text, text).toContain('offline-proof');
    expect(text).toMatch(/^hello-world$/m);
    await context.close();
  }, 120_000);

  it('one tab per machine: a second tab takes the machine over with nothing lost, and the first can take it back', async () => {
    const context = await site!.browser.newContext();
    const a = await context.newPage();
    await a.goto(`${site!.base}/en/playground/`);
    await prompt(a);
    // No pause for the periodic save: handing over saves one last time.
    await type(a, 'echo from-a > ~/a.txt');
    const b = await context.newPage();
    await b.goto(`${site!.base}/en/playground/`);
    await prompt(b);
    await a.waitForSelector('.moved', { timeout: 10_000 });
    expect(await a.textContent('.moved p')).toBe('This terminal moved to another tab. Everything you did is saved and is there now.');
    expect(await a.locator('.terminal').count()).toBe(0);
    expect(await output(b, 'cat ~/a.txt')).toMatch(/^from-a$/m);
    await type(b, 'echo from-b > ~/b.txt');
    await a.click('.moved button'); // "Continue here" reloads, and the reload asks for the machine back
    await prompt(a);
    await b.waitForSelector('.moved', { timeout: 10_000 });
    expect(await output(a, 'cat ~/a.txt ~/b.txt')).toMatch(/^from-a\r?\nfrom-b$/m);
    await context.close();
  }, 120_000);

  it('a saved machine this version cannot read is kept aside, and the page says so', async () => {
    const context = await site!.browser.newContext();
    const page = await context.newPage();
    await page.goto(`${site!.base}/en/`);
    const savedAt = Date.UTC(2026, 0, 2, 3, 4, 5);
    // The site's database as the site makes it; `record` (a machine from a newer engine) is put under 'playground'.
    const machines = (record?: unknown) =>
      page.evaluate(
        (record) =>
          new Promise<string[]>((resolve, reject) => {
            const req = indexedDB.open('berth', 1);
            req.onupgradeneeded = () => {
              for (const name of ['machines', 'progress']) req.result.createObjectStore(name);
            };
            req.onsuccess = () => {
              const tx = req.result.transaction('machines', 'readwrite');
              const store = tx.objectStore('machines');
              if (record) store.put(record, 'playground');
              const keys = store.getAllKeys();
              tx.oncomplete = () => {
                req.result.close();
                resolve(keys.result.map(String));
              };
              tx.onerror = () => reject(tx.error);
            };
          }),
        record,
      );
    await machines({ version: 999, savedAt });
    await page.goto(`${site!.base}/en/playground/`);
    await prompt(page);
    expect(await page.textContent('.restored.unreadable')).toMatch(/^What you saved at .* could not be read by this version of Berth\. It is kept aside, and this terminal started afresh\.$/);
    expect(await page.locator('.restored:not(.unreadable)').count()).toBe(0);
    expect(await machines()).toContain(`playground:unreadable:${savedAt}`);
    await context.close();
  }, 120_000);
});
