// Lint as the Office add-in templates do (eslint-plugin-office-addins: recommended + react, with
// prettier), plus type-aware typescript-eslint rules, plus the import rules that keep the layers apart.
import officeAddins from "eslint-plugin-office-addins";
import tseslint from "typescript-eslint";

const gplTooling = {
  name: "hyperformula",
  message:
    "HyperFormula is GPLv3: keep it in src/tooling, src/cli, bench and tests, out of the deployed add-in.",
};

// The Office configs carry their own copy of the typescript-eslint plugin; give every config the
// project's copy, so the Office rules and the type-aware rules run on one plugin.
const withProjectTsPlugin = (config) =>
  config.plugins?.["@typescript-eslint"]
    ? { ...config, plugins: { ...config.plugins, "@typescript-eslint": tseslint.plugin } }
    : config;

export default [
  {
    ignores: [
      "dist/**",
      "lib/**",
      "node_modules/**",
      "coverage/**",
      "bin/**",
      "*.config.js",
      "*.config.mjs",
      "scripts/*.js",
    ],
  },
  ...officeAddins.configs.react.map(withProjectTsPlugin),
  ...tseslint.configs.recommendedTypeChecked.map((c) => ({
    ...withProjectTsPlugin(c),
    files: ["src/**/*.{ts,tsx}"],
  })),
  {
    files: ["src/**/*.{ts,tsx}"],
    languageOptions: {
      parser: tseslint.parser,
      parserOptions: { projectService: true, tsconfigRootDir: import.meta.dirname },
    },
    settings: { react: { version: "19" } },
    rules: {
      "@typescript-eslint/no-unused-vars": ["error", { argsIgnorePattern: "^_" }],
      // React 17+ JSX transform: React need not be in scope.
      "react/react-in-jsx-scope": "off",
      "react/jsx-uses-react": "off",
    },
  },
  {
    // The domain is plain TypeScript: no Office, no UI, no Node, no GPL tooling.
    files: ["src/domain/**/*.ts"],
    rules: {
      "no-restricted-imports": [
        "error",
        {
          paths: [
            gplTooling,
            "react",
            "react-dom",
            "@fluentui/react-components",
            "office-addin-mock",
          ],
          patterns: [
            {
              group: ["node:*", "fs", "path", "child_process"],
              message: "The domain runs in the browser too: no Node modules.",
            },
            {
              group: ["**/host/**", "**/taskpane/**", "**/tooling/**", "**/cli/**"],
              message: "The domain imports nothing from the other layers.",
            },
          ],
        },
      ],
      "no-restricted-globals": [
        "error",
        "Excel",
        "Office",
        "CustomFunctions",
        "document",
        "window",
      ],
    },
  },
  {
    files: ["src/host/**/*.{ts,tsx}", "src/taskpane/**/*.{ts,tsx}"],
    rules: {
      "no-restricted-imports": [
        "error",
        {
          paths: [gplTooling],
          patterns: [
            {
              group: ["**/tooling/**", "**/cli/**", "**/workbench/**"],
              message: "Tooling and the workbench stay out of the add-in bundles.",
            },
          ],
        },
      ],
    },
  },
];
