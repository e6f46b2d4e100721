// SESSION_SECRET keys the session-token hashes and the signed device cookies. A production server
// without one would fall back to a constant everyone can read in this repository, so it refuses to start.
import { randomBytes } from "node:crypto";
import { existsSync, mkdirSync, readFileSync, writeFileSync } from "node:fs";
import path from "node:path";

export const SESSION_SECRET_MISSING =
  "生产环境必须设置 SESSION_SECRET（各实例相同的随机长字符串，例如 openssl rand -base64 48 的输出）。";

export function assertSessionSecret(env) {
  const secret = (env.SESSION_SECRET ?? "").trim();
  if (!secret) throw new Error(SESSION_SECRET_MISSING);
  if (secret.length < 16)
    throw new Error("SESSION_SECRET 过短，请使用至少 32 个字符的随机字符串。");
  if (secret.length < 32)
    console.warn("[年报] 警告：SESSION_SECRET 短于 32 个字符，建议更换为更长的随机字符串。");
}

/**
 * The local demo's secret (npm start with its own PostgreSQL): made once, kept beside the data
 * directory with owner-only permissions, so sessions survive a restart and the README's one command
 * needs no setting.
 */
export function localSessionSecret(dataDir) {
  const file = path.join(
    path.dirname(path.resolve(dataDir)),
    `${path.basename(dataDir)}.session-secret`,
  );
  if (existsSync(file)) {
    const kept = readFileSync(file, "utf8").trim();
    if (kept.length >= 32) return kept;
  }
  mkdirSync(path.dirname(file), { recursive: true });
  const secret = randomBytes(48).toString("base64url");
  writeFileSync(file, `${secret}\n`, { mode: 0o600 });
  return secret;
}
