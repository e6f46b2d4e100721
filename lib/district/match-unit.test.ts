import { describe, expect, it } from "vitest";
import { matchUnit } from "./match-unit";

const units = [
  { id: "d", name: "哈尔滨市平房区人民政府", fullName: "哈尔滨市平房区人民政府" },
  { id: "y", name: "友协街道办事处", fullName: "哈尔滨市平房区友协街道办事处" },
  { id: "x", name: "新伟街道办事处", fullName: "哈尔滨市平房区新伟街道办事处" },
  { id: "t", name: "灯塔路街道办事处", fullName: "安阳市北关区灯塔路街道办事处" },
];

describe("matchUnit", () => {
  it("matches the full or short name, with or without 人民政府 and spaces", () => {
    expect(matchUnit(units, "哈尔滨市平房区友协街道办事处")?.id).toBe("y");
    expect(matchUnit(units, "新伟街道办事处")?.id).toBe("x");
    expect(matchUnit(units, "哈尔滨市 平房区")?.id).toBe("d");
  });

  it("matches a name between the short and the full one, and an unknown prefix before the short one", () => {
    expect(matchUnit(units, "北关区灯塔路街道办事处")?.id).toBe("t");
    expect(matchUnit(units, "某市某区友协街道办事处")?.id).toBe("y");
  });

  it("gives no unit for an unknown, empty or ambiguous name", () => {
    expect(matchUnit(units, "鹤岗市兴安区")).toBeNull();
    expect(matchUnit(units, null)).toBeNull();
    expect(matchUnit(units, "街道办事处")).toBeNull();
    expect(
      matchUnit(
        [...units, { id: "y2", name: "友协街道办事处", fullName: "其他市友协街道办事处" }],
        "友协街道办事处",
      ),
    ).toBeNull();
  });
});
