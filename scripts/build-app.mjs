// The production build into NIANBAO_DIST_DIR (.next), made only when it is missing or older than the
// sources (scripts/build-fingerprint.mjs). scripts/start.mjs calls it before serving; `npm test` runs
// this file on its own ahead of the end-to-end tests, so the web server they start finds the build done.
import { spawnSync } from "node:child_process";
import { createRequire } from "node:module";
import path from "node:path";
import { pathToFileURL } from "node:url";
import { buildIsCurrent, recordBuild, sourceFingerprint } from "./build-fingerprint.mjs";
import { ROOT } from "./db/settings.mjs";

const require = createRequire(import.meta.url);
const nextBin = path.join(path.dirname(require.resolve("next/package.json")), "dist/bin/next");

/** Builds when stale; says so through `say`. Throws when `next build` fails. */
export function buildIfStale({ quiet = false, say = (line) => console.log(line) } = {}) {
  // Taken before the build: what was built is the sources as they were when it started.
  const fingerprint = sourceFingerprint();
  if (buildIsCurrent(fingerprint)) return false;
  say("构建生产版本（首次或源码有变化时需要 1–3 分钟）…");
  const started = Date.now();
  const build = spawnSync(process.execPath, [nextBin, "build"], {
    cwd: ROOT,
    stdio: quiet ? ["ignore", "ignore", "inherit"] : "inherit",
    env: { ...process.env, NEXT_TELEMETRY_DISABLED: "1" },
  });
  if (build.status !== 0) throw new Error("next build 失败，见上方输出。");
  recordBuild(fingerprint);
  say(`构建完成，用时 ${Math.round((Date.now() - started) / 1000)} 秒。`);
  return true;
}

if (import.meta.url === pathToFileURL(process.argv[1] ?? "").href) {
  try {
    buildIfStale({ say: (line) => console.log(`[年报] ${line}`) });
  } catch (error) {
    console.error(`[年报] ${error instanceof Error ? error.message : error}`);
    process.exit(1);
  }
}
