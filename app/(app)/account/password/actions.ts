"use server";

import { z } from "zod";
import { actionError } from "@/lib/auth/action-result";
import { changePassword } from "@/lib/auth/change-password";
import { requireAuthContext } from "@/lib/auth/context";
import { requestIp } from "@/lib/http/request-ip";

export interface ChangePasswordState {
  ok?: boolean;
  error?: string;
  /** The HTTP-like status of a refusal (401 signed out, 400 wrong input, 429 too many attempts). */
  status?: number;
  message?: string;
}

const Input = z
  .object({
    currentPassword: z.string().min(1, "请输入当前密码。").max(200, "密码过长。"),
    newPassword: z.string().min(1, "请输入新密码。").max(200, "新密码过长。"),
    confirmPassword: z.string(),
  })
  .refine((v) => v.newPassword === v.confirmPassword, { message: "两次输入的新密码不一致。" });

export async function changePasswordAction(_previous: ChangePasswordState, form: FormData): Promise<ChangePasswordState> {
  try {
    const ctx = await requireAuthContext();
    const input = Input.parse({
      currentPassword: form.get("currentPassword") ?? "",
      newPassword: form.get("newPassword") ?? "",
      confirmPassword: form.get("confirmPassword") ?? "",
    });
    const { endedSessions } = await changePassword(ctx, input, { ip: await requestIp() });
    return { ok: true, message: endedSessions ? `密码已修改，其他 ${endedSessions} 处登录已退出。` : "密码已修改。" };
  } catch (error) {
    const refused = actionError(error);
    return { ok: false, error: refused.error, status: refused.status };
  }
}
