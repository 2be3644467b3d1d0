/**
 * Every program the emulated machine can run, by the name an executable file
 * gives (see engine/common/executable.ts). The kernel asks this resolver
 * when it execs a Berth executable; nothing here is loaded before it is run.
 */
import type { Program, ProgramResolver } from '../kernel/sys.ts';
import { applets, once } from './applets/index.ts';

type Loader = () => Promise<Program>;

const loaders: Record<string, Loader> = {
  busybox: () => import('./busybox.ts').then((m) => m.busybox),
  // bash and dash run Berth's ash: close enough for scripts that stay POSIX.
  bash: () => import('./sh/main.ts').then((m) => m.sh),
  dash: () => import('./sh/main.ts').then((m) => m.sh),
  // Package managers over the bundled index (engine/userland/pkg); apt and dpkg pick the tool from argv[0].
  apk: () => import('./pkg/apk/main.ts').then((m) => m.apk),
  apt: () => import('./pkg/deb/apt.ts').then((m) => m.apt),
  'apt-get': () => import('./pkg/deb/apt.ts').then((m) => m.apt),
  dpkg: () => import('./pkg/deb/dpkg.ts').then((m) => m.dpkg),
  'dpkg-query': () => import('./pkg/deb/dpkg.ts').then((m) => m.dpkg),
  git: () => import('./git/main.ts').then((m) => m.git),
  curl: () => import('./programs/curl/main.ts').then((m) => m.curl),
  // Full-screen editors that packages install (busybox vi is an applet).
  nano: () => import('./programs/nano/main.ts').then((m) => m.nano),
  vim: () => import('./programs/vim.ts').then((m) => m.vim),
  // Node.js 20 for the node image: the script's JavaScript runs instrumented on the host's engine (engine/userland/node).
  node: () => import('./node/main.ts').then((m) => m.node),
  // Servers and tools of the bundled images (engine/userland/servers).
  hello: () => import('./servers/hello.ts').then((m) => m.hello),
  gosu: () => import('./servers/gosu.ts').then((m) => m.gosu),
  nginx: () => import('./servers/nginx/main.ts').then((m) => m.nginx),
  'redis-server': () => import('./servers/redis/server.ts').then((m) => m.redisServer),
  'redis-cli': () => import('./servers/redis/cli.ts').then((m) => m.redisCli),
};

const programs: Record<string, Loader> = Object.fromEntries(Object.entries(loaders).map(([name, load]) => [name, once(load)]));

/** Programs that exist in the bundled images but not (yet) in Berth: they say so, as honestly as they can. */
function unavailable(name: string): Program {
  return async (sys) => {
    await sys.write(2, `${name}: this program is not part of Berth's emulated userland\n`);
    return 126;
  };
}

/**
 * Multi-call packages (coreutils, util-linux…) name the tool in `applet`;
 * Berth runs its busybox-compatible applet of that name where it has one.
 */
const APPLET_PACKAGES = new Set(['coreutils', 'util-linux', 'findutils', 'diffutils', 'debianutils', 'procps', 'gzip', 'sed', 'grep', 'tar', 'mawk', 'hostname']);

export const resolveProgram: ProgramResolver = async ({ program, applet }) => {
  const direct = programs[program];
  if (direct) return direct();
  const name = applet ?? program;
  if ((APPLET_PACKAGES.has(program) || applet === undefined) && applets[name]) {
    const run = await applets[name]!();
    // GNU tools run the applet under their own name.
    return run;
  }
  return unavailable(applet ?? program);
};
