import { describe, expect, it } from "vitest";
import type { ReportStatus } from "@/lib/db/generated/enums";
import { historyTimeline } from "./history-timeline";
import type { HistoryYear } from "./org-history";

const year = (y: number, status: ReportStatus): HistoryYear => ({
  year: y,
  reportId: `r${y}`,
  status,
  formatVersion: "2021",
  figures: {},
});

describe("historyTimeline", () => {
  it("fills the years between the first and the last report, and marks missing and unapproved years", () => {
    const timeline = historyTimeline([
      year(2021, "PUBLISHED"),
      year(2023, "APPROVED"),
      year(2024, "SUBMITTED"),
      year(2025, "DRAFT"),
    ]);
    expect(timeline.map((t) => [t.year, t.mark])).toEqual([
      [2021, null],
      [2022, "missing"],
      [2023, null],
      [2024, "draft"],
      [2025, "draft"],
    ]);
    expect(timeline[1].report).toBeNull();
    expect(timeline[2].report?.reportId).toBe("r2023");
  });

  it("is empty without reports; a returned report is not final either", () => {
    expect(historyTimeline([])).toEqual([]);
    expect(historyTimeline([year(2022, "RETURNED")])[0].mark).toBe("draft");
  });
});
