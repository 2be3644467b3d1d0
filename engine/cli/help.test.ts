/**
 * `--help` for every command in the table, compared byte for byte with the
 * real docker 28.2.2 client (run without a daemon, so it hides nothing).
 */
import { execFileSync, spawnSync } from 'node:child_process';
import { existsSync, mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { flagUsages, renderHelp } from './help.ts';
import { childrenOf, COMMANDS, ROOT, type CommandNode } from './spec/index.ts';

const DOCKER = ['/usr/bin/docker', '/usr/local/bin/docker'].find((p) => existsSync(p));
const realVersion = DOCKER ? execFileSync(DOCKER, ['--version']).toString() : '';
const haveDocker = realVersion.startsWith('Docker version 28.2.2,');

const configDir = mkdtempSync(join(tmpdir(), 'berth-docker-config-'));
const env = { PATH: '/usr/bin:/bin', HOME: '/nonexistent-home', DOCKER_CONFIG: configDir, DOCKER_HOST: 'unix:///nonexistent.sock' };

function real(args: string[]) {
  const r = spawnSync(DOCKER!, args, { env, stdio: ['ignore', 'pipe', 'pipe'] });
  return { stdout: r.stdout.toString(), stderr: r.stderr.toString(), status: r.status };
}

/** Every place in the tree: each management command, each subcommand, each top-level copy. */
function allNodes(): CommandNode[] {
  const out: CommandNode[] = [];
  const walk = (n: CommandNode) => {
    for (const c of childrenOf(n.path)) {
      if (c.spec.hidden) continue;
      out.push(c);
      walk(c);
    }
  };
  walk(ROOT);
  return out;
}

describe.skipIf(!haveDocker)('help matches docker 28.2.2', () => {
  it('docker --help', () => {
    expect(renderHelp([], { env })).toBe(real(['--help']).stdout);
  });

  const nodes = allNodes();
  it('covers the whole table', () => {
    expect(nodes.length).toBeGreaterThan(170);
    const reached = new Set(nodes.map((n) => n.spec));
    // `buildx build` is the plugin's (hidden `buildx` here): the installed client has no buildx.
    expect(COMMANDS.filter((s) => !s.hidden && s.path[0] !== 'buildx' && !reached.has(s)).map((s) => s.path.join(' '))).toEqual([]);
  });

  for (const node of nodes) {
    const path = node.path.join(' ');
    it(`docker ${path} --help`, () => {
      expect(renderHelp(node.path, { env })).toBe(real([...node.path, '--help']).stdout);
    });
  }

  it('cobra aliases name the canonical command', () => {
    expect(renderHelp(['container', 'list'], { env })).toBe(real(['container', 'list', '--help']).stdout);
    expect(renderHelp(['image', 'remove'], { env })).toBe(real(['image', 'remove', '--help']).stdout);
  });

  // Help wraps to the terminal's width; `script` gives the real client one.
  const haveScript = existsSync('/usr/bin/script');
  it.skipIf(!haveScript)('wraps to the terminal width', () => {
    for (const width of [30, 45, 60, 132]) {
      for (const path of [[], ['run'], ['container'], ['network', 'create']]) {
        const cmd = `stty cols ${width}; ${DOCKER} ${path.join(' ')} --help 2>/dev/null`;
        const out = spawnSync('/usr/bin/script', ['-qc', cmd, '/dev/null'], { env }).stdout.toString().replace(/\r\n/g, '\n');
        expect(renderHelp(path, { env, width }), `${width} ${path.join(' ')}`).toBe(out);
      }
    }
  });

  it('environment defaults', () => {
    const e2 = { ...env, DOCKER_DEFAULT_PLATFORM: 'linux/arm64', DOCKER_CONTENT_TRUST: '1' };
    const r = spawnSync(DOCKER!, ['run', '--help'], { env: e2 });
    expect(renderHelp(['run'], { env: e2 })).toBe(r.stdout.toString());
  });
});

describe('flagUsages (pflag FlagUsagesWrapped)', () => {
  it('aligns and wraps like pflag', () => {
    const text = flagUsages(
      [
        { name: 'all', short: 'a', type: 'bool', usage: 'Show all containers (default shows just running)' },
        { name: 'last', short: 'n', type: 'int', usage: 'Show n last created containers (includes all states)', defaultText: '-1' },
      ],
      79,
    );
    expect(text).toBe(
      '  -a, --all        Show all containers (default shows just running)\n' +
        '  -n, --last int   Show n last created containers (includes all states)\n' +
        '                   (default -1)\n',
    );
  });

  it('does not wrap with width 0', () => {
    expect(flagUsages([{ name: 'x', type: 'string', usage: 'a\nb' }], 0)).toBe('      --x string   a\n                   b\n');
  });
});
