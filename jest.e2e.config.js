/**
 * End-to-end tests (`npm run test:e2e`): the workbench page in headless Chromium, driven by
 * playwright-core. globalSetup checks for the browser (failing with how to install one), builds the
 * workbench in development mode into a temporary folder and serves it on 127.0.0.1; globalTeardown
 * stops the server. One test file at a time: one browser, two cores.
 * @type {import("jest").Config}
 */
module.exports = {
  testEnvironment: "node",
  rootDir: __dirname,
  roots: ["<rootDir>/tests/e2e"],
  testMatch: ["<rootDir>/tests/e2e/**/*.e2e.ts"],
  globalSetup: "<rootDir>/tests/e2e/globalSetup.ts",
  globalTeardown: "<rootDir>/tests/e2e/globalTeardown.ts",
  testTimeout: 120_000,
  maxWorkers: 1,
  transform: {
    "^.+\\.tsx?$": [
      "ts-jest",
      {
        tsconfig: {
          module: "commonjs",
          moduleResolution: "node10",
          jsx: "react-jsx",
          ignoreDeprecations: "6.0",
        },
      },
    ],
  },
};
