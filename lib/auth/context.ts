import { cookies } from "next/headers";
import { notFound, redirect } from "next/navigation";
import { loadAccess, type OrgAccess } from "./access";
import { NotFoundError, UnauthenticatedError } from "./errors";
import { findSession, type SessionUser } from "./sessions";
import { SESSION_COOKIE } from "./session-token";

/** Everything a use case needs to know about its caller. The only way to get one is through a live session. */
export interface AuthContext {
  user: SessionUser;
  access: OrgAccess;
}

export async function getAuthContext(): Promise<AuthContext | null> {
  const store = await cookies();
  const user = await findSession(store.get(SESSION_COOKIE)?.value);
  if (!user) return null;
  return { user, access: await loadAccess(user.userId) };
}

/** For pages: a signed-out visitor is sent to the sign-in page. */
export async function requirePageContext(): Promise<AuthContext> {
  const ctx = await getAuthContext();
  if (!ctx) redirect("/login");
  return ctx;
}

/** For server actions and route handlers: a signed-out caller gets an error, never data. */
export async function requireAuthContext(): Promise<AuthContext> {
  const ctx = await getAuthContext();
  if (!ctx) throw new UnauthenticatedError();
  return ctx;
}

/** For pages: what a use case finds does not exist for this caller (NotFoundError) is the 404 page. */
export async function orNotFound<T>(pending: Promise<T>): Promise<T> {
  try {
    return await pending;
  } catch (error) {
    if (error instanceof NotFoundError) notFound();
    throw error;
  }
}
