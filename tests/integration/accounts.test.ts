import { beforeAll, describe, expect, it } from "vitest";
import { changePassword } from "@/lib/auth/change-password";
import { InputError, TooManyAttemptsError } from "@/lib/auth/errors";
import { verifyPassword } from "@/lib/auth/password";
import { hashSessionToken, SESSION_ABSOLUTE_MS, SESSION_IDLE_MS } from "@/lib/auth/session-token";
import { createSession, findSession } from "@/lib/auth/sessions";
import { signIn } from "@/lib/auth/sign-in";
import { signOut } from "@/lib/auth/sign-out";
import { db } from "@/lib/db/client";
import {
  createOrganization,
  createUserWithRoles,
  signedInContext,
  TEST_PASSWORD,
} from "./support/fixtures";
import { seededDatabase } from "./support/seeded";

let orgId: string;

beforeAll(async () => {
  await seededDatabase();
  orgId = (await createOrganization("账号测试街道", { parent: "哈尔滨市平房区人民政府" })).id;
  for (const account of ["pw-user", "out-user", "idle-user", "abs-user"]) {
    await createUserWithRoles(account, [{ organizationId: orgId, role: "EDITOR" }]);
  }
});

const auditOf = (account: string, action: string) =>
  db().auditLog.findMany({
    where: { actorAccount: account, action },
    orderBy: { createdAt: "asc" },
  });

describe("password change", () => {
  it("needs the current password, keeps this session, ends the others and is audited", async () => {
    const here = await signedInContext("pw-user");
    const elsewhere = await signedInContext("pw-user");
    await expect(
      changePassword(here, { currentPassword: "not-it", newPassword: "a-new-password-2" }),
    ).rejects.toThrow("当前密码不正确");
    await expect(
      changePassword(here, { currentPassword: TEST_PASSWORD, newPassword: "short" }),
    ).rejects.toThrow("至少 10 个字符");
    await expect(
      changePassword(here, { currentPassword: TEST_PASSWORD, newPassword: "pw-user" }),
    ).rejects.toThrow();
    await expect(
      changePassword(here, { currentPassword: TEST_PASSWORD, newPassword: TEST_PASSWORD }),
    ).rejects.toBeInstanceOf(InputError);

    expect(
      await changePassword(
        here,
        { currentPassword: TEST_PASSWORD, newPassword: "a-new-password-2" },
        { ip: "10.2.0.1" },
      ),
    ).toEqual({ endedSessions: 1 });
    expect(await findSession(here.token)).not.toBeNull();
    expect(await findSession(elsewhere.token)).toBeNull();
    const user = await db().user.findUniqueOrThrow({ where: { account: "pw-user" } });
    expect(await verifyPassword(user.passwordHash, "a-new-password-2")).toBe(true);
    expect(user.passwordChangedAt).not.toBeNull();
    expect((await signIn("pw-user", TEST_PASSWORD)).ok).toBe(false);
    expect((await signIn("pw-user", "a-new-password-2")).ok).toBe(true);
    expect(await auditOf("pw-user", "PASSWORD_CHANGED")).toMatchObject([
      { ip: "10.2.0.1", detail: { endedSessions: 1 } },
    ]);
  });

  it("guessing the current password is throttled too", async () => {
    const ctx = await signedInContext("pw-user");
    for (let i = 0; i < 10; i++)
      await expect(
        changePassword(ctx, { currentPassword: `guess-${i}`, newPassword: "whatever-123" }),
      ).rejects.toBeInstanceOf(InputError);
    await expect(
      changePassword(ctx, { currentPassword: "a-new-password-2", newPassword: "whatever-123" }),
    ).rejects.toBeInstanceOf(TooManyAttemptsError);
  });
});

describe("sign-out and session expiry", () => {
  it("signing out deletes the session server-side and is audited", async () => {
    const ctx = await signedInContext("out-user");
    await signOut(ctx.token, { ip: "10.3.0.1" });
    expect(
      await db().session.findUnique({ where: { tokenHash: hashSessionToken(ctx.token) } }),
    ).toBeNull();
    expect(await findSession(ctx.token)).toBeNull();
    expect(await auditOf("out-user", "SIGN_OUT")).toMatchObject([{ ip: "10.3.0.1" }]);
    // A stale or missing cookie signs out quietly.
    await expect(signOut(ctx.token)).resolves.toBeUndefined();
    await expect(signOut(undefined)).resolves.toBeUndefined();
  });

  it(`a session idle for ${SESSION_IDLE_MS / 60_000} minutes ends; activity keeps it alive`, async () => {
    const user = await db().user.findUniqueOrThrow({ where: { account: "idle-user" } });
    const { token } = await createSession(user.id);
    const where = { tokenHash: hashSessionToken(token) };
    // Used two minutes ago: alive, and touched.
    await db().session.update({ where, data: { lastSeenAt: new Date(Date.now() - 2 * 60_000) } });
    expect(await findSession(token)).toMatchObject({ account: "idle-user" });
    expect(
      Date.now() - (await db().session.findUniqueOrThrow({ where })).lastSeenAt.getTime(),
    ).toBeLessThan(10_000);
    // Idle just past the limit: gone, and removed from the table.
    await db().session.update({
      where,
      data: { lastSeenAt: new Date(Date.now() - SESSION_IDLE_MS - 1000) },
    });
    expect(await findSession(token)).toBeNull();
    expect(await db().session.findUnique({ where })).toBeNull();
  });

  it(`a session ends ${SESSION_ABSOLUTE_MS / 3_600_000} hours after sign-in however active`, async () => {
    const user = await db().user.findUniqueOrThrow({ where: { account: "abs-user" } });
    const { token, expiresAt } = await createSession(user.id);
    expect(expiresAt.getTime() - Date.now()).toBeGreaterThan(SESSION_ABSOLUTE_MS - 10_000);
    const where = { tokenHash: hashSessionToken(token) };
    await db().session.update({
      where,
      data: {
        createdAt: new Date(Date.now() - SESSION_ABSOLUTE_MS),
        expiresAt: new Date(Date.now() - 1000),
        lastSeenAt: new Date(),
      },
    });
    expect(await findSession(token)).toBeNull();
    expect(await db().session.findUnique({ where })).toBeNull();
  });
});
