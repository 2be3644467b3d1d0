/**
 * The diagrams and the preview pane in Debian's chromium, driven as a
 * learner would: commands typed into the terminal, the pictures following
 * the engine's state (a running container with its published port, the
 * lifecycle lighting running then exited, a volume attached), the preview
 * showing what nginx serves, the text alternative saying what the pictures
 * draw, axe on the populated page; and the lesson page from the keyboard
 * alone.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Browser, BrowserContext, Page } from '@playwright/test';
import AxeBuilder from '@axe-core/playwright';
import { atPrompt, haveChromium, startSite, type Site } from './harness.ts';

let site: Site | undefined;
let base = '';
let browser: Browser;

beforeAll(async () => {
  if (!haveChromium) return;
  site = await startSite();
  ({ base, browser } = site);
}, 300_000);

afterAll(async () => {
  await site?.close();
});

const LESSON = '01-what-is-docker';

/** A fresh browser profile (no saved machine), on a page whose terminal is at its prompt. */
async function open(path: string, options: { reducedMotion?: 'reduce' } = {}): Promise<{ context: BrowserContext; page: Page; errors: string[] }> {
  const context = await browser.newContext({ viewport: { width: 1280, height: 900 }, ...options });
  const page = await context.newPage();
  const errors: string[] = [];
  page.on('pageerror', (e) => errors.push(e.message));
  await page.goto(`${base}${path}`);
  await page.waitForFunction(atPrompt, null, { timeout: 60_000 });
  // The diagrams load just after the terminal is ready.
  await page.locator('.diagram .lifecycle').waitFor({ timeout: 10_000 });
  return { context, page, errors };
}

async function type(page: Page, command: string): Promise<void> {
  await page.click('.xterm');
  await page.keyboard.type(`${command}\n`);
  await page.waitForTimeout(200);
  await page.waitForFunction(atPrompt, null, { timeout: 60_000 });
}

const container = (name: string) => `.wiring .container-node[data-container="${name}"]`;

