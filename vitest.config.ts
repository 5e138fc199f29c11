import { defineConfig } from 'vitest/config';

export default defineConfig({
  test: {
    include: ['test/**/*.test.ts'],
    // The end-to-end files build and run containers on a shared builder, several files at once on
    // few cores: a test that takes 10 s alone can take 30 s or more beside them.
    testTimeout: 300_000,
  },
});
