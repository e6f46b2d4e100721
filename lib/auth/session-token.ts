import { createHmac, randomBytes } from "node:crypto";

/** Over plain HTTP (a local demo); over HTTPS the cookie is `__Host-nianbao_session` (lib/auth/cookie.ts). */
export const SESSION_COOKIE = "nianbao_session";
/** A session ends after this long without use (an office PC left signed in)… */
export const SESSION_IDLE_MS = 30 * 60 * 1000;
/** …and in any case this long after sign-in (one working day). */
export const SESSION_ABSOLUTE_MS = 12 * 60 * 60 * 1000;

const DEV_SECRET = "nianbao-development-secret-change-me";

/**
 * The key of every HMAC the app keeps (session-token hashes, device cookies, the TOTP secrets' key).
 * Development and tests may go without; a production server never runs on the constant above, which
 * anyone can read here (scripts/server/serve.mjs refuses to start first, with the same message).
 */
export function sessionSecret(): string {
  const secret = process.env.SESSION_SECRET?.trim();
  if (secret) return secret;
  if (process.env.NODE_ENV === "production") {
    throw new Error(
      "生产环境必须设置 SESSION_SECRET（各实例相同的随机长字符串，例如 openssl rand -base64 48 的输出）。",
    );
  }
  return DEV_SECRET;
}

/** A key for one purpose, derived from SESSION_SECRET, so that no two uses share a key. */
export function derivedKey(purpose: string): Buffer {
  return createHmac("sha256", sessionSecret()).update(`nianbao:${purpose}`).digest();
}

export function newSessionToken(): string {
  return randomBytes(32).toString("base64url");
}

/** The database keeps only a keyed hash of the token: a leaked table does not let anyone sign in. */
export function hashSessionToken(token: string): string {
  return createHmac("sha256", sessionSecret()).update(token).digest("hex");
}
