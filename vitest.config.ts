import { defineConfig } from 'vitest/config';

// Three layers: fast unit tests (`test/unit`); fault tests (`test/fault`) that
// run the real build with injected failures into temporary output folders;
// and end-to-end tests (`test/e2e`) that drive the built `dist/` in headless
// Chromium. `npm test` runs all three.
export default defineConfig({
  test: {
    projects: [
      { test: { name: 'unit', include: ['test/unit/**/*.test.ts'], testTimeout: 60_000 } },
      { test: { name: 'fault', include: ['test/fault/**/*.test.ts'], testTimeout: 180_000, fileParallelism: false } },
      {
        test: {
          name: 'e2e',
          include: ['test/e2e/**/*.test.ts'],
          globalSetup: ['test/e2e/harness/global-setup.ts'],
          testTimeout: 120_000,
          hookTimeout: 300_000,
          fileParallelism: false,
        },
      },
    ],
  },
});
