/**
 * Writes the simulated Docker Hub's bundled images, as Node builds them, to
 * the file named on the command line (the site's `hub-seed.bin`; see
 * engine/registry/hub-seed.ts). astro.config.mjs runs it after a build.
 */
import { writeFileSync } from 'node:fs';
import { bundledHubSeed } from '../../engine/index.ts';
import { nodePlatform } from '../../engine/platform/node/index.ts';

const out = process.argv[2];
if (!out) {
  console.error('usage: hub-seed.ts FILE');
  process.exit(2);
}
writeFileSync(out, await bundledHubSeed(nodePlatform()));
