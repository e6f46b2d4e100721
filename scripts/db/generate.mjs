// `prisma generate` without the native schema engine: the CLI insists on finding an engine binary
// before it generates, though generation itself is WebAssembly, so point it at any existing file.
import { spawnSync } from "node:child_process";
import { createRequire } from "node:module";
import path from "node:path";
import { ROOT } from "./settings.mjs";

const require = createRequire(import.meta.url);
const prismaCli = path.join(path.dirname(require.resolve("prisma/package.json")), "build/index.js");
const env = { ...process.env, PRISMA_HIDE_UPDATE_MESSAGE: "1" };
env.PRISMA_SCHEMA_ENGINE_BINARY ??= process.execPath;
const result = spawnSync(process.execPath, [prismaCli, "generate"], {
  cwd: ROOT,
  env,
  stdio: "inherit",
});
process.exit(result.status ?? 1);
