"use server";

import { revalidatePath } from "next/cache";
import { z } from "zod";
import { actionError, type ActionResult } from "@/lib/auth/action-result";
import { requireAuthContext } from "@/lib/auth/context";
import { newPasswordSchema } from "@/lib/auth/password-policy";
import { requestIp } from "@/lib/http/request-ip";
import { assignRole } from "@/lib/users/assign-role";
import { createUser } from "@/lib/users/create-user";
import { removeRole } from "@/lib/users/remove-role";
import { resetPassword } from "@/lib/users/reset-password";

const RoleInput = z.enum(["EDITOR", "REVIEWER", "ADMIN"], { message: "请选择角色。" });
const Id = (what: string) => z.string().uuid(`${what}无效。`);

const CreateInput = z.object({
  account: z
    .string()
    .trim()
    .min(3, "账号至少 3 个字符。")
    .max(64, "账号不能超过 64 个字符。")
    .regex(/^[a-z0-9][a-z0-9._-]*$/, "账号只能包含小写字母、数字、点、下划线和连字符，并以字母或数字开头。"),
  displayName: z.string().trim().min(1, "请填写姓名或称呼。").max(50, "姓名过长。"),
  password: z.string(),
  organizationId: Id("单位"),
  role: RoleInput,
});

export async function createUserAction(input: z.input<typeof CreateInput>): Promise<ActionResult<{ id: string }>> {
  try {
    const ctx = await requireAuthContext();
    const parsed = CreateInput.parse(input);
    const password = newPasswordSchema(parsed.account).parse(parsed.password);
    const created = await createUser(ctx, { ...parsed, password }, { ip: await requestIp() });
    revalidatePath("/admin/users");
    return { ok: true, data: created };
  } catch (error) {
    return actionError(error);
  }
}

const AssignInput = z.object({ userId: Id("用户"), organizationId: Id("单位"), role: RoleInput });

export async function assignRoleAction(input: z.input<typeof AssignInput>): Promise<ActionResult<{ membershipId: string }>> {
  try {
    const ctx = await requireAuthContext();
    const assigned = await assignRole(ctx, AssignInput.parse(input), { ip: await requestIp() });
    revalidatePath("/admin/users");
    return { ok: true, data: assigned };
  } catch (error) {
    return actionError(error);
  }
}

const RemoveInput = z.object({ membershipId: Id("角色") });

export async function removeRoleAction(input: z.input<typeof RemoveInput>): Promise<ActionResult<null>> {
  try {
    const ctx = await requireAuthContext();
    await removeRole(ctx, RemoveInput.parse(input).membershipId, { ip: await requestIp() });
    revalidatePath("/admin/users");
    return { ok: true, data: null };
  } catch (error) {
    return actionError(error);
  }
}

const ResetInput = z.object({ userId: Id("用户"), password: z.string() });

export async function resetPasswordAction(input: z.input<typeof ResetInput>): Promise<ActionResult<{ endedSessions: number }>> {
  try {
    const ctx = await requireAuthContext();
    const parsed = ResetInput.parse(input);
    const password = newPasswordSchema().parse(parsed.password);
    const reset = await resetPassword(ctx, { userId: parsed.userId, password }, { ip: await requestIp() });
    revalidatePath("/admin/users");
    return { ok: true, data: reset };
  } catch (error) {
    return actionError(error);
  }
}
