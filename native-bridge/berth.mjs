#!/usr/bin/env node
// `npx berth …`: loads TypeScript through tsx, then runs the command table.
import { register } from 'tsx/esm/api';

register();
// `berth … | head` closes the pipe early: that is not an error.
process.stdout.on('error', (err) => {
  if (err.code === 'EPIPE') process.exit(0);
  throw err;
});
const { main } = await import('./cli.ts');
const code = await main(process.argv.slice(2));
// An emulated machine keeps timers alive; leave once our output is flushed.
process.stdout.write('', () => process.exit(code));
