import { createCipheriv, createDecipheriv, randomBytes } from "node:crypto";
import { Secret, TOTP } from "otpauth";
import { derivedKey } from "./session-token";

/** RFC 6238 as every authenticator app reads it: SHA-1, 6 digits, 30 seconds; one step either side for clock drift. */
const PERIOD = 30;
const DIGITS = 6;
const WINDOW = 1;
export const TOTP_ISSUER = "年报";

export function newTotpSecret(): string {
  return new Secret({ size: 20 }).base32;
}

function totp(secretBase32: string, account: string): TOTP {
  return new TOTP({
    issuer: TOTP_ISSUER,
    label: account,
    algorithm: "SHA1",
    digits: DIGITS,
    period: PERIOD,
    secret: Secret.fromBase32(secretBase32),
  });
}

/** The otpauth:// URI an authenticator app scans (as a QR code) or takes typed in. */
export function totpUri(secretBase32: string, account: string): string {
  return totp(secretBase32, account).toString();
}

/**
 * The time step a code belongs to, if it is right now (± one step), and later than `lastStep`: a code
 * seen once is never accepted again, not even within its 30 seconds.
 */
export function acceptedTotpStep(
  secretBase32: string,
  code: string,
  lastStep: number | null,
  now = Date.now(),
): number | null {
  const token = code.replace(/\s+/g, "");
  if (!/^\d{6}$/.test(token)) return null;
  const generator = totp(secretBase32, "");
  const delta = generator.validate({ token, timestamp: now, window: WINDOW });
  if (delta === null) return null;
  const step = generator.counter({ timestamp: now }) + delta;
  return lastStep !== null && step <= lastStep ? null : step;
}

// The secret is kept encrypted (AES-256-GCM, key derived from SESSION_SECRET): a copy of the database
// alone does not give anyone the second factor. Changing SESSION_SECRET therefore means setting up
// two-step verification again (an admin resets it) — docs/security.md says so.
const VERSION = "v1";

export function sealTotpSecret(secretBase32: string): string {
  const iv = randomBytes(12);
  const cipher = createCipheriv("aes-256-gcm", derivedKey("totp-secret"), iv);
  const sealed = Buffer.concat([cipher.update(secretBase32, "utf8"), cipher.final()]);
  return [
    VERSION,
    iv.toString("base64url"),
    sealed.toString("base64url"),
    cipher.getAuthTag().toString("base64url"),
  ].join(".");
}

export function openTotpSecret(stored: string): string | null {
  const [version, iv, sealed, tag] = stored.split(".");
  if (version !== VERSION || !iv || !sealed || !tag) return null;
  try {
    const decipher = createDecipheriv(
      "aes-256-gcm",
      derivedKey("totp-secret"),
      Buffer.from(iv, "base64url"),
    );
    decipher.setAuthTag(Buffer.from(tag, "base64url"));
    return Buffer.concat([
      decipher.update(Buffer.from(sealed, "base64url")),
      decipher.final(),
    ]).toString("utf8");
  } catch {
    return null;
  }
}
