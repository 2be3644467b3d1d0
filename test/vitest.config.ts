import { defineConfig } from 'vitest/config';

export default defineConfig({
  test: {
    root: new URL('..', import.meta.url).pathname,
    include: ['engine/**/*.test.ts', 'test/**/*.test.ts', 'lessons/**/*.test.ts', 'native-bridge/**/*.test.ts'],
    exclude: ['node_modules/**', 'dist/**'],
    testTimeout: 20_000,
    // Tests that mount real overlayfs or spawn tools run in their own processes.
    pool: 'forks',
  },
});
