/**
 * The `docker` client on the learner's host: parses the command line
 * against the command table (spec/, flags.ts), then runs the command's
 * handler with an Engine API client. Each handler lives in commands/ and is
 * found by the command's canonical path.
 */
import { once } from '../common/once.ts';
import type { ApiClient } from '../api/client.ts';
import type { Program } from '../kernel/sys.ts';
import type { Parsed } from './command.ts';
import { Cli, report } from './cli.ts';

export const DOCKER_VERSION = '28.2.2';
export const DOCKER_BUILD = 'e6534b4';

type Handler = (cli: Cli, p: Parsed) => Promise<number>;

const run = once(() => import('./commands/run.ts'));
const containers = once(() => import('./commands/containers.ts'));
const images = once(() => import('./commands/images.ts'));
const system = once(() => import('./commands/system.ts'));
const volumes = once(() => import('./commands/volumes.ts'));
const networks = once(() => import('./commands/networks.ts'));
const extras = once(() => import('./commands/container-extras.ts'));
const cp = once(() => import('./commands/container-cp.ts'));
const imageExtras = once(() => import('./commands/image-extras.ts'));
const registry = once(() => import('./commands/registry.ts'));
const systemExtras = once(() => import('./commands/system-extras.ts'));

/** Canonical path → handler. */
const HANDLERS: Record<string, () => Promise<Handler>> = {
  'container run': () => run().then((m) => m.runRun),
  'container create': () => run().then((m) => m.runCreate),
  'container start': () => run().then((m) => m.runStart),
  'container attach': () => run().then((m) => m.runAttach),
  'container stop': () => containers().then((m) => m.runStop),
  'container restart': () => containers().then((m) => m.runRestart),
  'container kill': () => containers().then((m) => m.runKill),
  'container pause': () => containers().then((m) => m.runPause),
  'container unpause': () => containers().then((m) => m.runUnpause),
  'container rm': () => containers().then((m) => m.runRm),
  'container rename': () => containers().then((m) => m.runRename),
  'container wait': () => containers().then((m) => m.runWait),
  'container logs': () => containers().then((m) => m.runLogs),
  'container exec': () => containers().then((m) => m.runExec),
  'container ls': () => containers().then((m) => m.runPs),
  'container inspect': () => containers().then((m) => (cli, p) => m.runInspect(cli, p, 'container')),
  inspect: () => containers().then((m) => (cli, p) => m.runInspect(cli, p)),
  'image inspect': () => containers().then((m) => (cli, p) => m.runInspect(cli, p, 'image')),
  'image ls': () => images().then((m) => m.runImages),
  'image pull': () => images().then((m) => m.runPull),
  'image rm': () => images().then((m) => m.runRmi),
  'image tag': () => images().then((m) => m.runTag),
  'image history': () => images().then((m) => m.runHistory),
  'volume create': () => volumes().then((m) => m.runVolumeCreate),
  'volume ls': () => volumes().then((m) => m.runVolumeLs),
  'volume inspect': () => volumes().then((m) => m.runVolumeInspect),
  'volume rm': () => volumes().then((m) => m.runVolumeRm),
  'volume prune': () => volumes().then((m) => m.runVolumePrune),
  'network create': () => networks().then((m) => m.runNetworkCreate),
  'network ls': () => networks().then((m) => m.runNetworkLs),
  'network inspect': () => networks().then((m) => m.runNetworkInspect),
  'network rm': () => networks().then((m) => m.runNetworkRm),
  'network connect': () => networks().then((m) => m.runNetworkConnect),
  'network disconnect': () => networks().then((m) => m.runNetworkDisconnect),
  'network prune': () => networks().then((m) => m.runNetworkPrune),
  'container top': () => extras().then((m) => m.runTop),
  'container stats': once(() => import('./commands/container-stats.ts').then((m) => m.runStats)),
  'container diff': () => extras().then((m) => m.runDiff),
  'container commit': () => extras().then((m) => m.runCommit),
  'container port': () => extras().then((m) => m.runPort),
  'container update': () => extras().then((m) => m.runUpdate),
  'container prune': () => extras().then((m) => m.runContainerPrune),
  'container export': () => extras().then((m) => m.runExport),
  'container cp': () => cp().then((m) => m.runCp),
  'image build': once(() => import('./commands/build.ts').then((m) => m.runBuild)),
  'buildx build': once(() => import('./commands/buildx.ts').then((m) => m.runBuildx)),
  'image save': () => imageExtras().then((m) => m.runSave),
  'image load': () => imageExtras().then((m) => m.runLoad),
  'image import': () => imageExtras().then((m) => m.runImport),
  'image push': () => imageExtras().then((m) => m.runPush),
  'image prune': () => imageExtras().then((m) => m.runImagePrune),
  'builder prune': () => imageExtras().then((m) => m.runBuilderPrune),
  'buildx prune': () => imageExtras().then((m) => m.runBuildxPrune),
  login: () => registry().then((m) => m.runLogin),
  logout: () => registry().then((m) => m.runLogout),
  search: () => registry().then((m) => m.runSearch),
  'system df': () => systemExtras().then((m) => m.runSystemDf),
  'system prune': () => systemExtras().then((m) => m.runSystemPrune),
  'system events': () => systemExtras().then((m) => m.runEvents),
  version: () => system().then((m) => m.runVersion),
  'system info': () => system().then((m) => m.runInfo),
};

const loadFlags = once(() => import('./flags.ts'));

/** The docker program, bound to the API client of the daemon it talks to. */
export function dockerProgram(api: ApiClient): Program {
  return async (sys) => {
    const { parseCommandLine } = await loadFlags();
    const env: Record<string, string> = {};
    for (const e of sys.env) env[e.slice(0, e.indexOf('='))] = e.slice(e.indexOf('=') + 1);
    let width = 80;
    try {
      if (sys.isatty(1)) width = sys.getWinsize(1).cols || 80;
    } catch {
      // not a terminal
    }
    const result = parseCommandLine(sys.argv.slice(1), { env, width, buildx: true });
    for (const n of result.notices) await sys.write(n.fd, n.text);
    switch (result.kind) {
      case 'version':
        await sys.write(1, result.text);
        return 0;
      case 'help':
        await sys.write(result.fd, result.text);
        return 0;
      case 'error':
        await sys.write(2, result.stderr);
        return result.code;
      case 'run': {
        const parsed = result.parsed;
        const key = parsed.spec.path.join(' ');
        const load = HANDLERS[key];
        const cli = new Cli(api, sys);
        cli.debug = result.global.values.debug === true;
        if (!load) {
          await sys.write(2, `docker ${key}: not available in Berth's emulated engine yet\n`);
          return 1;
        }
        const handler = await load();
        return report(cli, parsed, () => handler(cli, parsed));
      }
    }
  };
}
