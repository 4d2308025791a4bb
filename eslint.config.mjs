// Lint as the Office add-in templates do (eslint-plugin-office-addins: recommended + react, with
// prettier), plus type-aware typescript-eslint rules over all TypeScript (src, tests, bench,
// scripts: one rule set), plus the import rules that keep the layers apart. CONTRIBUTING.md draws
// the layers; each layer below names what it may import, and every other layer is an error.
import officeAddins from "eslint-plugin-office-addins";
import tseslint from "typescript-eslint";

const TYPESCRIPT = ["src/**/*.{ts,tsx}", "tests/**/*.{ts,tsx}", "bench/**/*.ts", "scripts/**/*.ts"];

const gplTooling = {
  name: "hyperformula",
  message:
    "HyperFormula is GPLv3: keep it in src/tooling, src/cli, src/workbench, bench and tests, out of the deployed add-in.",
};

/** The folders of src/, each a layer. */
const LAYERS = ["domain", "host", "taskpane", "tooling", "cli", "workbench"];

/**
 * The import rule of one layer: importing from any layer not in `mayImport` (its own always
 * allowed) is an error saying which direction the layers go. `extraPaths` and `extraPatterns`
 * forbid packages.
 */
function layerImports(layer, mayImport, { extraPaths = [], extraPatterns = [] } = {}) {
  const forbidden = LAYERS.filter((other) => other !== layer && !mayImport.includes(other));
  const allowed = mayImport.length
    ? `only ${mayImport.map((l) => `src/${l}`).join(", ")}`
    : "nothing from the other layers";
  return [
    "error",
    {
      paths: extraPaths,
      patterns: [
        ...extraPatterns,
        {
          group: forbidden.flatMap((other) => [`**/${other}`, `**/${other}/**`]),
          message: `src/${layer} may import ${allowed} (CONTRIBUTING.md, "Layers").`,
        },
      ],
    },
  ];
}

const ADD_IN_PACKAGES = [gplTooling, "office-addin-mock", "playwright-core", "exceljs"];

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
    files: TYPESCRIPT,
  })),
  {
    files: TYPESCRIPT,
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
    // The domain is plain TypeScript: no Office, no UI, no Node, no GPL tooling, no other layer.
    files: ["src/domain/**/*.ts"],
    rules: {
      "no-restricted-imports": layerImports("domain", [], {
        extraPaths: [...ADD_IN_PACKAGES, "react", "react-dom", "@fluentui/react-components"],
        extraPatterns: [
          {
            group: ["node:*", "fs", "path", "os", "child_process", "crypto", "url", "stream"],
            message: "The domain runs in the browser too: no Node modules.",
          },
        ],
      }),
      "no-restricted-globals": [
        "error",
        "Excel",
        "Office",
        "CustomFunctions",
        "document",
        "window",
        "process",
        "Buffer",
      ],
    },
  },
  {
    // The Excel adapter and the custom functions' edge: the domain and Office, nothing of the UI.
    files: ["src/host/**/*.{ts,tsx}"],
    rules: {
      "no-restricted-imports": layerImports("host", ["domain"], {
        extraPaths: [...ADD_IN_PACKAGES, "react", "react-dom", "@fluentui/react-components"],
      }),
    },
  },
  {
    // The pane reaches the workbook through the domain's ports, never the adapter itself...
    files: ["src/taskpane/**/*.{ts,tsx}"],
    rules: {
      "no-restricted-imports": layerImports("taskpane", ["domain"], {
        extraPaths: ADD_IN_PACKAGES,
      }),
    },
  },
  {
    // ...except in its entry point, which plugs the Excel adapter and the functions' store into
    // the pane (the one place the add-in's parts are put together).
    files: ["src/taskpane/index.tsx"],
    rules: {
      "no-restricted-imports": layerImports("taskpane", ["domain", "host"], {
        extraPaths: ADD_IN_PACKAGES,
      }),
    },
  },
  {
    // Development tooling (the Excel model, the HyperFormula plugin): the domain only, no Office code.
    files: ["src/tooling/**/*.{ts,tsx}"],
    rules: { "no-restricted-imports": layerImports("tooling", ["domain"]) },
  },
  {
    // The command line: the domain and the tooling (HyperFormula), no add-in code.
    files: ["src/cli/**/*.ts"],
    rules: { "no-restricted-imports": layerImports("cli", ["domain", "tooling"]) },
  },
  {
    // The workbench (development preview) puts the pane, the adapter and the Excel model together.
    files: ["src/workbench/**/*.{ts,tsx}"],
    rules: {
      "no-restricted-imports": layerImports("workbench", ["domain", "host", "taskpane", "tooling"]),
    },
  },
];
