import { describe, expect, it } from "vitest";
import { chinaDate, daysLeft, deadlineState, reportDeadline } from "./deadline";

describe("reportDeadline", () => {
  it("is 31 January of the next year for units, 31 March for a people's government's own report", () => {
    expect(reportDeadline(2025, "STREET_OFFICE")).toBe("2026-01-31");
    expect(reportDeadline(2025, "DISTRICT_DEPARTMENT")).toBe("2026-01-31");
    expect(reportDeadline(2025, "TOWNSHIP")).toBe("2026-01-31");
    expect(reportDeadline(2025, "DISTRICT_GOVERNMENT")).toBe("2026-03-31");
  });
});

describe("days left, in China time", () => {
  it("counts calendar days in UTC+8 whatever the instant's UTC date", () => {
    // 2026-01-30 17:00 UTC is already 31 January in Beijing.
    expect(chinaDate(new Date("2026-01-30T17:00:00Z"))).toBe("2026-01-31");
    expect(chinaDate(new Date("2026-01-30T15:59:59Z"))).toBe("2026-01-30");
    expect(daysLeft("2026-01-31", new Date("2026-01-30T15:59:59Z"))).toBe(1);
    expect(daysLeft("2026-01-31", new Date("2026-01-30T16:00:00Z"))).toBe(0);
    expect(daysLeft("2026-01-31", new Date("2026-02-01T16:00:00Z"))).toBe(-2);
  });

  it("spans a year end and a leap day", () => {
    expect(daysLeft("2025-01-31", new Date("2024-12-31T04:00:00Z"))).toBe(31);
    expect(daysLeft("2024-03-31", new Date("2024-02-28T04:00:00Z"))).toBe(32);
  });
});

describe("deadlineState", () => {
  const now = new Date("2026-01-20T04:00:00Z");
  it("counts down for a report not yet published, urgent in the last two weeks", () => {
    expect(deadlineState({ status: "DRAFT", publishedOn: null }, "2026-03-31", now)).toEqual({
      daysLeft: 70,
      tone: "open",
      text: "还剩 70 天",
    });
    expect(deadlineState({ status: "APPROVED", publishedOn: null }, "2026-01-31", now)).toEqual({
      daysLeft: 11,
      tone: "urgent",
      text: "还剩 11 天",
    });
    expect(deadlineState({ status: null, publishedOn: null }, "2026-01-20", now)).toEqual({
      daysLeft: 0,
      tone: "urgent",
      text: "今天截止",
    });
    expect(deadlineState({ status: "SUBMITTED", publishedOn: null }, "2026-01-17", now)).toEqual({
      daysLeft: -3,
      tone: "overdue",
      text: "已逾期 3 天",
    });
  });

  it("stops counting once published: on time, late, or published with no date on record", () => {
    expect(
      deadlineState({ status: "PUBLISHED", publishedOn: "2026-01-31" }, "2026-01-31", now).text,
    ).toBe("按期发布");
    expect(
      deadlineState({ status: "PUBLISHED", publishedOn: "2026-02-01" }, "2026-01-31", now),
    ).toMatchObject({ tone: "late", text: "逾期发布" });
    expect(
      deadlineState(
        { status: "PUBLISHED", publishedOn: null },
        "2026-01-31",
        new Date("2027-05-01T00:00:00Z"),
      ),
    ).toEqual({ daysLeft: null, tone: "done", text: "已发布" });
  });
});
