/**
 * The `berth` command for Node (`npx berth …`), Berth's programs for a real
 * host. Each subcommand is one entry in the table below; later issues add
 * `lessons` and `bridge`. It uses the engine only through
 * engine/index.ts, like every other client.
 */
import { mkdir, readFile, rm, writeFile } from 'node:fs/promises';
import { dirname, join, resolve } from 'node:path';
import { nodePlatform } from '../engine/platform/node/index.ts';
import { ContentStore, LEARNER, bootLearnerHost, buildImages, bundledImages, distributionLayout, encodeJson, exitCode, ociLayout, shortId, type FileMap, type Host } from '../engine/index.ts';

interface Command {
  usage: string;
  summary: string;
  run(args: string[]): Promise<number>;
}

const commands: Record<string, Command> = {
  sh: {
    usage: 'berth sh [-c CMD | FILE] [ARG…]',
    summary: "Run the emulated host's busybox sh as the learner (a script file is copied in first)",
    run: sh,
  },
  shell: {
    usage: 'berth shell [--root]',
    summary: 'An interactive login shell on the emulated host, on this terminal',
    run: shell,
  },
  'lessons check': {
    usage: 'berth lessons check [DIR…]',
    summary: 'Validate lessons: schema, prose markers, and each step false before its solution and true after',
    run: lessonsCheck,
  },
  'images build': {
    usage: 'berth images build [--out DIR]',
    summary: 'Build the bundled base images as an OCI layout (DIR/oci) and registry files (DIR/registry)',
    run: imagesBuild,
  },
};

export async function main(argv: string[]): Promise<number> {
  const key = commands[argv.slice(0, 2).join(' ')] ? argv.slice(0, 2).join(' ') : argv[0] ?? '';
  const command = commands[key];
  if (!command) {
    const lines = Object.values(commands).map((c) => `  ${c.usage.padEnd(34)} ${c.summary}`);
    process.stderr.write(`Usage: berth COMMAND\n\nCommands:\n${lines.join('\n')}\n`);
    return argv.length === 0 || argv[0] === '--help' ? 0 : 2;
  }
  try {
    return await command.run(argv.slice(key.split(' ').length));
  } catch (err) {
    process.stderr.write(`berth: ${(err as Error).message}\n`);
    return 1;
  }
}

async function writeFiles(root: string, files: FileMap): Promise<void> {
  for (const [path, data] of files) {
    const full = join(root, path);
    await mkdir(dirname(full), { recursive: true });
    await writeFile(full, data);
  }
}

const human = (n: number) => (n < 1000 ? `${n}B` : n < 1e6 ? `${(n / 1e3).toFixed(1)}kB` : `${(n / 1e6).toFixed(1)}MB`);

