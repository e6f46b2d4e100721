// Two-step verification on the server: outside the demo a reviewer or admin without it reaches nothing
// but the setup (pages lead there, actions and routes answer 403); the password alone opens only the
// code step; a code is accepted once; recovery codes work once; changing the setup asks again for a
// factor; an admin's reset is audited and ends the user's sessions. The request's cookies and headers
// are next/headers' (mocked); sessions, users and reports are real.
import { Secret, TOTP } from "otpauth";
import { afterEach, beforeAll, describe, expect, it, vi } from "vitest";
import { ENROL_FIRST } from "@/lib/auth/context";
import { ForbiddenError } from "@/lib/auth/errors";
import {
  beginSecondFactorSetup,
  confirmSecondFactorSetup,
  disableSecondFactor,
  renewRecoveryCodes,
} from "@/lib/auth/second-factor-setup";
import { SESSION_COOKIE } from "@/lib/auth/session-token";
import { createSession, findPendingSession, findSession } from "@/lib/auth/sessions";
import { signIn } from "@/lib/auth/sign-in";
import { verifySecondFactor } from "@/lib/auth/verify-second-factor";
import { db } from "@/lib/db/client";
import { resetSecondFactor } from "@/lib/users/reset-second-factor";
import {
  createOrganization,
  createReport,
  createUserWithRoles,
  completeContent,
  signedInContext,
  TEST_PASSWORD,
} from "./support/fixtures";
import { contextFor, seededDatabase } from "./support/seeded";

const request = vi.hoisted(() => ({
  cookies: new Map<string, string>(),
  headers: new Headers({ "x-real-ip": "192.0.2.30" }),
}));
vi.mock("next/headers", () => ({
  cookies: async () => ({
    get: (name: string) =>
      request.cookies.has(name) ? { name, value: request.cookies.get(name)! } : undefined,
    set: (name: string, value: string) => void request.cookies.set(name, value),
    delete: (name: string) => void request.cookies.delete(name),
  }),
  headers: async () => request.headers,
}));
vi.mock("next/cache", () => ({ revalidatePath: () => {} }));

let reportId: string;

beforeAll(async () => {
  await seededDatabase();
  const district = await createOrganization("两步验证测试区人民政府");
  const street = await createOrganization("两步验证测试街道", { parent: "两步验证测试区人民政府" });
  for (const account of ["mfa-reviewer", "mfa-signer", "mfa-lost-phone"])
    await createUserWithRoles(account, [{ organizationId: district.id, role: "REVIEWER" }]);
  await createUserWithRoles("mfa-admin", [{ organizationId: district.id, role: "ADMIN" }]);
  await createUserWithRoles("mfa-editor", [{ organizationId: street.id, role: "EDITOR" }]);
  reportId = (await createReport(street.id, completeContent(street, 2025))).id;
});

afterEach(() => {
  delete process.env.NIANBAO_DEMO;
});

const secretOf = async (account: string) => {
  const ctx = await signedInContext(account);
  return { ctx, secret: (await beginSecondFactorSetup(ctx)).secret.replace(/\s+/g, "") };
};
const code = (secret: string, offsetSeconds = 0) =>
  new TOTP({
    secret: Secret.fromBase32(secret),
    algorithm: "SHA1",
    digits: 6,
    period: 30,
  }).generate({ timestamp: Date.now() + offsetSeconds * 1000 });

async function enrol(account: string): Promise<{ secret: string; recoveryCodes: string[] }> {
  const { ctx, secret } = await secretOf(account);
  const { recoveryCodes } = await confirmSecondFactorSetup(ctx, code(secret));
  return { secret, recoveryCodes };
}

async function asSession(account: string) {
  const user = await db().user.findUniqueOrThrow({ where: { account } });
  request.cookies.clear();
  request.cookies.set(SESSION_COOKIE, (await createSession(user.id)).token);
}

