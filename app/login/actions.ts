"use server";

import { redirect } from "next/navigation";
import { z } from "zod";
import { setSessionCookie } from "@/lib/auth/cookie";
import { signIn } from "@/lib/auth/sign-in";
import { requestIp } from "@/lib/http/request-ip";

export interface SignInState {
  error?: string;
  account?: string;
}

const SignInInput = z.object({
  account: z.string().trim().min(1, "请输入账号。").max(100, "账号过长。"),
  password: z.string().min(1, "请输入密码。").max(200, "密码过长。"),
});

export async function signInAction(_previous: SignInState, form: FormData): Promise<SignInState> {
  const parsed = SignInInput.safeParse({ account: form.get("account"), password: form.get("password") });
  const account = String(form.get("account") ?? "");
  if (!parsed.success) return { error: parsed.error.issues[0].message, account };
  const result = await signIn(parsed.data.account, parsed.data.password, { ip: await requestIp() });
  if (!result.ok) return { error: result.error, account };
  await setSessionCookie(result.token, result.expiresAt);
  redirect("/reports");
}
