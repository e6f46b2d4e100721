import { describe, expect, it } from "vitest";
import { plainAddress } from "./format-address";

describe("plainAddress", () => {
  it("shows an IPv4-mapped address as IPv4 and leaves others as they are", () => {
    expect(plainAddress("::ffff:127.0.0.1")).toBe("127.0.0.1");
    expect(plainAddress("::FFFF:10.1.2.3")).toBe("10.1.2.3");
    expect(plainAddress("2001:db8::1")).toBe("2001:db8::1");
    expect(plainAddress("::ffff:7f00:1")).toBe("::ffff:7f00:1");
    expect(plainAddress(null)).toBeNull();
  });
});
