"use server";

import { redirect } from "next/navigation";
import { clearSessionCookie, readSessionCookie } from "@/lib/auth/cookie";
import { signOut } from "@/lib/auth/sign-out";
import { requestIp } from "@/lib/http/request-ip";

/** Sign-out needs no live session: whatever the cookie holds is ended, and the visitor lands on /login. */
export async function signOutAction(): Promise<void> {
  await signOut(await readSessionCookie(), { ip: await requestIp() });
  await clearSessionCookie();
  redirect("/login");
}
