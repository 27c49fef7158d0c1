// Tests are TypeScript transformed by @swc/jest (ts-jest needs the TypeScript JS API, which the
// native TypeScript 7 compiler no longer ships). Type-checking is `tsc --noEmit`, run by `npm test`.
const swc = [
  '@swc/jest',
  {
    jsc: {
      parser: { syntax: 'typescript', tsx: true },
      transform: { react: { runtime: 'automatic' } },
      target: 'es2022',
    },
    module: { type: 'commonjs' },
  },
];

// ESM-only packages that jest (CommonJS) must transform.
const esmPackages = ['p-limit', 'yocto-queue'];

// The static/ apps' path aliases (tsconfig.json `paths`, static/vite.config.ts `resolve.alias`).
const moduleNameMapper = {
  '^@domain/(.*)$': '<rootDir>/src/domain/$1',
  '^@contracts/(.*)$': '<rootDir>/src/contracts/$1',
  // Component tests (jsdom) import components that import their stylesheets; jest needs no CSS.
  '\\.css$': '<rootDir>/static/src/shared/testing/style-stub.js',
};

const common = {
  transform: { '^.+\\.(t|j)sx?$': swc },
  moduleNameMapper,
  transformIgnorePatterns: [`/node_modules/(?!(${esmPackages.join('|')})/)`],
  testEnvironment: 'node',
};

/** @type {import('jest').Config} */
module.exports = {
  projects: [
    {
      ...common,
      displayName: 'unit',
      testMatch: [
        '<rootDir>/src/**/*.test.ts',
        '<rootDir>/dev/**/*.test.ts',
        '<rootDir>/test/**/*.test.ts',
        '<rootDir>/cli/**/*.test.ts',
        '<rootDir>/static/src/**/*.test.ts?(x)',
      ],
    },
    {
      ...common,
      displayName: 'e2e',
      testMatch: ['<rootDir>/e2e/**/*.test.ts'],
      slowTestThreshold: 60,
    },
  ],
  reporters: ['default', '<rootDir>/test/support/summary-reporter.js'],
  // Many unit-project suites start the Jira simulator and refresh a portfolio in a hook; on two shared
  // cores that can pass jest's 5 s default. Speed is measured by `npm run bench`, not by timeouts.
  // Jest reads testTimeout from the top level only: set inside a project it is silently ignored.
  testTimeout: 30_000,
};
