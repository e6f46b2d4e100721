"use server";

import { z } from "zod";
import { changePassword } from "@/lib/auth/change-password";
import { authAction } from "@/lib/http/auth-action";

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

const change = authAction(Input, (input, { ctx, ip }) => changePassword(ctx, input, { ip }));

export async function changePasswordAction(
  _previous: ChangePasswordState,
  form: FormData,
): Promise<ChangePasswordState> {
  const result = await change({
    currentPassword: String(form.get("currentPassword") ?? ""),
    newPassword: String(form.get("newPassword") ?? ""),
    confirmPassword: String(form.get("confirmPassword") ?? ""),
  });
  if (!result.ok) return { ok: false, error: result.error, status: result.status };
  const { endedSessions } = result.data;
  return {
    ok: true,
    message: endedSessions ? `密码已修改，其他 ${endedSessions} 处登录已退出。` : "密码已修改。",
  };
}
