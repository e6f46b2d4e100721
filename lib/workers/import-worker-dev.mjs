// The import worker from its TypeScript source (tests, `next dev`, a build without the bundled worker):
// tsx compiles it on load. `next start` runs the bundle scripts/build-import-worker.mjs writes instead.
import { tsImport } from "tsx/esm/api";

await tsImport("./import-worker.ts", import.meta.url);