async function imagesBuild(args: string[]): Promise<number> {
  let out = 'dist/images';
  for (let i = 0; i < args.length; i++) {
    if (args[i] === '--out' && args[i + 1]) out = args[++i]!;
    else if (args[i]?.startsWith('--out=')) out = args[i]!.slice(6);
    else {
      process.stderr.write(`berth images build: unknown argument ${args[i]}\n`);
      return 2;
    }
  }
  const root = resolve(out);
  const platform = nodePlatform();
  const content = new ContentStore(platform);
  const started = performance.now();
  const built = await buildImages(platform, content, bundledImages);

  const layoutImages = built.flatMap((b) =>
    b.spec.tags.map((tag) => ({
      refName: `${b.spec.repository}:${tag}`,
      imageName: `docker.io/${b.spec.repository.includes('/') ? '' : 'library/'}${b.spec.repository}:${tag}`,
      target: b.index,
    })),
  );
  const repos = new Map<string, Record<string, (typeof built)[number]['index']>>();
  for (const b of built) {
    const name = b.spec.repository.includes('/') ? b.spec.repository : `library/${b.spec.repository}`;
    const tags = repos.get(name) ?? {};
    for (const tag of b.spec.tags) tags[tag] = b.index;
    repos.set(name, tags);
  }
  await rm(join(root, 'oci'), { recursive: true, force: true });
  await rm(join(root, 'registry'), { recursive: true, force: true });
  await writeFiles(join(root, 'oci'), ociLayout(content, layoutImages));
  const registry = distributionLayout(content, [...repos].map(([name, tags]) => ({ name, tags })));
  // What `docker search` shows, for the simulated Docker Hub.
  registry.set(
    'v1/search.json',
    encodeJson(
      built
        .filter((b, i) => built.findIndex((o) => o.spec.repository === b.spec.repository) === i)
        .map((b) => ({ name: b.spec.repository, description: b.spec.description, star_count: b.spec.stars, is_official: b.spec.official, is_automated: false })),
    ),
  );
  await writeFiles(join(root, 'registry'), registry);

  const rows = built.map((b) => {
    const size = b.layers.reduce((n, l) => n + l.descriptor.size, 0);
    return [`${b.spec.repository}:${b.spec.tags[0]}`, shortId(b.config.digest), String(b.layers.length), human(size), b.index.digest];
  });
  const header = ['IMAGE', 'IMAGE ID', 'LAYERS', 'COMPRESSED', 'INDEX DIGEST'];
  const widths = header.map((h, i) => Math.max(h.length, ...rows.map((r) => r[i]!.length)));
  const fmt = (r: string[]) => r.map((c, i) => (i === r.length - 1 ? c : c.padEnd(widths[i]! + 3))).join('');
  process.stdout.write([fmt(header), ...rows.map(fmt)].join('\n') + '\n');
  process.stdout.write(
    `\n${built.length} images, ${content.walk().length} blobs (${human(content.size())}) in ${Math.round(performance.now() - started)} ms\n` +
      `OCI layout:      ${join(root, 'oci')}   (try: skopeo inspect oci:${join(root, 'oci')}:alpine:latest)\n` +
      `registry files:  ${join(root, 'registry')}\n`,
  );
  return 0;
}

/**
 * `berth sh`: the emulated host's shell with this process's standard streams
 * on pipes, so `berth sh -c 'echo hi' | wc` and exit statuses work as with
 * any shell. The emulated host starts fresh each time.
 *
 * A script named on the command line lives on the real disk; it is copied to
 * the same path in the emulated host (relative paths under the learner's
 * home, where the shell starts) so that $0 and "FILE: line N:" messages read
 * as they would for the real busybox.
 */
async function sh(args: string[]): Promise<number> {
  const script = scriptOperand(args);
  if (process.stdin.isTTY && process.stdout.isTTY && script === undefined && !args.some((a) => /^-[^-]*c/.test(a))) {
    // No script, no command, a terminal: that is the interactive shell.
    return shell(args.filter((a) => a === '--root'));
  }
  const host = bootLearnerHost(nodePlatform());
  if (script !== undefined) {
    const inside = script.startsWith('/') ? script : `${LEARNER.home}/${script}`;
    const text = await readFile(script).catch(() => undefined);
    if (text && !inside.split('/').includes('..')) host.writeFile(inside, new Uint8Array(text), 0o755, { uid: LEARNER.uid, gid: LEARNER.gid });
  }
  const child = await host.spawn(['/bin/sh', ...args]);
  const pumpOut = (async () => {
    for await (const chunk of child.stdout) if (!process.stdout.write(chunk)) await new Promise((r) => process.stdout.once('drain', r));
  })();
  const pumpErr = (async () => {
    for await (const chunk of child.stderr) process.stderr.write(chunk);
  })();
  process.stdin.on('data', (d: Buffer) => child.stdin.write(new Uint8Array(d)));
  process.stdin.on('end', () => child.stdin.close());
  const status = await child.ended;
  process.stdin.destroy();
  await Promise.all([pumpOut, pumpErr]);
  return exitCode(status);
}

