"use server";

import { revalidatePath } from "next/cache";
import { z } from "zod";
import { newPasswordSchema } from "@/lib/auth/password-policy";
import { authAction } from "@/lib/http/auth-action";
import { recordId } from "@/lib/http/schemas";
import { assignRole } from "@/lib/users/assign-role";
import { createUser } from "@/lib/users/create-user";
import { removeRole } from "@/lib/users/remove-role";
import { resetPassword } from "@/lib/users/reset-password";
import { resetSecondFactor } from "@/lib/users/reset-second-factor";

const RoleInput = z.enum(["EDITOR", "REVIEWER", "ADMIN"], { message: "请选择角色。" });

const CreateInput = z.object({
  account: z
    .string()
    .trim()
    .min(3, "账号至少 3 个字符。")
    .max(64, "账号不能超过 64 个字符。")
    .regex(
      /^[a-z0-9][a-z0-9._-]*$/,
      "账号只能包含小写字母、数字、点、下划线和连字符，并以字母或数字开头。",
    ),
  displayName: z.string().trim().min(1, "请填写姓名或称呼。").max(50, "姓名过长。"),
  password: z.string(),
  organizationId: recordId("单位"),
  role: RoleInput,
});

export const createUserAction = authAction(CreateInput, async (input, { ctx, ip }) => {
  const password = newPasswordSchema(input.account).parse(input.password);
  const created = await createUser(ctx, { ...input, password }, { ip });
  revalidatePath("/admin/users");
  return created;
});

const AssignInput = z.object({
  userId: recordId("用户"),
  organizationId: recordId("单位"),
  role: RoleInput,
});

export const assignRoleAction = authAction(AssignInput, async (input, { ctx, ip }) => {
  const assigned = await assignRole(ctx, input, { ip });
  revalidatePath("/admin/users");
  return assigned;
});

const RemoveInput = z.object({ membershipId: recordId("角色") });

export const removeRoleAction = authAction(RemoveInput, async ({ membershipId }, { ctx, ip }) => {
  await removeRole(ctx, membershipId, { ip });
  revalidatePath("/admin/users");
  return null;
});

const ResetInput = z.object({ userId: recordId("用户"), password: z.string() });

export const resetPasswordAction = authAction(ResetInput, async (input, { ctx, ip }) => {
  const password = newPasswordSchema().parse(input.password);
  const reset = await resetPassword(ctx, { userId: input.userId, password }, { ip });
  revalidatePath("/admin/users");
  return reset;
});

const ResetSecondFactorInput = z.object({ userId: recordId("用户") });

export const resetSecondFactorAction = authAction(
  ResetSecondFactorInput,
  async ({ userId }, { ctx, ip }) => {
    const reset = await resetSecondFactor(ctx, userId, { ip });
    revalidatePath("/admin/users");
    return reset;
  },
);
