import { z } from "zod";

export const PASSWORD_MIN = 8;
export const PASSWORD_MAX = 200;

/** A new password: long enough to resist guessing, not the account name, not one of the demo passwords. */
export function newPasswordSchema(account?: string) {
  return z
    .string()
    .min(PASSWORD_MIN, `新密码至少 ${PASSWORD_MIN} 个字符。`)
    .max(PASSWORD_MAX, `新密码不能超过 ${PASSWORD_MAX} 个字符。`)
    .refine((p) => p.trim().length === p.length, "新密码开头和结尾不能有空格。")
    .refine((p) => !account || p.toLowerCase() !== account.toLowerCase(), "新密码不能与账号相同。")
    .refine((p) => new Set(p).size >= 4, "新密码过于简单，请混用不同的字母、数字或符号。");
}
