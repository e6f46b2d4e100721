import { recordAudit } from "@/lib/audit/record";
import type { AuthContext } from "@/lib/auth/context";
import { AlreadyExistsError } from "@/lib/auth/errors";
import { hashPassword } from "@/lib/auth/password";
import { assertAcceptablePassword } from "@/lib/auth/password-policy";
import { db } from "@/lib/db/client";
import { Prisma } from "@/lib/db/generated/client";
import type { Role } from "@/lib/db/generated/enums";
import { assertAdminOf } from "./admin-scope";

export interface CreateUserInput {
  account: string;
  displayName: string;
  /** The initial password (checked here against the password policy, the unit's names included). */
  password: string;
  organizationId: string;
  role: Role;
}

/** An admin creates an account with its first role in an organisation the admin manages. */
export async function createUser(
  ctx: AuthContext,
  input: CreateUserInput,
  options: { ip?: string | null } = {},
): Promise<{ id: string }> {
  assertAdminOf(ctx, input.organizationId);
  await assertAcceptablePassword(input.password, {
    account: input.account,
    organizationIds: [input.organizationId],
  });
  const passwordHash = await hashPassword(input.password);
  try {
    return await db().$transaction(async (tx) => {
      const user = await tx.user.create({
        data: {
          account: input.account,
          displayName: input.displayName,
          passwordHash,
          memberships: { create: { organizationId: input.organizationId, role: input.role } },
        },
        select: { id: true },
      });
      await recordAudit(tx, {
        action: "USER_CREATED",
        actorId: ctx.user.userId,
        actorAccount: ctx.user.account,
        subjectUserId: user.id,
        organizationId: input.organizationId,
        ip: options.ip,
        detail: { account: input.account, displayName: input.displayName, role: input.role },
      });
      return user;
    });
  } catch (error) {
    if (error instanceof Prisma.PrismaClientKnownRequestError && error.code === "P2002") {
      // Said the same way whoever holds the name, in this tree or another: “exists” would tell an admin
      // which accounts other districts have.
      throw new AlreadyExistsError("账号不可用，请换一个账号名。");
    }
    throw error;
  }
}
