// Sign-in under attack: failures slow down only the pair that made them, nothing is locked, a browser
// that signed in to the account before is not slowed by anyone else's failures, and an admin sees
// repeated failures in the audit log. Times are given (`now`), never waited for.
import { beforeAll, describe, expect, it } from "vitest";
import { issueDeviceToken } from "@/lib/auth/device-token";
import { signIn, WRONG_CREDENTIALS } from "@/lib/auth/sign-in";
import { createSession, findSession } from "@/lib/auth/sessions";
import { db } from "@/lib/db/client";
import { createOrganization, createUserWithRoles, TEST_PASSWORD } from "./support/fixtures";
import { seededDatabase } from "./support/seeded";

beforeAll(async () => {
  await seededDatabase();
  const district = await createOrganization("登录防护测试区人民政府");
  for (const account of ["delay-a", "delay-b", "delay-c", "rotate-a"])
    await createUserWithRoles(account, [{ organizationId: district.id, role: "EDITOR" }]);
  await createUserWithRoles("guarded-reviewer", [
    { organizationId: district.id, role: "REVIEWER" },
  ]);
});

const at = (base: string, seconds: number) => new Date(new Date(base).getTime() + seconds * 1000);
const auditOf = (account: string, action: string) =>
  db().auditLog.findMany({
    where: { actorAccount: account, action },
    orderBy: { createdAt: "asc" },
  });

describe("progressive delay per (account, address)", () => {
  it("three failures are free, then the pair waits 1, 2, 4 … seconds after its last failure; the right password gets in once the wait is over", async () => {
    const t = "2031-01-01T08:00:00Z";
    const ip = "198.51.100.20";
    for (let i = 0; i < 4; i++)
      expect(await signIn("delay-a", `wrong-${i}`, { ip, now: at(t, 0) })).toEqual({
        ok: false,
        error: WRONG_CREDENTIALS,
      });
    // Four failures: one second after the last.
    expect(await signIn("delay-a", TEST_PASSWORD, { ip, now: at(t, 0) })).toMatchObject({
      ok: false,
      error: "登录失败次数过多，请 1 秒后再试。",
      retryAfterSeconds: 1,
    });
    expect(await signIn("delay-a", "wrong-4", { ip, now: at(t, 1) })).toEqual({
      ok: false,
      error: WRONG_CREDENTIALS,
    });
    // Five: two seconds.
    expect(await signIn("delay-a", TEST_PASSWORD, { ip, now: at(t, 2) })).toMatchObject({
      ok: false,
      retryAfterSeconds: 1,
    });
    // Another address is another pair: not slowed by these five (the account-wide delay starts after ten).
    expect(
      (await signIn("delay-a", TEST_PASSWORD, { ip: "198.51.100.21", now: at(t, 2) })).ok,
    ).toBe(true);
    expect((await signIn("delay-a", TEST_PASSWORD, { ip, now: at(t, 3) })).ok).toBe(true);
    // A refused attempt checks no password and is in the audit log with what it waits for.
    const throttled = await auditOf("delay-a", "SIGN_IN_THROTTLED");
    expect(throttled).toHaveLength(2);
    expect(throttled[0].detail).toMatchObject({
      by: ["sign-in:pair"],
      waitSeconds: 1,
      knownDevice: false,
    });
  });

  it("the waits double up to fifteen minutes, and say minutes past one", async () => {
    const t = "2031-01-02T08:00:00Z";
    const ip = "198.51.100.30";
    let last = 0;
    for (let i = 0; i < 14; i++) {
      // Exactly when the previous wait ends: 0 for the free ones, then 1, 2, 4 … seconds.
      last += i <= 3 ? 0 : 2 ** (i - 4);
      const result = await signIn("delay-b", "wrong", { ip, now: at(t, last) });
      expect(result, `attempt ${i + 1}`).toEqual({ ok: false, error: WRONG_CREDENTIALS });
    }
    // Fourteen failures: 2^10 s would be over the cap of 15 minutes.
    expect(await signIn("delay-b", TEST_PASSWORD, { ip, now: at(t, last) })).toMatchObject({
      ok: false,
      error: "登录失败次数过多，请 15 分钟后再试。",
      retryAfterSeconds: 900,
    });
    expect(await signIn("delay-b", TEST_PASSWORD, { ip, now: at(t, last + 899) })).toMatchObject({
      ok: false,
      retryAfterSeconds: 1,
    });
    expect((await signIn("delay-b", TEST_PASSWORD, { ip, now: at(t, last + 900) })).ok).toBe(true);
  });

  it("one address trying many accounts is slowed after thirty failures, unknown accounts included; the same account from elsewhere is not", async () => {
    const t = "2031-01-03T08:00:00Z";
    const ip = "203.0.113.77";
    for (let i = 0; i < 31; i++)
      expect(await signIn(`no-such-account-${i}`, "guess", { ip, now: at(t, 0) })).toEqual({
        ok: false,
        error: WRONG_CREDENTIALS,
      });
    expect(await signIn("delay-c", TEST_PASSWORD, { ip, now: at(t, 0) })).toMatchObject({
      ok: false,
      retryAfterSeconds: 1,
    });
    expect(
      (await signIn("delay-c", TEST_PASSWORD, { ip: "198.51.100.40", now: at(t, 0) })).ok,
    ).toBe(true);
    const unknown = await db().auditLog.findMany({ where: { ip, action: "SIGN_IN_FAILED" } });
    expect(unknown).toHaveLength(31);
    expect(unknown.every((row) => row.subjectUserId === null)).toBe(true);
  });
});

