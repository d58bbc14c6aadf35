import { createRequire } from 'node:module';

const { grouped, escape } = createRequire(import.meta.url)('./test/support/test-groups.cjs');
/** `npm test` runs the small files in groups sharing their modules (test/support/test-groups.cjs); alone, any file runs by itself. */
const inGroups = process.env.PSM_TEST_GROUPS === '1';

/** ESM all the way: Nest 12 ships ESM only. */
export default {
  testEnvironment: 'node',
  extensionsToTreatAsEsm: ['.ts'],
  roots: ['<rootDir>/test'],
  testMatch: ['**/*.spec.ts'],
  testPathIgnorePatterns: ['/node_modules/', ...(inGroups ? grouped().map((file) => `<rootDir>/${escape(file)}$`) : ['<rootDir>/test/groups/'])],
  moduleNameMapper: { '^(\\.{1,2}/.*)\\.js$': '$1' },
  transform: { '^.+\\.ts$': ['ts-jest', { useESM: true, tsconfig: 'tsconfig.json' }] },
  // temporary stores on a RAM disk where there is one: fsyncs that wait for nothing
  globalSetup: '<rootDir>/test/support/temporary-files-in-memory.cjs',
  setupFiles: ['<rootDir>/test/support/graphql-without-realm-checks.cjs'],
  testSequencer: '<rootDir>/test/support/longest-files-first.cjs',
  testTimeout: 30000,
  // every core: the model-based suite alone takes about a minute and a half of one
  maxWorkers: '100%',
  reporters: ['default', '<rootDir>/test/support/summary-reporter.cjs'],
};
