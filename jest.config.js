/**
 * Three tiers, as separate jest projects:
 *  - unit: *.test.ts beside the code, no database;
 *  - int:  *.int.test.ts, one subgraph in-process against real PostgreSQL;
 *  - e2e:  *.e2e.test.ts, the whole graph (subgraph processes + gateway) over HTTP.
 * One PostgreSQL server for the run: embedded by default, TEST_DATABASE_URL when set.
 */
const shared = {
  testEnvironment: 'node',
  transform: { '^.+\\.ts$': ['ts-jest', { tsconfig: '<rootDir>/tsconfig.test.json' }] },
  moduleFileExtensions: ['ts', 'js', 'json'],
  moduleNameMapper: {
    '^@maison/(config|errors|auth|http|house|kit|testing|embedded-db|space-holds|telemetry)$': '<rootDir>/packages/$1/src',
    '^@maison/(tenants|coworking|gallery)$': '<rootDir>/services/$1/src',
    '^@maison/gateway$': '<rootDir>/gateway/src',
  },
  modulePathIgnorePatterns: ['<rootDir>/.*/dist/'],
  rootDir: __dirname,
};

module.exports = {
  testTimeout: 120000,
  globalSetup: '<rootDir>/packages/testing/src/global-setup.ts',
  globalTeardown: '<rootDir>/packages/testing/src/global-teardown.ts',
  projects: [
    {
      ...shared,
      displayName: 'unit',
      testMatch: ['<rootDir>/**/src/**/*.test.ts', '<rootDir>/tests/**/*.test.ts'],
      testPathIgnorePatterns: ['/node_modules/', '/dist/', '\\.int\\.test\\.ts$', '\\.e2e\\.test\\.ts$'],
    },
    {
      ...shared,
      displayName: 'int',
      testMatch: ['<rootDir>/**/*.int.test.ts'],
      testPathIgnorePatterns: ['/node_modules/', '/dist/'],
    },
    {
      ...shared,
      displayName: 'e2e',
      testMatch: ['<rootDir>/**/*.e2e.test.ts'],
      testPathIgnorePatterns: ['/node_modules/', '/dist/'],
    },
  ],
};
