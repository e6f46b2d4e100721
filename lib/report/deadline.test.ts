import { describe, expect, it } from "vitest";
import { chinaDate, currentReportYear, publicationDeadline } from "./deadline";

describe("publicationDeadline", () => {
  it("is 31 January of the next year, 31 March for a people's government", () => {
    expect(publicationDeadline(2025, false)).toBe("2026-01-31");
    expect(publicationDeadline(2025, true)).toBe("2026-03-31");
  });
});

describe("currentReportYear", () => {
  it("turns with the New Year in China, not on the server's clock", () => {
    // 2027-01-01 00:30 in Beijing is still 2026-12-31 16:30 UTC.
    const newYearInBeijing = new Date("2026-12-31T16:30:00Z");
    expect(chinaDate(newYearInBeijing)).toBe("2027-01-01");
    expect(currentReportYear(newYearInBeijing)).toBe(2026);
    expect(currentReportYear(new Date("2026-12-31T15:59:59Z"))).toBe(2025);
  });
});
