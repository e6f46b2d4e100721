"use server";

import { redirect } from "next/navigation";
import { z } from "zod";
import {
  readDeviceCookie,
  readSessionCookie,
  setDeviceCookie,
  setSessionCookie,
} from "@/lib/auth/cookie";
import { signIn } from "@/lib/auth/sign-in";
import { verifySecondFactor } from "@/lib/auth/verify-second-factor";
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
  const parsed = SignInInput.safeParse({
    account: form.get("account"),
    password: form.get("password"),
  });
  const account = String(form.get("account") ?? "");
  if (!parsed.success) return { error: parsed.error.issues[0].message, account };
  const result = await signIn(parsed.data.account, parsed.data.password, {
    ip: await requestIp(),
    deviceCookie: await readDeviceCookie(),
    previousToken: await readSessionCookie(),
  });
  if (!result.ok) return { error: result.error, account };
  await setSessionCookie(result.token);
  if (result.secondFactor) redirect("/login/verify");
  await setDeviceCookie(result.deviceCookie);
  redirect("/reports");
}

export interface VerifyState {
  error?: string;
}

const CodeInput = z.string().trim().min(1, "请输入验证码。").max(40, "验证码过长。");

/** Step two of signing in: the code from the authenticator app, or a recovery code. */
export async function verifySecondFactorAction(
  _previous: VerifyState,
  form: FormData,
): Promise<VerifyState> {
  const code = CodeInput.safeParse(form.get("code") ?? "");
  if (!code.success) return { error: code.error.issues[0].message };
  const result = await verifySecondFactor(await readSessionCookie(), code.data, {
    ip: await requestIp(),
    deviceCookie: await readDeviceCookie(),
  });
  if (!result.ok) {
    if (result.restart) redirect("/login?expired=1");
    return { error: result.error };
  }
  await setSessionCookie(result.token);
  await setDeviceCookie(result.deviceCookie);
  redirect("/reports");
}
