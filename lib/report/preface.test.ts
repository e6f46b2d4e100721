import { describe, expect, it } from "vitest";
import { formatIdForYear } from "./formats";
import { standardPreface } from "./preface";

const meta = {
  organization: "哈尔滨市平房区新伟街道办事处",
  portalUrl: "",
  contactOffice: "",
  address: "",
  postcode: "",
  phone: "",
};

describe("standardPreface", () => {
  it("cites the 2019 notice for a 2020 report and the 2021 notice for a 2022 report", () => {
    const p2020 = standardPreface(formatIdForYear(2020), { ...meta, year: 2020 });
    expect(p2020).toContain("国办公开办函〔2019〕60号");
    expect(p2020).not.toContain("〔2021〕30号");
    expect(p2020).toContain("统计期限自2020年1月1日起至2020年12月31日止");
    const p2022 = standardPreface(formatIdForYear(2022), { ...meta, year: 2022 });
    expect(p2022).toContain(
      "《国务院办公厅政府信息与政务公开办公室关于印发〈中华人民共和国政府信息公开工作年度报告格式〉的通知》（国办公开办函〔2021〕30号）",
    );
  });

  it("names the contact office, address, postcode and phone when given, else the unit", () => {
    expect(standardPreface("2021", { ...meta, year: 2025 })).toContain(
      "请联系哈尔滨市平房区新伟街道办事处。",
    );
    const full = standardPreface("2021", {
      ...meta,
      year: 2025,
      contactOffice: "党政办",
      address: "新伟路1号",
      postcode: "150060",
      phone: "0451-1234567",
      portalUrl: "http://www.hrbpf.gov.cn",
    });
    expect(full).toContain("请联系党政办，地址：新伟路1号，邮编：150060，联系电话：0451-1234567。");
    expect(full).toContain("电子版可在http://www.hrbpf.gov.cn查阅");
  });
});

describe("formatIdForYear", () => {
  it("reads the formats' year ranges", () => {
    expect(formatIdForYear(2019)).toBe("2019");
    expect(formatIdForYear(2020)).toBe("2019");
    expect(formatIdForYear(2021)).toBe("2021");
    expect(formatIdForYear(2030)).toBe("2021");
    expect(formatIdForYear(2010)).toBe("2019");
  });
});