async function outcome(call: () => unknown): Promise<string> {
  try {
    const value = await call();
    if (value instanceof Response) return `status:${value.status}`;
    return "rendered";
  } catch (error) {
    const digest = String((error as { digest?: unknown }).digest ?? "");
    if (digest.startsWith("NEXT_REDIRECT")) return `redirect:${digest.split(";")[2]}`;
    throw error;
  }
}

describe("outside the demo, a reviewer without two-step verification", () => {
  it("is led to set it up from every page, refused by routes and actions, and gets in once it is set up", async () => {
    await asSession("mfa-reviewer");
    const reports = (await import("@/app/(app)/reports/page")).default as () => unknown;
    const report = (await import("@/app/(app)/reports/[id]/page")).default as (
      p: unknown,
    ) => unknown;
    const content = (await import("@/app/api/reports/[id]/content/route")).GET as (
      r: Request,
      c: unknown,
    ) => Promise<Response>;
    const setupPage = (await import("@/app/two-step/setup/page")).default as () => unknown;
    expect(await outcome(reports)).toBe("redirect:/two-step/setup");
    expect(await outcome(() => report({ params: Promise.resolve({ id: reportId }) }))).toBe(
      "redirect:/two-step/setup",
    );
    const refused = await content(
      new Request(`http://localhost/api/reports/${reportId}/content`, {
        headers: { host: "localhost" },
      }),
      { params: Promise.resolve({ id: reportId }) },
    );
    expect(refused.status).toBe(403);
    expect((await refused.json()).error).toBe(ENROL_FIRST);
    expect(await outcome(setupPage)).toBe("rendered");

    // The demo offers it without forcing it.
    process.env.NIANBAO_DEMO = "1";
    expect(await outcome(reports)).toBe("rendered");
    delete process.env.NIANBAO_DEMO;

    const { ctx, secret } = await secretOf("mfa-reviewer");
    const user = await db().user.findUniqueOrThrow({ where: { account: "mfa-reviewer" } });
    await confirmSecondFactorSetup(ctx, code(secret));
    expect(
      (await db().user.findUniqueOrThrow({ where: { id: user.id } })).totpSecret,
    ).not.toContain(secret);
    await asSession("mfa-reviewer");
    expect(await outcome(reports)).toBe("rendered");
    // Enabling it ended every other session: they were opened with the password alone.
    expect(
      await db().auditLog.count({
        where: { subjectUserId: user.id, action: "SECOND_FACTOR_ENABLED" },
      }),
    ).toBe(1);
  });
});

