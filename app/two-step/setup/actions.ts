"use server";

import { z } from "zod";
import { requireEnrolmentContext } from "@/lib/auth/context";
import { confirmSecondFactorSetup } from "@/lib/auth/second-factor-setup";
import { actionRefusal, type ActionResult } from "@/lib/http/auth-action";
import { requestIp } from "@/lib/http/request-ip";

const Code = z.string().trim().min(1, "请输入验证码。").max(20, "验证码过长。");

/**
 * Confirms two-step verification with a code from the app. Not through authAction: a reviewer or admin
 * who has not set it up yet is refused everything else, and this is how they get out of that.
 */
export async function confirmSecondFactorAction(
  code: string,
): Promise<ActionResult<{ recoveryCodes: string[] }>> {
  try {
    const ctx = await requireEnrolmentContext();
    return {
      ok: true,
      data: await confirmSecondFactorSetup(ctx, Code.parse(code), { ip: await requestIp() }),
    };
  } catch (error) {
    return actionRefusal(error);
  }
}