/** The script operand of sh's arguments, when there is one (no -c, no -s). */
function scriptOperand(args: string[]): string | undefined {
  for (let i = 0; i < args.length; i++) {
    const a = args[i]!;
    if (a === '--') return args[i + 1];
    if (a === '-o' || a === '+o') {
      i++;
      continue;
    }
    if (/^[-+]/.test(a) && a.length > 1) {
      if (a.startsWith('-') && (a.includes('c') || a.includes('s'))) return undefined;
      continue;
    }
    return a;
  }
  return undefined;
}

/**
 * `berth shell`: this terminal becomes the emulated host's console. Keys go
 * to the emulated terminal's line discipline raw, so ^C, ^Z, ^D and line
 * editing behave as the emulated programs decide.
 */
async function shell(args: string[]): Promise<number> {
  const root = args.includes('--root');
  const unknown = args.find((a) => a !== '--root');
  if (unknown) {
    process.stderr.write(`berth shell: unknown argument ${unknown}\n`);
    return 2;
  }
  if (!process.stdin.isTTY || !process.stdout.isTTY) {
    process.stderr.write('the input device is not a TTY\n');
    return 1;
  }
  const host: Host = bootLearnerHost(nodePlatform());
  const tty = host.machine.kernel.createPty();
  // A terminal that reports no size (0×0) is treated as 80×24, as programs do.
  const size = () => ({ rows: process.stdout.rows || 24, cols: process.stdout.columns || 80 });
  tty.resize(size());
  tty.onOutput((bytes) => process.stdout.write(bytes));
  process.stdout.on('resize', () => tty.resize(size()));
  process.stdout.write(host.readFile('/etc/motd'));
  process.stdin.setRawMode(true);
  process.stdin.on('data', (d: Buffer) => tty.input(new Uint8Array(d)));
  try {
    const session = host.attach(['-sh'], tty, { path: '/bin/sh', ...(root ? { uid: 0, env: { HOME: '/root', USER: 'root', LOGNAME: 'root' } } : {}) });
    return exitCode(await session.ended);
  } finally {
    process.stdin.setRawMode(false);
    process.stdin.destroy();
  }
}

/** `berth lessons check [DIR…]`: the lessons directory, or the lesson directories given. */
async function lessonsCheck(args: string[]): Promise<number> {
  const { loadLesson, loadLessons, LessonError } = await import('../lessons/load.ts');
  const { validateLesson } = await import('../lessons/validate.ts');
  const platform = nodePlatform();
  let failed = 0;
  let lessons;
  try {
    if (args.length === 0) lessons = await loadLessons();
    else {
      lessons = [];
      for (const a of args) {
        const dir = resolve(a);
        try {
          lessons.push(await loadLesson(dir));
        } catch (err) {
          if (!(err instanceof LessonError) || !/ENOENT|lesson\.yaml: ENOENT/.test(err.message)) throw err;
          lessons.push(...(await loadLessons(dir)));
        }
      }
    }
  } catch (err) {
    if (err instanceof LessonError) {
      process.stdout.write(`FAIL ${err.lessonDir}\n  ${err.message.replace(/\n/g, '\n  ')}\n`);
      return 1;
    }
    throw err;
  }
  for (const { lesson, files } of lessons) {
    const r = await validateLesson(platform, lesson, files);
    if (!r.ok) failed++;
    process.stdout.write(`${r.ok ? 'ok  ' : 'FAIL'} ${lesson.id} (${lesson.steps.length} steps, ${(r.ms / 1000).toFixed(1)} s)\n`);
    if (r.error) process.stdout.write(`  ${r.error}\n`);
    for (const s of r.steps) {
      if (s.before) process.stdout.write(`  step ${s.id}: its check already holds before the solution\n`);
      if (!s.after) process.stdout.write(`  step ${s.id}: its check does not hold after the solution\n`);
      if (s.failed && !s.after) process.stdout.write(`    \`${s.failed.command}\` exited ${s.failed.code}:\n      ${s.failed.output.replace(/\n/g, '\n      ')}\n`);
    }
  }
  process.stdout.write(`${lessons.length - failed} of ${lessons.length} lessons pass\n`);
  return failed > 0 ? 1 : 0;
}
