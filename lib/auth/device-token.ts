import { createHmac, randomBytes, timingSafeEqual } from "node:crypto";
import { derivedKey } from "./session-token";
import { isRecordId } from "@/lib/record-id";

/**
 * A browser that has signed in to an account keeps a signed token for it (OWASP's “device cookie”):
 * its failed sign-ins are counted on their own, so nobody else's failures slow its owner down. The
 * cookie holds up to `DEVICE_TOKENS_KEPT` tokens (a shared office PC serves a few accounts), newest
 * first, each `<user id>.<device id>.<issued, base36 ms>.<signature>`.
 */
export const DEVICE_COOKIE = "nianbao_device";
export const DEVICE_TOKEN_MAX_AGE_MS = 180 * 24 * 60 * 60 * 1000;
export const DEVICE_TOKENS_KEPT = 5;

function sign(userId: string, deviceId: string, issued: string): string {
  return createHmac("sha256", derivedKey("device-token"))
    .update(`${userId}.${deviceId}.${issued}`)
    .digest("base64url")
    .slice(0, 32);
}

export function issueDeviceToken(userId: string, now = new Date()): string {
  const deviceId = randomBytes(12).toString("base64url");
  const issued = now.getTime().toString(36);
  return `${userId}.${deviceId}.${issued}.${sign(userId, deviceId, issued)}`;
}

function parse(token: string, now: Date): { userId: string; deviceId: string } | null {
  const [userId, deviceId, issued, signature, ...rest] = token.split(".");
  if (
    rest.length ||
    !userId ||
    !deviceId ||
    !issued ||
    !signature ||
    !isRecordId(userId) ||
    !/^[A-Za-z0-9_-]{16}$/.test(deviceId)
  )
    return null;
  const issuedAt = Number.parseInt(issued, 36);
  if (
    !Number.isFinite(issuedAt) ||
    issuedAt > now.getTime() + 60_000 ||
    now.getTime() - issuedAt > DEVICE_TOKEN_MAX_AGE_MS
  )
    return null;
  const expected = Buffer.from(sign(userId, deviceId, issued));
  const given = Buffer.from(signature);
  if (expected.length !== given.length || !timingSafeEqual(expected, given)) return null;
  return { userId, deviceId };
}

/** The device id under which this browser is known to the user, or null (no cookie, forged, expired). */
export function knownDevice(
  cookie: string | undefined,
  userId: string,
  now = new Date(),
): string | null {
  for (const token of (cookie ?? "").split(",").slice(0, DEVICE_TOKENS_KEPT)) {
    const parsed = parse(token.trim(), now);
    if (parsed && parsed.userId === userId) return parsed.deviceId;
  }
  return null;
}

/** The cookie after signing in as `userId`: a fresh token for it first, the other accounts' valid ones after. */
export function withDeviceToken(
  cookie: string | undefined,
  userId: string,
  now = new Date(),
): string {
  const others = (cookie ?? "")
    .split(",")
    .map((t) => t.trim())
    .filter((t) => {
      const parsed = parse(t, now);
      return parsed !== null && parsed.userId !== userId;
    });
  return [issueDeviceToken(userId, now), ...others].slice(0, DEVICE_TOKENS_KEPT).join(",");
}
