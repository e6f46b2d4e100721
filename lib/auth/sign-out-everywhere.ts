import { recordAudit } from "@/lib/audit/record";
import { db } from "@/lib/db/client";
import type { AuthContext } from "./context";
import { deleteUserSessions } from "./sessions";

/** 退出所有设备: every session of the caller ends, this one too (a PC where one forgot to sign out). */
export async function signOutEverywhere(
  ctx: AuthContext,
  options: { ip?: string | null } = {},
): Promise<{ endedSessions: number }> {
  return db().$transaction(async (tx) => {
    const endedSessions = await deleteUserSessions(tx, ctx.user.userId);
    await recordAudit(tx, {
      action: "SIGN_OUT_EVERYWHERE",
      actorId: ctx.user.userId,
      actorAccount: ctx.user.account,
      subjectUserId: ctx.user.userId,
      ip: options.ip,
      detail: { endedSessions },
    });
    return { endedSessions };
  });
}
