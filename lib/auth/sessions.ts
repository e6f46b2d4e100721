import { db } from "@/lib/db/client";
import type { Prisma } from "@/lib/db/generated/client";
import {
  hashSessionToken,
  newSessionToken,
  SESSION_ABSOLUTE_MS,
  SESSION_IDLE_MS,
} from "./session-token";

export interface SessionUser {
  sessionId: string;
  userId: string;
  account: string;
  displayName: string;
  /** Two-step verification is set up for the account (lib/auth/second-factor-policy.ts). */
  totpEnabled: boolean;
}

type SessionClient = Pick<Prisma.TransactionClient, "session">;

/** A session that has passed every factor. */
export async function createSession(
  userId: string,
  client: SessionClient = db(),
  now = new Date(),
): Promise<{ token: string; expiresAt: Date }> {
  const token = newSessionToken();
  const expiresAt = new Date(now.getTime() + SESSION_ABSOLUTE_MS);
  await client.session.create({
    data: {
      tokenHash: hashSessionToken(token),
      userId,
      expiresAt,
      createdAt: now,
      lastSeenAt: now,
    },
  });
  return { token, expiresAt };
}

/** How long a password-only session waits for its two-step code. */
export const PENDING_SECOND_FACTOR_MS = 5 * 60 * 1000;

/** The password was right; the session opens nothing until the two-step code is (lib/auth/verify-second-factor.ts). */
export async function createPendingSession(userId: string, now = new Date()): Promise<string> {
  const token = newSessionToken();
  await db().session.create({
    data: {
      tokenHash: hashSessionToken(token),
      userId,
      createdAt: now,
      lastSeenAt: now,
      expiresAt: new Date(now.getTime() + PENDING_SECOND_FACTOR_MS),
      pendingSecondFactor: true,
    },
  });
  return token;
}

interface FoundSession extends SessionUser {
  pendingSecondFactor: boolean;
}

async function lookUp(token: string | undefined, now: number): Promise<FoundSession | null> {
  if (!token) return null;
  // Every request asks this: the session and its user in one statement (an include is two).
  const rows = await db().$queryRaw<
    {
      id: string;
      expiresAt: Date;
      lastSeenAt: Date;
      pendingSecondFactor: boolean;
      user: { id: string; account: string; displayName: string; totpEnabledAt: string | null };
    }[]
  >`
    SELECT s."id"::text AS id, s."expiresAt", s."lastSeenAt", s."pendingSecondFactor",
           json_build_object('id', u."id", 'account', u."account", 'displayName', u."displayName",
                             'totpEnabledAt', u."totpEnabledAt") AS "user"
      FROM "Session" s JOIN "User" u ON u."id" = s."userId"
     WHERE s."tokenHash" = ${hashSessionToken(token)}`;
  const session = rows[0];
  if (!session) return null;
  if (session.expiresAt.getTime() <= now || session.lastSeenAt.getTime() + SESSION_IDLE_MS <= now) {
    await db().session.deleteMany({ where: { id: session.id } });
    return null;
  }
  // Touch at most once a minute: no write per request.
  if (!session.pendingSecondFactor && now - session.lastSeenAt.getTime() > 60_000) {
    await db().session.updateMany({
      where: { id: session.id },
      data: { lastSeenAt: new Date(now) },
    });
  }
  return {
    sessionId: session.id,
    userId: session.user.id,
    account: session.user.account,
    displayName: session.user.displayName,
    totpEnabled: Boolean(session.user.totpEnabledAt),
    pendingSecondFactor: session.pendingSecondFactor,
  };
}

/** The live, fully signed-in session for a cookie token, or null; touches lastSeenAt so that activity keeps it alive. */
export async function findSession(
  token: string | undefined,
  now = Date.now(),
): Promise<SessionUser | null> {
  const found = await lookUp(token, now);
  if (!found || found.pendingSecondFactor) return null;
  const { pendingSecondFactor: _pending, ...user } = found;
  return user;
}

/** The session waiting for its two-step code, or null. */
export async function findPendingSession(
  token: string | undefined,
  now = Date.now(),
): Promise<SessionUser | null> {
  const found = await lookUp(token, now);
  if (!found || !found.pendingSecondFactor) return null;
  const { pendingSecondFactor: _pending, ...user } = found;
  return user;
}

/** Ends the session of this cookie token; returns whose it was (null when there was none). */
export async function deleteSession(token: string | undefined): Promise<{ userId: string } | null> {
  if (!token) return null;
  const session = await db().session.findUnique({
    where: { tokenHash: hashSessionToken(token) },
    select: { id: true, userId: true },
  });
  if (!session) return null;
  await db().session.deleteMany({ where: { id: session.id } });
  return { userId: session.userId };
}

/** Every session of a user but one (after a password change: other devices must sign in again). */
export async function deleteOtherSessions(
  client: SessionClient,
  userId: string,
  keepSessionId: string,
): Promise<number> {
  const { count } = await client.session.deleteMany({
    where: { userId, id: { not: keepSessionId } },
  });
  return count;
}

/** Every session of a user (after an admin resets the password, or 退出所有设备). */
export async function deleteUserSessions(client: SessionClient, userId: string): Promise<number> {
  const { count } = await client.session.deleteMany({ where: { userId } });
  return count;
}
