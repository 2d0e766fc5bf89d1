import { defineConfig } from 'vitest/config';

// unit: pure functions and the extraction quality gate, no services.
// integration: a real Neo4j (started once by tests/setup/neo4j.ts), the API, and Chromium end to end.
export default defineConfig({
  test: {
    projects: [
      {
        test: {
          name: 'unit',
          include: ['tests/unit/**/*.test.ts', 'tests/quality/**/*.test.ts'],
          environment: 'node',
          testTimeout: 60_000,
        },
      },
      {
        test: {
          name: 'integration',
          include: ['tests/integration/**/*.test.ts', 'tests/e2e/**/*.test.ts'],
          environment: 'node',
          globalSetup: ['tests/setup/neo4j.ts'],
          // One database for the whole run: files take turns instead of racing on it.
          fileParallelism: false,
          testTimeout: 120_000,
          hookTimeout: 300_000,
        },
      },
    ],
  },
});
