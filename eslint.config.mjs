import nextCoreWebVitals from "eslint-config-next/core-web-vitals";
import nextTypescript from "eslint-config-next/typescript";

/** Next's rules (React, hooks, a11y, Core Web Vitals) with TypeScript's; unused code is an error. */
const config = [
  ...nextCoreWebVitals,
  ...nextTypescript,
  {
    ignores: [
      "node_modules/**",
      ".next*/**",
      ".data/**",
      "lib/db/generated/**",
      "test-results/**",
      "playwright-report/**",
      "next-env.d.ts",
      "docs/**",
    ],
  },
  {
    rules: {
      "@typescript-eslint/no-unused-vars": [
        "error",
        { argsIgnorePattern: "^_", varsIgnorePattern: "^_", caughtErrors: "none" },
      ],
      // aria-description is a global attribute since ARIA 1.3 (read by NVDA, JAWS and Chromium); the
      // plugin's role tables predate it and flag it on every role.
      "jsx-a11y/role-supports-aria-props": "off",
      // The React Compiler is not enabled here; the editor subscribes to react-hook-form's watch() in an
      // effect on purpose (derived state lives in an external store, not in memoised render values).
      "react-hooks/incompatible-library": "off",
    },
  },
];

export default config;
