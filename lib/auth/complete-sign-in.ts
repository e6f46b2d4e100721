import { recordAudit } from "@/lib/audit/record";
import { db } from "@/lib/db/client";
import { withDeviceToken } from "./device-token";
import { createSession } from "./sessions";

export interface CompletedSignIn {
  /** The new session's token, for the session cookie. */
  token: string;
  /** The device cookie with a fresh token for this account (lib/auth/device-token.ts). */
  deviceCookie: string;
}

/**
 * Every factor is checked: a new session (never an old one carried over), the sign-in in the audit
 * log, and the browser marked as known to the account.
 */
export async function completeSignIn(
  user: { id: string; account: string },
  options: {
    ip: string | null;
    deviceCookie?: string;
    method: "password" | "totp" | "recovery-code";
    now?: Date;
  },
): Promise<CompletedSignIn> {
  const now = options.now ?? new Date();
  const token = await db().$transaction(async (tx) => {
    const created = await createSession(user.id, tx, now);
    await recordAudit(tx, {
      action: "SIGN_IN",
      actorId: user.id,
      actorAccount: user.account,
      subjectUserId: user.id,
      ip: options.ip,
      detail: { method: options.method },
    });
    return created.token;
  });
  return { token, deviceCookie: withDeviceToken(options.deviceCookie, user.id, now) };
}
