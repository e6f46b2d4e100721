import { z } from "zod";
import { db } from "@/lib/db/client";
import { ValidationError } from "@/lib/errors";
import { isCommonPassword } from "./common-passwords";

export const PASSWORD_MIN = 10;
export const PASSWORD_MAX = 200;
/** The demo accounts' published password: never anyone's real one. */
const DEMO_PASSWORD = "nianbao-demo";

export interface PasswordContext {
  account?: string;
  /** Names of the units the account works in (name, full name, public slug). */
  unitNames?: string[];
}

/**
 * Why a new password cannot be used, in Chinese, or null. Long enough to resist guessing (ASVS asks for
 * length, not composition rules), not one of the passwords everyone tries first, not the account or
 * the unit it belongs to, not the demo password.
 */
export function passwordProblem(password: string, context: PasswordContext = {}): string | null {
  if (password.length < PASSWORD_MIN) return `新密码至少 ${PASSWORD_MIN} 个字符。`;
  if (password.length > PASSWORD_MAX) return `新密码不能超过 ${PASSWORD_MAX} 个字符。`;
  if (password.trim().length !== password.length) return "新密码开头和结尾不能有空格。";
  const lower = password.toLowerCase();
  if (lower === DEMO_PASSWORD || lower.includes(DEMO_PASSWORD))
    return "不能使用演示账号的公开密码。";
  if (new Set(password).size < 4) return "新密码过于简单，请混用不同的字母、数字或符号。";
  if (isCommonPassword(password)) return "这个密码太常见，很容易被猜中，请换一个。";
  const account = context.account?.trim().toLowerCase();
  if (account && account.length >= 3 && lower.includes(account)) return "新密码不能包含账号名。";
  for (const name of context.unitNames ?? []) {
    const unit = name.trim().toLowerCase();
    if (unit.length >= 4 && lower.includes(unit)) return "新密码不能包含单位名称。";
  }
  return null;
}

/** The same rules as a zod schema, for forms that know the account but not the unit (the unit is checked by the use case). */
export function newPasswordSchema(account?: string) {
  return z.string().superRefine((password, ctx) => {
    const problem = passwordProblem(password, { account });
    if (problem) ctx.addIssue({ code: "custom", message: problem });
  });
}

/** The names a password must not contain, of the units given and of every unit the user works in. */
async function unitNamesOf(
  userId: string | undefined,
  organizationIds: string[],
): Promise<string[]> {
  const units = await db().organization.findMany({
    where: {
      OR: [
        { id: { in: organizationIds } },
        ...(userId ? [{ memberships: { some: { userId } } }] : []),
      ],
    },
    select: { name: true, fullName: true, slug: true },
  });
  return units.flatMap((u) => [u.name, u.fullName, u.slug]);
}

/** Every rule, units included; a refusal is a 400 with the reason. */
export async function assertAcceptablePassword(
  password: string,
  who: { account: string; userId?: string; organizationIds?: string[] },
): Promise<void> {
  const problem = passwordProblem(password, {
    account: who.account,
    unitNames: await unitNamesOf(who.userId, who.organizationIds ?? []),
  });
  if (problem) throw new ValidationError(problem);
}
