import { describe, expect, it } from "vitest";
import { parseDateInput } from "./parse-date-input";

describe("parseDateInput", () => {
  it("reads the ways people type a date", () => {
    for (const text of [
      "2026年1月20日",
      "2026-01-20",
      "2026-1-20",
      "2026/1/20",
      "2026.1.20",
      "20260120",
      " ２０２６年１月２０日 ",
      "2026 年 1 月 20 日",
    ])
      expect(parseDateInput(text), text).toBe("2026-01-20");
  });

  it("refuses what is not a real date", () => {
    for (const text of ["", "2026-02-30", "2026年13月1日", "1月20日", "明天", "2026-01"])
      expect(parseDateInput(text), text).toBeNull();
  });
});
