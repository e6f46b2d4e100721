import { describe, expect, it } from "vitest";
import { draftOffers } from "./draft-offers";

const NOV_2026 = new Date("2026-11-29T05:00:00Z");

describe("draftOffers", () => {
  it("offers the due year and missing past years with their format, never the next year", () => {
    const offers = draftOffers(
      [
        { year: 2025, status: "PUBLISHED" },
        { year: 2022, status: "PUBLISHED" },
      ],
      false,
      NOV_2026,
    );
    expect(offers.map((o) => o.year)).toEqual([2026, 2024, 2023, 2021, 2020, 2019]);
    expect(offers.find((o) => o.year === 2026)?.formatLabel).toBe("2021 年版格式");
    expect(offers.find((o) => o.year === 2020)?.formatLabel).toBe("2019 年版格式");
    expect(
      draftOffers([{ year: 2026, status: "DRAFT" }], false, NOV_2026).map((o) => o.year),
    ).not.toContain(2027);
  });

  it("names last year's report as the base only once it is approved or published", () => {
    const base = (status: "DRAFT" | "SUBMITTED" | "RETURNED" | "APPROVED" | "PUBLISHED") =>
      draftOffers([{ year: 2025, status }], false, NOV_2026).find((o) => o.year === 2026)?.base;
    expect(base("APPROVED")).toEqual({ year: 2025, status: "APPROVED" });
    expect(base("PUBLISHED")).toEqual({ year: 2025, status: "PUBLISHED" });
    for (const status of ["DRAFT", "SUBMITTED", "RETURNED"] as const)
      expect(base(status)).toBeNull();
    expect(draftOffers([], false, NOV_2026).find((o) => o.year === 2026)?.base).toBeNull();
  });
});
