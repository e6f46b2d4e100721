import { beforeAll, describe, expect, it } from "vitest";
import { listAudit } from "@/lib/audit/list-audit";
import { AlreadyExistsError, ForbiddenError, InputError, NotFoundError } from "@/lib/auth/errors";
import { findSession } from "@/lib/auth/sessions";
import { signIn } from "@/lib/auth/sign-in";
import { db } from "@/lib/db/client";
import { assignRole } from "@/lib/users/assign-role";
import { createUser } from "@/lib/users/create-user";
import { listUsers } from "@/lib/users/list-users";
import { removeRole } from "@/lib/users/remove-role";
import { resetPassword } from "@/lib/users/reset-password";
import { createOrganization, createUserWithRoles, signedInContext } from "./support/fixtures";
import { contextFor, seededDatabase } from "./support/seeded";

let unitId: string;
let otherDistrictId: string;

beforeAll(async () => {
  await seededDatabase();
  unitId = (await createOrganization("用户管理测试街道", { parent: "哈尔滨市平房区人民政府" })).id;
  otherDistrictId = (await createOrganization("用户管理测试外区")).id;
  await createUserWithRoles("outside-admin", [{ organizationId: otherDistrictId, role: "ADMIN" }]);
});

describe("admins manage the users of their tree", () => {
  it("the district admin creates a user with a role in a subordinate unit; the account is unique", async () => {
    const admin = await contextFor("pingfang-admin");
    const { id } = await createUser(
      admin,
      {
        account: "new-editor",
        displayName: "新填报员",
        password: "initial-pass-1",
        organizationId: unitId,
        role: "EDITOR",
      },
      { ip: "10.9.0.1" },
    );
    expect(await db().membership.findMany({ where: { userId: id } })).toMatchObject([
      { organizationId: unitId, role: "EDITOR" },
    ]);
    expect((await signIn("new-editor", "initial-pass-1")).ok).toBe(true);
    await expect(
      createUser(admin, {
        account: "new-editor",
        displayName: "重复",
        password: "initial-pass-1",
        organizationId: unitId,
        role: "EDITOR",
      }),
    ).rejects.toBeInstanceOf(AlreadyExistsError);
    const audit = await db().auditLog.findMany({
      where: { action: "USER_CREATED", subjectUserId: id },
    });
    expect(audit).toMatchObject([
      { actorAccount: "pingfang-admin", organizationId: unitId, ip: "10.9.0.1" },
    ]);
  });

  it("non-admins and admins of another tree cannot: 403 for a unit one sees, 404 for one one does not", async () => {
    const input = {
      account: "sneaky",
      displayName: "x",
      password: "initial-pass-1",
      organizationId: unitId,
      role: "ADMIN" as const,
    };
    await expect(createUser(await contextFor("pingfang-reviewer"), input)).rejects.toBeInstanceOf(
      ForbiddenError,
    );
    await expect(createUser(await contextFor("outside-admin"), input)).rejects.toBeInstanceOf(
      NotFoundError,
    );
    await expect(createUser(await contextFor("youxie-editor"), input)).rejects.toBeInstanceOf(
      NotFoundError,
    );
    await expect(listUsers(await contextFor("youxie-editor"))).rejects.toBeInstanceOf(
      NotFoundError,
    );
    const outside = await listUsers(await contextFor("outside-admin"));
    expect(outside.users.map((u) => u.account)).toEqual(["outside-admin"]);
  });

  it("assigns and removes roles within the tree, never one's own admin role", async () => {
    const admin = await contextFor("pingfang-admin");
    const user = await db().user.findUniqueOrThrow({ where: { account: "new-editor" } });
    const { membershipId } = await assignRole(admin, {
      userId: user.id,
      organizationId: unitId,
      role: "ADMIN",
    });
    await expect(
      assignRole(admin, { userId: user.id, organizationId: unitId, role: "ADMIN" }),
    ).rejects.toBeInstanceOf(AlreadyExistsError);
    await expect(
      assignRole(admin, { userId: user.id, organizationId: otherDistrictId, role: "EDITOR" }),
    ).rejects.toBeInstanceOf(NotFoundError);
    const outsider = await db().user.findUniqueOrThrow({ where: { account: "outside-admin" } });
    await expect(
      assignRole(admin, { userId: outsider.id, organizationId: unitId, role: "EDITOR" }),
    ).rejects.toBeInstanceOf(NotFoundError);
    await expect(
      removeRole(await contextFor("outside-admin"), membershipId),
    ).rejects.toBeInstanceOf(NotFoundError);
    await removeRole(admin, membershipId);
    expect(await db().membership.count({ where: { userId: user.id } })).toBe(1);
    const own = await db().membership.findFirstOrThrow({
      where: { userId: admin.user.userId, role: "ADMIN" },
    });
    await expect(removeRole(admin, own.id)).rejects.toBeInstanceOf(ForbiddenError);
    expect(
      await db().auditLog.count({
        where: { subjectUserId: user.id, action: { in: ["ROLE_ASSIGNED", "ROLE_REMOVED"] } },
      }),
    ).toBe(2);
  });

  it("resets a password: the old one stops working and every session of the user ends", async () => {
    const admin = await contextFor("pingfang-admin");
    const session = await signedInContext("new-editor");
    const user = await db().user.findUniqueOrThrow({ where: { account: "new-editor" } });
    expect(
      await resetPassword(admin, { userId: user.id, password: "reset-pass-22" }),
    ).toMatchObject({ endedSessions: expect.any(Number) });
    expect(await findSession(session.token)).toBeNull();
    expect((await signIn("new-editor", "initial-pass-1")).ok).toBe(false);
    expect((await signIn("new-editor", "reset-pass-22")).ok).toBe(true);
    await expect(
      resetPassword(await contextFor("outside-admin"), {
        userId: user.id,
        password: "x-pass-word-1",
      }),
    ).rejects.toBeInstanceOf(NotFoundError);
    await expect(
      resetPassword(admin, { userId: admin.user.userId, password: "x-pass-word-1" }),
    ).rejects.toBeInstanceOf(InputError);
  });

  it("does not reset the password of someone who also works outside the admin's tree", async () => {
    const admin = await contextFor("pingfang-admin");
    const shared = await createUserWithRoles("shared-user", [
      { organizationId: unitId, role: "EDITOR" },
      { organizationId: otherDistrictId, role: "EDITOR" },
    ]);
    await expect(
      resetPassword(admin, { userId: shared.id, password: "reset-pass-22" }),
    ).rejects.toBeInstanceOf(ForbiddenError);
    const listed = (await listUsers(admin)).users.find((u) => u.account === "shared-user")!;
    expect(listed.hasOutsideRoles).toBe(true);
    expect(listed.memberships.map((m) => m.organizationId)).toEqual([unitId]);
  });
});

