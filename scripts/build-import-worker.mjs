// The import worker as one ES module in the build folder, for `next start`: Next bundles the server's
// code into its own chunks, which a worker thread cannot load, so the worker (lib/workers/import-worker.ts
// and the importer it runs) gets its own bundle. Packages stay in node_modules and load from there.
// Run by scripts/start.mjs after `next build`, and by `npm run build`.
import { createRequire } from "node:module";
import path from "node:path";
import { pathToFileURL } from "node:url";
import { ROOT } from "./db/settings.mjs";

// esbuild comes with tsx (a dependency); resolved from there rather than relying on hoisting.
const esbuild = createRequire(createRequire(import.meta.url).resolve("tsx/package.json"))(
  "esbuild",
);

export const IMPORT_WORKER_BUNDLE = "import-worker.mjs";

export async function buildImportWorker(distDir = process.env.NIANBAO_DIST_DIR || ".next") {
  const outfile = path.join(ROOT, distDir, IMPORT_WORKER_BUNDLE);
  await esbuild.build({
    entryPoints: [path.join(ROOT, "lib/workers/import-worker.ts")],
    outfile,
    bundle: true,
    platform: "node",
    format: "esm",
    target: "node20",
    packages: "external",
    tsconfig: path.join(ROOT, "tsconfig.json"),
    logLevel: "warning",
  });
  // esbuild's service process would otherwise stay beside npm start for as long as it runs.
  await esbuild.stop();
  return outfile;
}

if (process.argv[1] && import.meta.url === pathToFileURL(process.argv[1]).href) {
  const outfile = await buildImportWorker();
  console.log(`[年报] 导入工作线程已构建：${path.relative(ROOT, outfile)}`);
}
