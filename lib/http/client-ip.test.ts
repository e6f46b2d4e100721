import { describe, expect, it } from "vitest";
import { clientIp } from "./client-ip";

describe("clientIp", () => {
  it("prefers X-Real-IP, set by the proxy", () => {
    expect(
      clientIp(new Headers({ "x-real-ip": "203.0.113.5", "x-forwarded-for": "1.1.1.1, 10.0.0.1" })),
    ).toBe("203.0.113.5");
  });
  it("else the last X-Forwarded-For hop — the one our side appended, not the client's own claim", () => {
    expect(clientIp(new Headers({ "x-forwarded-for": "6.6.6.6, 198.51.100.7" }))).toBe(
      "198.51.100.7",
    );
    expect(clientIp(new Headers({ "x-forwarded-for": "::1" }))).toBe("::1");
  });
  it("null when nothing says", () => {
    expect(clientIp(new Headers())).toBeNull();
    expect(clientIp(new Headers({ "x-forwarded-for": " , " }))).toBeNull();
  });
});