describe("the audit log", () => {
  it("shows an admin what concerns their tree, filterable, and nothing of another tree", async () => {
    await signIn("new-editor", "wrong-password", { ip: "10.9.9.9" });
    await signIn("outside-admin", "wrong-password", { ip: "10.8.8.8" });
    const admin = await contextFor("pingfang-admin");
    const failed = await listAudit(admin, { action: "SIGN_IN_FAILED", account: "new-editor" });
    expect(failed.rows.length).toBeGreaterThanOrEqual(1);
    expect(failed.rows[0]).toMatchObject({
      action: "SIGN_IN_FAILED",
      ip: "10.9.9.9",
      subjectAccount: "new-editor",
    });
    const all = await listAudit(admin, { page: 1 });
    expect(all.rows.some((r) => r.actorAccount === "outside-admin")).toBe(false);
    const theirs = await listAudit(await contextFor("outside-admin"), {});
    expect(
      theirs.rows.every(
        (r) =>
          r.actorAccount === "outside-admin" ||
          r.subjectAccount === "outside-admin" ||
          r.subjectAccount === null,
      ),
    ).toBe(true);
    expect(theirs.rows.some((r) => r.subjectAccount === "new-editor")).toBe(false);
    await expect(listAudit(await contextFor("pingfang-reviewer"), {})).rejects.toBeInstanceOf(
      NotFoundError,
    );
    const today = new Date(Date.now() + 8 * 3_600_000).toISOString().slice(0, 10);
    expect(
      (await listAudit(admin, { from: today, to: today, action: "USER_CREATED" })).total,
    ).toBeGreaterThanOrEqual(1);
    expect((await listAudit(admin, { from: "2000-01-01", to: "2000-01-02" })).total).toBe(0);
  });
});
