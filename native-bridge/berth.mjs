#!/usr/bin/env node
// `npx berth …`: loads TypeScript through tsx, then runs the command table.
import { register } from 'tsx/esm/api';

register();
const { main } = await import('./cli.ts');
process.exitCode = await main(process.argv.slice(2));
