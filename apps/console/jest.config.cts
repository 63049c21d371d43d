/// <reference types="node" />
// (TypeScript 6 no longer loads @types/node implicitly, and Jest compiles this file with ts-node.)
module.exports = {
  displayName: 'console',
  preset: '../../jest.preset.js',
  // Only pure helpers are unit-tested here (no DOM); the browser test under test/browser covers the UI.
  testEnvironment: 'node',
  transform: {
    '^.+\\.[tj]sx?$': ['ts-jest', { tsconfig: '<rootDir>/tsconfig.spec.json' }],
  },
  moduleFileExtensions: ['ts', 'tsx', 'js', 'html'],
  testMatch: ['<rootDir>/src/**/*.spec.ts'],
  coverageDirectory: '../../coverage/apps/console',
};
