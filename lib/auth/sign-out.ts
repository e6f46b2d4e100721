import { recordAuditNow } from "@/lib/audit/record";
import { db } from "@/lib/db/client";
import { deleteSession } from "./sessions";

/** End the session behind this cookie token (if any) and record who signed out. */
export async function signOut(
  token: string | undefined,
  options: { ip?: string | null } = {},
): Promise<void> {
  const ended = await deleteSession(token);
  if (!ended) return;
  const user = await db().user.findUnique({
    where: { id: ended.userId },
    select: { account: true },
  });
  await recordAuditNow({
    action: "SIGN_OUT",
    actorId: ended.userId,
    actorAccount: user?.account,
    subjectUserId: ended.userId,
    ip: options.ip,
  });
}
