import { notFound, redirect } from "next/navigation";
import { cache } from "react";
import { loadAccess, type OrgAccess } from "./access";
import { readSessionCookie } from "./cookie";
import { ForbiddenError, NotFoundError, UnauthenticatedError } from "./errors";
import { mustEnrolSecondFactor } from "./second-factor-policy";
import { findSession, type SessionUser } from "./sessions";

/** Everything a use case needs to know about its caller. The only way to get one is through a live session. */
export interface AuthContext {
  user: SessionUser;
  access: OrgAccess;
}

/** Where a reviewer or admin without two-step verification is sent before anything else. */
export const ENROL_PATH = "/two-step/setup";
export const ENROL_FIRST = "请先设置两步验证（审核员和管理员必须启用），然后再继续。";

/**
 * The caller's session and access, or null — whatever their two-step status. Looked up once per
 * request: the layout and the page both ask, and each lookup reads the session and walks the
 * organisation tree (React's cache() is per server request, and a plain call outside one).
 */
export const getAuthContext = cache(async (): Promise<AuthContext | null> => {
  const user = await findSession(await readSessionCookie());
  if (!user) return null;
  return { user, access: await loadAccess(user.userId) };
});

function mustEnrol(ctx: AuthContext): boolean {
  return mustEnrolSecondFactor(ctx.access, ctx.user.totpEnabled);
}

/** For pages: a signed-out visitor is sent to the sign-in page, a reviewer or admin without two-step verification to set it up. */
export async function requirePageContext(): Promise<AuthContext> {
  const ctx = await getAuthContext();
  if (!ctx) redirect("/login");
  if (mustEnrol(ctx)) redirect(ENROL_PATH);
  return ctx;
}

/** For server actions and route handlers: a signed-out caller gets an error, never data; so does one who must first set up two-step verification. */
export async function requireAuthContext(): Promise<AuthContext> {
  const ctx = await getAuthContext();
  if (!ctx) throw new UnauthenticatedError();
  if (mustEnrol(ctx)) throw new ForbiddenError(ENROL_FIRST);
  return ctx;
}

/** For the two-step setup page and its actions only: signed in, two-step verification or not. */
export async function requireEnrolmentContext(): Promise<AuthContext> {
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
