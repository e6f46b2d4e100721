import { describe, expect, it } from "vitest";
import { previousInBatch, unitKey } from "./previous-in-batch";

describe("previousInBatch", () => {
  it("pairs each report with the same unit's report of the year before, in any order", () => {
    expect(
      previousInBatch([
        { organization: "某区", year: 2023 },
        { organization: "某区", year: 2021 },
        { organization: "某区", year: 2022 },
        { organization: "他区", year: 2022 },
      ]),
    ).toEqual([2, null, 1, null]);
  });

  it("ignores spacing and a trailing 人民政府; skips a gap year, an unknown unit or year; takes the first of two", () => {
    expect(unitKey(" 哈尔滨市 呼兰区人民政府 ")).toBe("哈尔滨市呼兰区");
    expect(
      previousInBatch([
        { organization: "哈尔滨市呼兰区人民政府", year: 2022 },
        { organization: "哈尔滨市呼兰区", year: 2021 },
        { organization: "哈尔滨市呼兰区", year: 2021 },
        { organization: null, year: 2021 },
        { organization: "某区", year: 2020 },
        { organization: "某区", year: 2018 },
        { organization: "某区", year: null },
      ]),
    ).toEqual([1, null, null, null, null, null, null]);
  });
});
