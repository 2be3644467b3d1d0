/**
 * The images Berth's simulated Docker Hub serves, base images first (their
 * layers are reused by the images built on them).
 */
import { alpine } from './alpine.ts';
import { busybox } from './busybox.ts';
import { debian, debianSlim } from './debian.ts';
import { helloWorld } from './hello-world.ts';
import { nginx, nginxAlpine } from './nginx.ts';
import { node } from './node.ts';
import { redis } from './redis.ts';
import type { ImageSpec } from './spec.ts';
import { ubuntu } from './ubuntu.ts';

export const bundledImages: ImageSpec[] = [
  helloWorld,
  alpine,
  busybox,
  debianSlim,
  debian,
  ubuntu,
  nginx,
  nginxAlpine,
  node,
  redis,
];