describe("a reviewer's known browser", () => {
  it("signs in while an attacker's failures from many addresses (and from the reviewer's own office address) pile up; the admin sees them", async () => {
    const t = "2031-02-01T08:00:00Z";
    const office = "192.0.2.50";
    // Monday: the reviewer signs in at the office; the browser keeps a device token for the account.
    const first = await signIn("guarded-reviewer", TEST_PASSWORD, { ip: office, now: at(t, 0) });
    expect(first).toMatchObject({ ok: true, secondFactor: false });
    const deviceCookie = first.ok && !first.secondFactor ? first.deviceCookie : "";
    expect(deviceCookie).toMatch(/^[0-9a-f-]{36}\.[\w-]{16}\.[0-9a-z]+\.[\w-]{32}$/);

    // An attacker guesses from forty addresses, one try a minute (as fast as the account-wide delay lets
    // browsers new to the account go), then from the office's own NAT address.
    for (let i = 0; i < 40; i++) {
      expect(
        await signIn("guarded-reviewer", `guess-${i}`, {
          ip: `203.0.113.${i + 1}`,
          now: at(t, 60 * (i + 1)),
        }),
      ).toEqual({ ok: false, error: WRONG_CREDENTIALS });
    }
    const now = at(t, 60 * 41);
    expect(await signIn("guarded-reviewer", "office-guess", { ip: office, now })).toEqual({
      ok: false,
      error: WRONG_CREDENTIALS,
    });
    // Any browser new to the account now waits a minute, from anywhere, the office included…
    expect(
      await signIn("guarded-reviewer", TEST_PASSWORD, { ip: "198.51.100.99", now }),
    ).toMatchObject({ ok: false, retryAfterSeconds: 60 });
    expect(await signIn("guarded-reviewer", TEST_PASSWORD, { ip: office, now })).toMatchObject({
      ok: false,
      retryAfterSeconds: 60,
    });
    // …a forged or foreign device token counts for nothing…
    const forged = deviceCookie.replace(/.$/, (c) => (c === "A" ? "B" : "A"));
    expect(
      await signIn("guarded-reviewer", TEST_PASSWORD, { ip: office, deviceCookie: forged, now }),
    ).toMatchObject({ ok: false });
    const someoneElses = issueDeviceToken(
      (await db().user.findUniqueOrThrow({ where: { account: "delay-a" } })).id,
      at(t, 0),
    );
    expect(
      await signIn("guarded-reviewer", TEST_PASSWORD, {
        ip: office,
        deviceCookie: someoneElses,
        now,
      }),
    ).toMatchObject({ ok: false });
    // …but the reviewer's own browser signs in at once.
    expect(
      await signIn("guarded-reviewer", TEST_PASSWORD, { ip: office, deviceCookie, now }),
    ).toMatchObject({ ok: true, secondFactor: false });

    // Repeated failures are in the audit log for the admin (the 5th, then every 10th of the day).
    expect(await auditOf("guarded-reviewer", "SIGN_IN_FAILED")).toHaveLength(41);
    const repeated = await auditOf("guarded-reviewer", "SIGN_IN_REPEATED_FAILURES");
    expect(repeated.map((r) => (r.detail as { failures: number }).failures)).toEqual([
      5, 10, 20, 30, 40,
    ]);
    expect(repeated.every((r) => r.subjectUserId !== null)).toBe(true);
  });

  it("its own failures still slow it down (on its own counter)", async () => {
    const t = "2031-02-02T08:00:00Z";
    const first = await signIn("delay-c", TEST_PASSWORD, { ip: "192.0.2.60", now: at(t, 0) });
    const deviceCookie = first.ok && !first.secondFactor ? first.deviceCookie : "";
    for (let i = 0; i < 4; i++)
      await signIn("delay-c", "typo", { ip: "192.0.2.60", deviceCookie, now: at(t, 1) });
    expect(
      await signIn("delay-c", TEST_PASSWORD, { ip: "192.0.2.60", deviceCookie, now: at(t, 1) }),
    ).toMatchObject({ ok: false, retryAfterSeconds: 1 });
    expect(
      (await signIn("delay-c", TEST_PASSWORD, { ip: "192.0.2.60", deviceCookie, now: at(t, 2) }))
        .ok,
    ).toBe(true);
  });
});

describe("sessions at sign-in", () => {
  it("signing in again ends the session the browser held, and the new one is another", async () => {
    const user = await db().user.findUniqueOrThrow({ where: { account: "rotate-a" } });
    const old = await createSession(user.id);
    const again = await signIn("rotate-a", TEST_PASSWORD, { previousToken: old.token });
    expect(again.ok).toBe(true);
    expect(await findSession(old.token)).toBeNull();
    expect(again.ok && (await findSession(again.token))).toMatchObject({ account: "rotate-a" });
  });
});