describe.skipIf(!haveChromium)('the diagrams in chromium', () => {
  it('a published port: the container is drawn running with 8080→80, and the preview shows what nginx serves', async () => {
    const { context, page, errors } = await open('/en/playground/');
    await type(page, 'docker run -d -p 8080:80 --name web nginx');
    const web = page.locator(`${container('web')}[data-state="running"]`);
    await web.waitFor({ timeout: 30_000 });
    expect(await web.textContent()).toContain('8080→80/tcp');
    expect(await web.getAttribute('aria-label')).toMatch(/^web: running; nginx; published ports 8080→80\/tcp; bridge 172\.17\.0\.\d+$/);
    // The container's writable layer sits on the nginx image's layers, and grows as the container writes (copy-up).
    const rw = page.locator('.image[data-image="nginx:latest"] .rw[data-container="web"]');
    await rw.waitFor({ timeout: 10_000 });
    const before = Number(await rw.getAttribute('data-size'));
    const height = Number(await rw.locator('rect').getAttribute('height'));
    await type(page, 'docker exec web sh -c "seq 1 2000 >> /etc/nginx/nginx.conf"');
    await expect.poll(async () => Number(await rw.getAttribute('data-size')), { timeout: 10_000 }).toBeGreaterThan(before + 8000);
    expect(Number(await rw.locator('rect').getAttribute('height'))).toBeGreaterThan(height);

    await page.getByRole('button', { name: /Preview: http:\/\/localhost:8080\/ \(web :80\)/ }).click();
    const pane = page.locator('.preview[data-port="8080"]');
    await pane.waitFor({ timeout: 10_000 });
    expect(await pane.locator('.preview-url').textContent()).toBe('http://localhost:8080/');
    const frame = page.frameLocator('.preview iframe');
    await expect.poll(() => frame.locator('h1').textContent({ timeout: 20_000 }), { timeout: 30_000 }).toBe('Welcome to nginx!');
    expect(await pane.locator('.preview-status').textContent()).toBe('HTTP 200 OK');
    expect(await page.locator('.preview iframe').getAttribute('sandbox')).toBe('');

    // Nothing in the container listens on 8081: the pane says so (after a few quick retries) instead of failing.
    await type(page, 'docker run -d -p 8081:8081 --name quiet alpine sleep 1000');
    await page.getByRole('button', { name: /localhost:8081/ }).click();
    await expect.poll(() => page.locator('.preview[data-port="8081"] .preview-status').textContent(), { timeout: 20_000 }).toMatch(/^Port 8081 is published, but nothing in the container answers on it yet/);
    expect(errors).toEqual([]);
    await context.close();
  }, 180_000);

  it('the lifecycle lights running, then exited after docker stop, and draws the transition taken', async () => {
    const { context, page, errors } = await open(`/en/lessons/${LESSON}/`);
    await type(page, 'docker run -d -p 8080:80 --name web nginx');
    await page.locator('.lifecycle .lc-state.lit[data-state="running"]').waitFor({ timeout: 30_000 });
    expect(await page.locator('.lifecycle title').textContent()).toBe('Lifecycle of web: now running');
    expect(await page.locator('.lifecycle .lc-state.lit').count()).toBe(1);
    await type(page, 'docker stop web');
    await page.locator('.lifecycle .lc-state.lit[data-state="exited"]').waitFor({ timeout: 30_000 });
    expect(await page.locator('.lifecycle .lc-state.lit').count()).toBe(1);
    expect(await page.locator('.lifecycle .lc-edge.taken').evaluateAll((es) => es.map((e) => `${e.getAttribute('data-from')}→${e.getAttribute('data-to')}`))).toEqual(['running→exited']);
    await page.locator(`${container('web')}[data-state="exited"]`).waitFor({ timeout: 10_000 });
    // The taken edge moves (a CSS animation) for those who have not asked for less motion.
    expect(await page.locator('.lifecycle .lc-edge.taken path').evaluate((e) => getComputedStyle(e).animationName)).toBe('lc-flow');
    expect(errors).toEqual([]);
    await context.close();
  }, 180_000);

  it('prefers-reduced-motion: the same states, nothing moving', async () => {
    const { context, page } = await open(`/lessons/${LESSON}/`, { reducedMotion: 'reduce' });
    await type(page, 'docker run -d --name web nginx');
    await type(page, 'docker stop web');
    await page.locator('.lifecycle .lc-state.lit[data-state="exited"]').waitFor({ timeout: 30_000 });
    const motion = await page.locator('.lifecycle .lc-edge.taken path').evaluate((e) => [getComputedStyle(e).animationName, getComputedStyle(e).transitionDuration]);
    expect(motion).toEqual(['none', '0s']);
    await context.close();
  }, 180_000);

  it('a volume and a bind mount are drawn attached to their container, and the text alternative says what the pictures draw', async () => {
    const { context, page, errors } = await open('/en/playground/');
    await type(page, 'docker volume create data');
    await type(page, 'docker volume create spare');
    await type(page, 'docker run -d --name db -v data:/var/lib/data -v /home/learner:/src:ro alpine sleep 1000');
    await page.locator(`${container('db')}[data-state="running"]`).waitFor({ timeout: 30_000 });
    // A line from the volume to the container, and the volume's box says who uses it.
    await page.locator('.wires .mount[data-container="db"][data-mount="data"]').waitFor({ timeout: 10_000 });
    await page.locator('.wires .mount[data-container="db"][data-mount="/home/learner"]').waitFor({ timeout: 10_000 });
    expect(await page.locator('.mount-node[data-mount="data"]').getAttribute('aria-label')).toBe('volume data: used by db /var/lib/data');
    expect(await page.locator('.mount-node[data-mount="spare"]').getAttribute('aria-label')).toBe('volume spare: used by no container');
    expect(await page.locator('.mount-node[data-mount="data"]').textContent()).toContain('volume → /var/lib/data');

    // The text alternative: what each SVG node says is in the facts list too.
    const facts = page.locator('#diagram-facts');
    expect(await facts.getAttribute('class')).toContain('sr-only');
    const db = (await facts.locator('li[data-container="db"]').textContent()) ?? '';
    for (const fact of ['db: running', 'alpine', 'volume data → /var/lib/data', 'bind mount /home/learner → /src (ro)', /bridge 172\.17\.0\.\d+/]) expect(db).toMatch(fact);
    expect(await facts.locator('.facts-volumes').textContent()).toMatch(/data: used by db.*spare: used by no container/);
    const drawn = await page.evaluate(() => ({
      containers: [...document.querySelectorAll('.wiring .container-node')].map((e) => `${e.getAttribute('data-container')}: ${e.getAttribute('data-state')}`),
      mounts: [...document.querySelectorAll('.wires .mount')].map((e) => `${e.getAttribute('data-container')} ${e.getAttribute('data-mount')}`),
      networks: [...document.querySelectorAll('.wires .net')].map((e) => `${e.getAttribute('data-container')} ${e.getAttribute('data-network')}`),
      facts: document.querySelector('#diagram-facts')?.textContent ?? '',
    }));
    expect(drawn.containers).toEqual(['db: running']);
    for (const c of drawn.containers) expect(drawn.facts).toContain(c);
    for (const m of drawn.mounts) expect(drawn.facts).toContain(m.split(' ')[1]);
    for (const n of drawn.networks) expect(drawn.facts).toContain(n.split(' ')[1]);

    // Shown on request, for everyone.
    await page.getByRole('button', { name: 'Show as text' }).click();
    expect(await facts.getAttribute('class')).toBe('facts');
    expect(await facts.isVisible()).toBe(true);

    // Each box opens its inspect view, from the keyboard too.
    await page.locator('.mount-node[data-mount="data"]').focus();
    await page.keyboard.press('Enter');
    const inspect = page.getByRole('region', { name: 'inspect: data' });
    await inspect.waitFor({ timeout: 10_000 });
    expect(JSON.parse((await inspect.locator('pre').textContent()) ?? '{}')).toMatchObject({ Name: 'data', Driver: 'local' });
    expect(errors).toEqual([]);
    await context.close();
  }, 180_000);

  for (const path of ['/playground/', `/en/lessons/${LESSON}/`]) {
    it(`axe finds no serious or critical violations on ${path} with the diagram populated and the preview open`, async () => {
      const { context, page } = await open(path);
      await type(page, 'docker volume create data');
      await type(page, 'docker run -d -p 8080:80 --name web -v data:/data nginx');
      await type(page, 'docker run -d --name other alpine sleep 1000');
      await type(page, 'docker stop other');
      await page.locator(`${container('other')}[data-state="exited"]`).waitFor({ timeout: 30_000 });
      await page.locator('.preview-open').first().click();
      await page.frameLocator('.preview iframe').locator('h1').waitFor({ timeout: 30_000 });
      await page.locator(container('web')).click();
      await page.locator('.inspect pre').waitFor({ timeout: 10_000 });
      // The preview frame holds the container's page (nginx's), not the site's.
      const result = await new AxeBuilder({ page }).exclude('.preview iframe').analyze();
      const bad = result.violations.filter((v) => v.impact === 'serious' || v.impact === 'critical').map((v) => `${v.id}: ${v.help} (${v.nodes.map((n) => n.target.join(' ')).join(', ')})`);
      expect(bad).toEqual([]);
      await context.close();
    }, 180_000);
  }
});