describe("signing in with two-step verification", () => {
  it("the password opens only the code step; a code is accepted once; wrong codes are audited", async () => {
    const { secret } = await enrol("mfa-signer");
    const first = await signIn("mfa-signer", TEST_PASSWORD, { ip: "192.0.2.31" });
    expect(first).toMatchObject({ ok: true, secondFactor: true });
    const pending = first.ok && first.secondFactor ? first.token : "";
    expect(await findSession(pending)).toBeNull();
    expect(await findPendingSession(pending)).toMatchObject({ account: "mfa-signer" });

    expect(await verifySecondFactor(pending, "000000", { ip: "192.0.2.31" })).toMatchObject({
      ok: false,
      error: expect.stringContaining("验证码不正确"),
    });
    const next = code(secret, 30);
    const done = await verifySecondFactor(pending, next, { ip: "192.0.2.31" });
    expect(done.ok).toBe(true);
    expect(await findPendingSession(pending)).toBeNull();
    expect(done.ok && (await findSession(done.token))).toMatchObject({
      account: "mfa-signer",
      totpEnabled: true,
    });

    // The same code again, on a new sign-in: refused.
    const again = await signIn("mfa-signer", TEST_PASSWORD);
    expect(
      await verifySecondFactor(again.ok && again.secondFactor ? again.token : "", next),
    ).toMatchObject({ ok: false });
    expect(
      await db().auditLog.count({
        where: { actorAccount: "mfa-signer", action: "SECOND_FACTOR_FAILED" },
      }),
    ).toBe(2);
    expect(
      await db().auditLog.findFirst({ where: { actorAccount: "mfa-signer", action: "SIGN_IN" } }),
    ).toMatchObject({ detail: { method: "totp" }, ip: "192.0.2.31" });
    // A pending sign-in that was never made: back to the password.
    expect(await verifySecondFactor("no-such-token", next)).toMatchObject({
      ok: false,
      restart: true,
    });
  });

  it("a recovery code works once; renewing them asks for a current code; a reviewer cannot turn it off", async () => {
    const { secret, recoveryCodes } = await enrol("mfa-lost-phone");
    expect(recoveryCodes).toHaveLength(10);
    const use = async (value: string) => {
      const pending = await signIn("mfa-lost-phone", TEST_PASSWORD);
      return verifySecondFactor(pending.ok && pending.secondFactor ? pending.token : "", value);
    };
    expect((await use(recoveryCodes[3])).ok).toBe(true);
    expect((await use(recoveryCodes[3])).ok).toBe(false);
    expect((await use(recoveryCodes[4].toUpperCase().replace(/-/g, " "))).ok).toBe(true);

    const ctx = await signedInContext("mfa-lost-phone");
    await expect(renewRecoveryCodes(ctx, "000000")).rejects.toThrow("验证码不正确");
    const renewed = await renewRecoveryCodes(ctx, code(secret, 30));
    expect(renewed.recoveryCodes).toHaveLength(10);
    expect((await use(recoveryCodes[5])).ok).toBe(false); // the old ones are gone
    await expect(disableSecondFactor(ctx, TEST_PASSWORD)).rejects.toBeInstanceOf(ForbiddenError);
  });
});

describe("an editor's own choice", () => {
  it("may turn it off again, with the password", async () => {
    await enrol("mfa-editor");
    const ctx = await signedInContext("mfa-editor");
    await expect(disableSecondFactor(ctx, "not-my-password")).rejects.toThrow("密码不正确");
    await disableSecondFactor(ctx, TEST_PASSWORD);
    expect(
      (await db().user.findUniqueOrThrow({ where: { account: "mfa-editor" } })).totpEnabledAt,
    ).toBeNull();
    expect(await signIn("mfa-editor", TEST_PASSWORD)).toMatchObject({
      ok: true,
      secondFactor: false,
    });
  });
});

describe("an admin resets it (a lost phone)", () => {
  it("removes the authenticator and recovery codes, ends the user's sessions, is audited; never one's own", async () => {
    await enrol("mfa-admin");
    const user = await db().user.findUniqueOrThrow({ where: { account: "mfa-lost-phone" } });
    const session = await signedInContext("mfa-lost-phone");
    const admin = await contextFor("mfa-admin");
    expect(await resetSecondFactor(admin, user.id, { ip: "192.0.2.40" })).toMatchObject({
      endedSessions: expect.any(Number),
    });
    expect(await findSession(session.token)).toBeNull();
    const after = await db().user.findUniqueOrThrow({ where: { id: user.id } });
    expect([after.totpSecret, after.totpEnabledAt]).toEqual([null, null]);
    expect(await db().recoveryCode.count({ where: { userId: user.id } })).toBe(0);
    expect(
      await db().auditLog.findFirst({
        where: { action: "SECOND_FACTOR_RESET", subjectUserId: user.id },
      }),
    ).toMatchObject({ actorAccount: "mfa-admin", ip: "192.0.2.40" });
    await expect(resetSecondFactor(admin, admin.user.userId)).rejects.toThrow(
      "不能重置自己的两步验证",
    );
    await expect(resetSecondFactor(await contextFor("pingfang-admin"), user.id)).rejects.toThrow(
      "未找到该用户",
    );
  });
});
