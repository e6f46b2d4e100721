"use server";

import { redirect } from "next/navigation";
import { clearSessionCookie, readSessionCookie } from "@/lib/auth/cookie";
import { deleteSession } from "@/lib/auth/sessions";

export async function signOutAction(): Promise<void> {
  await deleteSession(await readSessionCookie());
  await clearSessionCookie();
  redirect("/login");
}