/** The focused element, described: what it is, where it sits, and whether it shows that it has focus. */
const focused = (page: Page) =>
  page.evaluate(() => {
    const e = document.activeElement as HTMLElement | null;
    if (!e || e === document.body) return { what: 'body', inTerminal: false, inSteps: false, inDiagram: false, run: false, summary: '', shown: false };
    // A box in an SVG diagram shows focus with its outline stroke; everything else with an outline.
    const box = e.matches('.node') ? e.querySelector('.box') : null;
    return {
      what: `${e.tagName.toLowerCase()}.${[...e.classList].join('.')} ${(e.getAttribute('aria-label') ?? e.textContent ?? '').trim().slice(0, 40)}`,
      inTerminal: !!e.closest('.terminal'),
      inSteps: !!e.closest('.steps'),
      inDiagram: !!e.closest('.diagram'),
      run: e.matches('.step .command-bar .run'),
      summary: e.matches('summary') ? (e.closest('details')?.className ?? '') : '',
      shown: box ? getComputedStyle(box).stroke === 'rgb(240, 165, 0)' : getComputedStyle(e).outlineStyle !== 'none',
    };
  });

/** Focus back at the top of the document, as on arriving at the page: the next Tab goes to its first control. */
async function toTop(page: Page): Promise<void> {
  await page.evaluate(() => {
    document.body.tabIndex = -1;
    document.body.focus();
    document.body.removeAttribute('tabindex');
  });
}

