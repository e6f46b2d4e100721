import { describe, expect, it } from "vitest";
import {
  DEVICE_TOKEN_MAX_AGE_MS,
  DEVICE_TOKENS_KEPT,
  issueDeviceToken,
  knownDevice,
  withDeviceToken,
} from "./device-token";

const ALICE = "11111111-1111-4111-8111-111111111111";
const BOB = "22222222-2222-4222-8222-222222222222";
const now = new Date("2031-03-01T08:00:00Z");

describe("device tokens", () => {
  it("know the browser for the account they were issued for, and only for it", () => {
    const token = issueDeviceToken(ALICE, now);
    expect(knownDevice(token, ALICE, now)).toMatch(/^[\w-]{16}$/);
    expect(knownDevice(token, BOB, now)).toBeNull();
    expect(knownDevice(undefined, ALICE, now)).toBeNull();
  });
  it("refuse a token whose signature, user or date was changed, and an expired one", () => {
    const token = issueDeviceToken(ALICE, now);
    const [, device, issued, signature] = token.split(".");
    expect(knownDevice(`${BOB}.${device}.${issued}.${signature}`, BOB, now)).toBeNull();
    expect(
      knownDevice(
        `${ALICE}.${device}.${(now.getTime() + 1).toString(36)}.${signature}`,
        ALICE,
        now,
      ),
    ).toBeNull();
    expect(
      knownDevice(
        token.replace(/.$/, (c) => (c === "A" ? "B" : "A")),
        ALICE,
        now,
      ),
    ).toBeNull();
    expect(
      knownDevice(token, ALICE, new Date(now.getTime() + DEVICE_TOKEN_MAX_AGE_MS + 1000)),
    ).toBeNull();
    expect(knownDevice("garbage,,..", ALICE, now)).toBeNull();
  });
  it("keep a few accounts in one cookie (a shared office PC), the newest first", () => {
    let cookie = withDeviceToken(undefined, ALICE, now);
    cookie = withDeviceToken(cookie, BOB, now);
    expect(knownDevice(cookie, ALICE, now)).not.toBeNull();
    expect(knownDevice(cookie, BOB, now)).not.toBeNull();
    expect(cookie.split(",")[0].startsWith(BOB)).toBe(true);
    // Signing in again replaces the account's own token rather than adding one.
    expect(withDeviceToken(cookie, ALICE, now).split(",")).toHaveLength(2);
    for (let i = 0; i < 10; i++)
      cookie = withDeviceToken(cookie, `3333333${i}-3333-4333-8333-333333333333`, now);
    expect(cookie.split(",")).toHaveLength(DEVICE_TOKENS_KEPT);
  });
});
