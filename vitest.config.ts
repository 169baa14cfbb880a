import { defineConfig } from 'vitest/config';

export default defineConfig({
  test: {
    include: ['{db,domain,ipc,host,cli,electron,scripts}/**/*.test.ts', 'test/unit/**/*.test.ts'],
    environment: 'node',
    pool: 'forks',
    testTimeout: 30_000,
    hookTimeout: 30_000,
  },
});