describe.skipIf(!haveChromium)('the lesson page from the keyboard alone', () => {
  it('Tab reaches the hints, solutions, Run buttons, the terminal and the diagram; Enter on Run runs the command; the terminal can be left', async () => {
    const { context, page, errors } = await open(`/en/lessons/${LESSON}/`);
    await toTop(page);
    const seen: Awaited<ReturnType<typeof focused>>[] = [];
    for (let i = 0; i < 150; i++) {
      await page.keyboard.press('Tab');
      const f = await focused(page);
      seen.push(f);
      if (f.inTerminal) break;
    }
    expect(seen.at(-1)?.inTerminal).toBe(true);
    expect(seen[0]?.what).toMatch(/^a\.skip/);
    expect(seen.some((f) => f.summary === 'hint')).toBe(true);
    expect(seen.some((f) => f.summary === 'solution')).toBe(true);
    expect(seen.some((f) => f.run)).toBe(true);
    expect(await page.locator('.terminal-frame').evaluate((e) => getComputedStyle(e).outlineStyle)).toBe('solid');

    // In the terminal Tab completes; Esc then Tab moves on to the steps and the diagram, Shift+Tab goes back.
    await page.keyboard.press('Escape');
    await page.keyboard.press('Tab');
    expect((await focused(page)).inSteps).toBe(true);
    for (let i = 0; i < 40 && !(await focused(page)).what.startsWith('g.node'); i++) {
      await page.keyboard.press('Tab');
      seen.push(await focused(page));
    }
    expect((await focused(page)).what).toMatch(/^g\.node\.net-node network bridge/);
    // The inspect view opens with Enter, and its Close button takes the focus (then gives it back).
    await page.keyboard.press('Enter');
    await page.getByRole('region', { name: 'inspect: bridge' }).waitFor({ timeout: 10_000 });
    expect((await focused(page)).what).toBe('button. Close');
    await page.keyboard.press('Enter');
    expect(await page.locator('.inspect').count()).toBe(0);
    expect((await focused(page)).what).toMatch(/^g\.node\.net-node network bridge/);
    // Every stop on the way showed where focus was.
    expect(seen.filter((f) => f.what !== 'body' && !f.inTerminal && !f.shown).map((f) => f.what)).toEqual([]);

    // Shift+Tab goes back through the steps into the terminal, and on out of it.
    for (let i = 0; i < 40 && !(await focused(page)).inTerminal; i++) await page.keyboard.press('Shift+Tab');
    expect((await focused(page)).inTerminal).toBe(true);
    await page.keyboard.press('Shift+Tab');
    expect((await focused(page)).inTerminal).toBe(false);

    // From the top, Tab to the first step's Run button and press Enter: the command runs in the terminal, which takes the focus.
    await toTop(page);
    for (let i = 0; i < 150 && !(await focused(page)).run; i++) await page.keyboard.press('Tab');
    expect((await focused(page)).run).toBe(true);
    await page.keyboard.press('Enter');
    await page.waitForSelector('.steps li[data-step].done', { timeout: 60_000 });
    expect((await focused(page)).inTerminal).toBe(true);

    // A solution opens from the keyboard.
    await toTop(page);
    for (let i = 0; i < 150 && (await focused(page)).summary !== 'solution'; i++) await page.keyboard.press('Tab');
    await page.keyboard.press('Enter');
    expect(await page.locator('details.solution[open]').count()).toBe(1);
    expect(errors).toEqual([]);
    await context.close();
  }, 180_000);
});
