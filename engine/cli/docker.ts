/**
 * The `docker` client on the learner's host. It talks to the daemon at
 * $DOCKER_HOST (default unix:///var/run/docker.sock); the daemon and the
 * command table arrive with the next issue. Until the socket exists, every
 * command that needs the daemon fails as the real client does when none is
 * running.
 */
import type { Program } from '../kernel/sys.ts';

export const DOCKER_VERSION = '28.2.2';
const BUILD = 'e6534b4';

export const docker: Program = async (sys) => {
  const args = sys.argv.slice(1);
  if (args[0] === '--version' || args[0] === '-v') {
    await sys.write(1, `Docker version ${DOCKER_VERSION}, build ${BUILD}\n`);
    return 0;
  }
  const env = new Map(sys.env.map((e) => [e.slice(0, e.indexOf('=')), e.slice(e.indexOf('=') + 1)]));
  const host = env.get('DOCKER_HOST') || 'unix:///var/run/docker.sock';
  await sys.write(2, `Cannot connect to the Docker daemon at ${host}. Is the docker daemon running?\n`);
  return 1;
};
