"use server";

import { redirect } from "next/navigation";
import { z } from "zod";
import { getAuthContext } from "@/lib/auth/context";
import { clearSessionCookie } from "@/lib/auth/cookie";
import { disableSecondFactor, renewRecoveryCodes } from "@/lib/auth/second-factor-setup";
import { signOutEverywhere } from "@/lib/auth/sign-out-everywhere";
import { authAction } from "@/lib/http/auth-action";
import { requestIp } from "@/lib/http/request-ip";

export const renewRecoveryCodesAction = authAction(
  z.object({ code: z.string().trim().min(1, "请输入验证码。").max(20, "验证码过长。") }),
  ({ code }, { ctx, ip }) => renewRecoveryCodes(ctx, code, { ip }),
);

export const disableSecondFactorAction = authAction(
  z.object({ password: z.string().min(1, "请输入密码。").max(200, "密码过长。") }),
  async ({ password }, { ctx, ip }) => {
    await disableSecondFactor(ctx, password, { ip });
    return null;
  },
);

/** 退出所有设备, this browser included: it lands on the sign-in page (a signed-out caller just goes there). */
export async function signOutEverywhereAction(): Promise<void> {
  const ctx = await getAuthContext();
  if (ctx) await signOutEverywhere(ctx, { ip: await requestIp() });
  await clearSessionCookie();
  redirect("/login");
}
