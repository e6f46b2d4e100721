import { db } from "@/lib/db/client";
import type { Prisma } from "@/lib/db/generated/client";
import { hashSessionToken, newSessionToken, SESSION_ABSOLUTE_MS, SESSION_IDLE_MS } from "./session-token";

export interface SessionUser {
  sessionId: string;
  userId: string;
  account: string;
  displayName: string;
}

type SessionClient = Pick<Prisma.TransactionClient, "session">;

export async function createSession(userId: string, client: SessionClient = db()): Promise<{ token: string; expiresAt: Date }> {
  const token = newSessionToken();
  const expiresAt = new Date(Date.now() + SESSION_ABSOLUTE_MS);
  await client.session.create({ data: { tokenHash: hashSessionToken(token), userId, expiresAt } });
  return { token, expiresAt };
}

/** The live session for a cookie token, or null; touches lastSeenAt so that activity keeps it alive. */
export async function findSession(token: string | undefined): Promise<SessionUser | null> {
  if (!token) return null;
  const session = await db().session.findUnique({
    where: { tokenHash: hashSessionToken(token) },
    include: { user: { select: { id: true, account: true, displayName: true } } },
  });
  if (!session) return null;
  const now = Date.now();
  if (session.expiresAt.getTime() <= now || session.lastSeenAt.getTime() + SESSION_IDLE_MS <= now) {
    await db().session.deleteMany({ where: { id: session.id } });
    return null;
  }
  // Touch at most once a minute: no write per request.
  if (now - session.lastSeenAt.getTime() > 60_000) {
    await db().session.updateMany({ where: { id: session.id }, data: { lastSeenAt: new Date(now) } });
  }
  return { sessionId: session.id, userId: session.user.id, account: session.user.account, displayName: session.user.displayName };
}

/** Ends the session of this cookie token; returns whose it was (null when there was none). */
export async function deleteSession(token: string | undefined): Promise<{ userId: string } | null> {
  if (!token) return null;
  const session = await db().session.findUnique({ where: { tokenHash: hashSessionToken(token) }, select: { id: true, userId: true } });
  if (!session) return null;
  await db().session.deleteMany({ where: { id: session.id } });
  return { userId: session.userId };
}

/** Every session of a user but one (after a password change: other devices must sign in again). */
export async function deleteOtherSessions(client: SessionClient, userId: string, keepSessionId: string): Promise<number> {
  const { count } = await client.session.deleteMany({ where: { userId, id: { not: keepSessionId } } });
  return count;
}

/** Every session of a user (after an admin resets the password). */
export async function deleteUserSessions(client: SessionClient, userId: string): Promise<number> {
  const { count } = await client.session.deleteMany({ where: { userId } });
  return count;
}
