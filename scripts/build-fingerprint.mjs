// Whether the production build in .next is older than the sources it was built from.
import { createHash } from "node:crypto";
import { existsSync, readdirSync, readFileSync, statSync, writeFileSync } from "node:fs";
import path from "node:path";
import { ROOT } from "./db/settings.mjs";

const INPUTS = [
  "app",
  "components",
  "lib",
  "public",
  "proxy.ts",
  "next.config.mjs",
  "postcss.config.mjs",
  "tsconfig.json",
  "package-lock.json",
  "prisma/schema.prisma",
];
const SKIP = new Set(["node_modules", "generated"]);
const DIST = path.join(ROOT, process.env.NIANBAO_DIST_DIR || ".next");
const STAMP = path.join(DIST, "nianbao-source-fingerprint");

function walk(target, out) {
  if (!existsSync(target)) return;
  const stat = statSync(target);
  if (stat.isDirectory()) {
    for (const entry of readdirSync(target).sort())
      if (!SKIP.has(entry) && !entry.endsWith(".test.ts")) walk(path.join(target, entry), out);
  } else {
    out.update(path.relative(ROOT, target));
    out.update(contents(target));
  }
}

/**
 * A file's bytes; tsconfig.json without its include and exclude lists, which `next build` itself extends
 * with its output folder's type files: which files tsc checks does not change what is built, and the
 * stamp must still match the sources right after the build that added them.
 */
function contents(file) {
  const bytes = readFileSync(file);
  if (path.relative(ROOT, file) !== "tsconfig.json") return bytes;
  try {
    const { include: _include, exclude: _exclude, ...rest } = JSON.parse(bytes.toString("utf8"));
    return JSON.stringify(rest);
  } catch {
    return bytes;
  }
}

export function sourceFingerprint() {
  const hash = createHash("sha256");
  for (const input of INPUTS) walk(path.join(ROOT, input), hash);
  return hash.digest("hex");
}

export function buildIsCurrent(fingerprint = sourceFingerprint()) {
  return (
    existsSync(path.join(DIST, "BUILD_ID")) &&
    existsSync(STAMP) &&
    readFileSync(STAMP, "utf8") === fingerprint
  );
}

export function recordBuild(fingerprint) {
  writeFileSync(STAMP, fingerprint);
}
