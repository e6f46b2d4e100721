import { describe, expect, it } from "vitest";
import {
  chinaDate,
  currentReportYear,
  draftYearsOffered,
  dueReportYear,
  publicationDeadline,
} from "./deadline";

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

describe("dueReportYear", () => {
  it("is the year just ended until its deadline, in China time, then the current year", () => {
    expect(dueReportYear(new Date("2026-11-29T05:00:00Z"))).toBe(2026);
    // New Year in Beijing (2027-01-01 00:30) changes nothing: 2026's report is due until 31 January.
    expect(dueReportYear(new Date("2026-12-31T16:30:00Z"))).toBe(2026);
    expect(dueReportYear(new Date("2027-01-20T04:00:00Z"))).toBe(2026);
    // 31 January 23:59 in Beijing is the last day; 1 February 00:00 in Beijing (31 January 16:00 UTC) is not.
    expect(dueReportYear(new Date("2027-01-31T15:59:59Z"))).toBe(2026);
    expect(dueReportYear(new Date("2027-01-31T16:00:00Z"))).toBe(2027);
  });

  it("waits until 31 March for a people's government's own report", () => {
    expect(dueReportYear(new Date("2027-02-15T04:00:00Z"), true)).toBe(2026);
    expect(dueReportYear(new Date("2027-03-31T15:59:59Z"), true)).toBe(2026);
    expect(dueReportYear(new Date("2027-03-31T16:00:00Z"), true)).toBe(2027);
  });
});

describe("draftYearsOffered", () => {
  it("offers the due year and missing past years back to 2019, newest first, never a future year", () => {
    expect(draftYearsOffered([2026, 2025, 2022], 2026)).toEqual([2024, 2023, 2021, 2020, 2019]);
    expect(draftYearsOffered([2025], 2026)).toEqual([2026, 2024, 2023, 2022, 2021, 2020, 2019]);
    expect(draftYearsOffered([2027, 2026], 2026)).not.toContain(2027);
    expect(draftYearsOffered([2019, 2020, 2021, 2022, 2023, 2024, 2025, 2026], 2026)).toEqual([]);
  });
});
