/**
 * hello-world:latest, the image `docker run hello-world` pulls: one static
 * program at /hello that prints the famous greeting, and nothing else.
 */
import { DEFAULT_PATH, meta, program, step } from './fs.ts';
import type { ImageSpec, LayerSpec } from './spec.ts';

export const HELLO_CREATED = '2023-05-02T16:49:27Z';

export const HELLO_LAYER: LayerSpec = {
  mtime: HELLO_CREATED,
  files: [program('/hello', 'hello')],
};

export const helloWorld: ImageSpec = {
  repository: 'hello-world',
  tags: ['latest', 'linux'],
  description: 'Hello World! (an example of minimal Dockerization)',
  official: true,
  stars: 2_300,
  architecture: 'amd64',
  os: 'linux',
  config: { Env: [DEFAULT_PATH], Cmd: ['/hello'] },
  history: [
    step(HELLO_CREATED, 'COPY hello / # buildkit', HELLO_LAYER),
    meta(HELLO_CREATED, 'CMD ["/hello"]'),
  ],
};
