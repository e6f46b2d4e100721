import { describe, expect, it } from "vitest";
import { formatDateTime } from "./format-date";

describe("formatDateTime", () => {
  it("writes the date the one Chinese way, in China time, with a 24-hour time", () => {
    expect(formatDateTime(new Date("2026-01-19T16:05:00Z"))).toBe("2026年1月20日 00:05");
    expect(formatDateTime(new Date("2026-11-29T06:54:00Z"))).toBe("2026年11月29日 14:54");
  });
});
