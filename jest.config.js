/** Jest 30 on native ESM: ts-jest in ESM mode, run under `node --experimental-vm-modules`. */

// ESM-only packages that CommonJS dependencies require(): Node 20 loads them natively, Jest's
// module system does not (before Node 24.9), so they are compiled to CommonJS for tests only.
// `useESM: true` keeps them ESM where they are import()ed (@fastify/cookie imports `cookie`):
// ts-jest then emits CommonJS only for require().
const REQUIRED_ESM = ['content-disposition', 'cookie'];

export default {
  testEnvironment: 'node',
  extensionsToTreatAsEsm: ['.ts'],
  moduleNameMapper: { '^(\\.{1,2}/.*)\\.js$': '$1' },
  transform: {
    '^.+\\.ts$': ['ts-jest', { useESM: true, tsconfig: 'tsconfig.json' }],
    [`node_modules/(${REQUIRED_ESM.join('|')})/.+\\.js$`]: [
      'ts-jest',
      {
        useESM: true,
        tsconfig: { allowJs: true, module: 'commonjs', target: 'ES2022', esModuleInterop: true },
      },
    ],
  },
  transformIgnorePatterns: [`/node_modules/(?!(${REQUIRED_ESM.join('|')})/)`],
  testMatch: [
    '<rootDir>/src/**/*.spec.ts',
    '<rootDir>/test/**/*.spec.ts',
    '<rootDir>/test/**/*.e2e-spec.ts',
    // The console in Chromium (test/browser): part of `npm test`, skipped on the PostgreSQL pass.
    '<rootDir>/test/browser/**/*.browser-spec.ts',
  ],
  globalSetup: '<rootDir>/test/support/global-setup.js',
  globalTeardown: '<rootDir>/test/support/global-teardown.js',
  testTimeout: 30000,
  maxWorkers: 2,
  // A worker that has grown past this after a test file is replaced by a fresh one. The workers
  // reached 1-1.5 GB by the end of a run, and one of them was force-exited at the end (a diagnostic
  // found no open handle in it): a smaller heap is quicker to collect and to leave.
  workerIdleMemoryLimit: '1GB',
};
