import { createHmac, randomBytes } from "node:crypto";

export const SESSION_COOKIE = "nianbao_session";
/** A session ends after this long without use… */
export const SESSION_IDLE_MS = 8 * 60 * 60 * 1000;
/** …and in any case this long after sign-in. */
export const SESSION_ABSOLUTE_MS = 7 * 24 * 60 * 60 * 1000;

const DEV_SECRET = "nianbao-development-secret-change-me";

function secret(): string {
  return process.env.SESSION_SECRET || DEV_SECRET;
}

export function newSessionToken(): string {
  return randomBytes(32).toString("base64url");
}

/** The database keeps only a keyed hash of the token: a leaked table does not let anyone sign in. */
export function hashSessionToken(token: string): string {
  return createHmac("sha256", secret()).update(token).digest("hex");
}
