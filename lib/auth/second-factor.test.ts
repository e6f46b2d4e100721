import { Secret, TOTP } from "otpauth";
import { describe, expect, it } from "vitest";
import { hashRecoveryCode, looksLikeRecoveryCode } from "./recovery-codes";
import { acceptedTotpStep, newTotpSecret, openTotpSecret, sealTotpSecret, totpUri } from "./totp";

const at = Date.UTC(2031, 0, 1, 8, 0, 0);
const codeAt = (secret: string, timestamp: number) =>
  new TOTP({
    secret: Secret.fromBase32(secret),
    period: 30,
    digits: 6,
    algorithm: "SHA1",
  }).generate({ timestamp });

describe("TOTP", () => {
  const secret = newTotpSecret();
  it("accepts the current code and one step either side, with the step it belongs to", () => {
    const step = Math.floor(at / 30_000);
    expect(acceptedTotpStep(secret, codeAt(secret, at), null, at)).toBe(step);
    expect(acceptedTotpStep(secret, codeAt(secret, at - 30_000), null, at)).toBe(step - 1);
    expect(acceptedTotpStep(secret, codeAt(secret, at + 30_000), null, at)).toBe(step + 1);
    expect(acceptedTotpStep(secret, codeAt(secret, at - 90_000), null, at)).toBeNull();
    // Spaces as an app groups them are fine; anything that is not 6 digits is not a code.
    expect(acceptedTotpStep(secret, codeAt(secret, at).replace(/^(\d{3})/, "$1 "), null, at)).toBe(
      step,
    );
    expect(acceptedTotpStep(secret, "12345", null, at)).toBeNull();
    expect(acceptedTotpStep(secret, "abcdef", null, at)).toBeNull();
  });
  it("never accepts a step again, nor an earlier one", () => {
    const step = Math.floor(at / 30_000);
    expect(acceptedTotpStep(secret, codeAt(secret, at), step, at)).toBeNull();
    expect(acceptedTotpStep(secret, codeAt(secret, at - 30_000), step, at)).toBeNull();
    expect(acceptedTotpStep(secret, codeAt(secret, at + 30_000), step, at)).toBe(step + 1);
  });
  it("keeps the secret encrypted, readable only with the key", () => {
    const sealed = sealTotpSecret(secret);
    expect(sealed).not.toContain(secret);
    expect(openTotpSecret(sealed)).toBe(secret);
    expect(sealTotpSecret(secret)).not.toBe(sealed); // a fresh IV each time
    // Flip one bit of the decoded tag: editing the last base64 character may touch only its padding bits.
    const [version, iv, body, tag] = sealed.split(".");
    const flipped = Buffer.from(tag, "base64url");
    flipped[0] ^= 1;
    const tampered = [version, iv, body, flipped.toString("base64url")].join(".");
    expect(openTotpSecret(tampered)).toBeNull();
    expect(openTotpSecret("v1.garbage")).toBeNull();
  });
  it("gives an otpauth URI that names the app and the account", () => {
    const uri = totpUri(secret, "pingfang-reviewer");
    expect(uri).toMatch(/^otpauth:\/\/totp\//);
    expect(uri).toContain(`secret=${secret}`);
    expect(decodeURIComponent(uri)).toContain("年报:pingfang-reviewer");
  });
});

describe("recovery codes", () => {
  it("are hashed with a key, ignoring case, dashes and spaces", () => {
    const code = "ab2c-def3-gh4j-km5n-pq6r-st7u";
    expect(hashRecoveryCode(code)).toBe(hashRecoveryCode(" AB2C DEF3 GH4J KM5N PQ6R ST7U "));
    expect(hashRecoveryCode(code)).not.toBe(hashRecoveryCode(code.replace(/u$/, "v")));
    expect(hashRecoveryCode(code)).toMatch(/^[0-9a-f]{64}$/);
    expect(looksLikeRecoveryCode(code)).toBe(true);
    expect(looksLikeRecoveryCode("123456")).toBe(false);
  });
});
