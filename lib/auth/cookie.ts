import { cookies, headers } from "next/headers";
import { DEVICE_COOKIE, DEVICE_TOKEN_MAX_AGE_MS } from "./device-token";
import { SESSION_COOKIE } from "./session-token";

/**
 * Secure cookies over HTTPS: directly, or behind a trusted proxy that says so (its X-Forwarded-Proto
 * reaches the app only from TRUSTED_PROXIES, scripts/server/client-address.mjs), or when forced.
 */
async function isHttps(): Promise<boolean> {
  const h = await headers();
  return (
    (h.get("x-forwarded-proto") ?? "").split(",")[0].trim() === "https" ||
    process.env.NIANBAO_SECURE_COOKIES === "1"
  );
}

/**
 * Over HTTPS the cookie names carry the `__Host-` prefix: the browser then accepts them only Secure,
 * for this exact host and path /, so a neighbouring subdomain cannot plant or overwrite one.
 */
async function cookieName(base: string): Promise<{ name: string; secure: boolean }> {
  const secure = await isHttps();
  return { name: secure ? `__Host-${base}` : base, secure };
}

/**
 * The session cookie has no Expires: it ends when the browser closes (a shared office PC), and the
 * server ends the session itself after the idle and absolute limits (lib/auth/session-token.ts).
 */
export async function setSessionCookie(token: string): Promise<void> {
  const { name, secure } = await cookieName(SESSION_COOKIE);
  (await cookies()).set(name, token, { httpOnly: true, sameSite: "lax", secure, path: "/" });
}

export async function clearSessionCookie(): Promise<void> {
  const { name } = await cookieName(SESSION_COOKIE);
  (await cookies()).delete(name);
}

export async function readSessionCookie(): Promise<string | undefined> {
  const { name } = await cookieName(SESSION_COOKIE);
  return (await cookies()).get(name)?.value;
}

export async function readDeviceCookie(): Promise<string | undefined> {
  const { name } = await cookieName(DEVICE_COOKIE);
  return (await cookies()).get(name)?.value;
}

/** The device cookie outlives the session on purpose: it only marks the browser as known to the accounts in it. */
export async function setDeviceCookie(value: string): Promise<void> {
  const { name, secure } = await cookieName(DEVICE_COOKIE);
  (await cookies()).set(name, value, {
    httpOnly: true,
    sameSite: "lax",
    secure,
    path: "/",
    maxAge: Math.floor(DEVICE_TOKEN_MAX_AGE_MS / 1000),
  });
}
