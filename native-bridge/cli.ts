/**
 * The `berth` command for Node (`npx berth …`), Berth's programs for a real
 * host. Each subcommand is one entry in the table below; later issues add
 * `sh`, `shell`, `lessons` and `bridge`. It uses the engine only through
 * engine/index.ts, like every other client.
 */
import { mkdir, rm, writeFile } from 'node:fs/promises';
import { dirname, join, resolve } from 'node:path';
import { nodePlatform } from '../engine/platform/node/index.ts';
import { ContentStore, buildImages, bundledImages, distributionLayout, encodeJson, ociLayout, shortId, type FileMap } from '../engine/index.ts';

interface Command {
  usage: string;
  summary: string;
  run(args: string[]): Promise<number>;
}

const commands: Record<string, Command> = {
  'images build': {
    usage: 'berth images build [--out DIR]',
    summary: 'Build the bundled base images as an OCI layout (DIR/oci) and registry files (DIR/registry)',
    run: imagesBuild,
  },
};

export async function main(argv: string[]): Promise<number> {
  const key = argv.slice(0, 2).join(' ');
  const command = commands[key];
  if (!command) {
    const lines = Object.values(commands).map((c) => `  ${c.usage.padEnd(34)} ${c.summary}`);
    process.stderr.write(`Usage: berth COMMAND\n\nCommands:\n${lines.join('\n')}\n`);
    return argv.length === 0 || argv[0] === '--help' ? 0 : 2;
  }
  try {
    return await command.run(argv.slice(2));
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
