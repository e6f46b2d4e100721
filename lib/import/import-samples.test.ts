import { readFileSync } from "node:fs";
import { join } from "node:path";
import { describe, expect, it } from "vitest";
import { contentSchema } from "@/lib/report/content";
import { importText, toTablesJson } from "@/lib/import";
import { importFile } from "@/lib/import/import-file";
import { SAMPLES } from "./__fixtures__/expected";
import { SAMPLES_DIR } from "@/prisma/seed-data/samples-dir";

const read = (file: string) => readFileSync(join(SAMPLES_DIR, file), "utf8");

describe.each(SAMPLES)("$file", (sample) => {
  const result = importText(read(sample.file), { fileName: sample.file });

  it("reads unit, year and format", () => {
    expect(result.format).toBe(sample.format);
    expect(result.year).toBe(sample.year);
    expect(result.organization).toBe(sample.organization);
    expect(result.isPeoplesGovernment).toBe(sample.isPeoplesGovernment);
    expect(result.content.meta).toMatchObject({
      organization: sample.organization,
      year: sample.year,
    });
  });

  it("reads every table exactly as printed", () => {
    const tables = toTablesJson(result.content);
    expect(tables.active).toEqual(sample.tables.active);
    expect(tables.requests).toEqual(sample.tables.requests);
    expect(tables.appeals).toEqual(sample.tables.appeals);
    expect(result.cellsRead).toBe(sample.cellsRead);
  });

  it("reports the findings docs/format.md lists", () => {
    for (const expected of sample.findings) {
      const hit = result.findings.find(
        (f) =>
          f.rule === expected.rule &&
          f.severity === expected.severity &&
          f.message.includes(expected.about),
      );
      expect(
        hit,
        `${expected.rule} about ${expected.about}\n${result.findings.map((f) => `${f.rule} ${f.message}`).join("\n")}`,
      ).toBeDefined();
    }
  });

  it("reports no error the table does not list", () => {
    const allowed = sample.findings.filter((f) => f.severity === "error");
    const unexpected = result.findings.filter(
      (f) =>
        f.severity === "error" &&
        !allowed.some((a) => a.rule === f.rule && f.message.includes(a.about)),
    );
    expect(unexpected).toEqual([]);
  });

  it("produces content the schema accepts, with narratives for 一, 五 and 六", () => {
    expect(contentSchema(result.format).safeParse(result.content).success).toBe(true);
    expect(result.sections.s1.length).toBeGreaterThan(50);
    expect(result.sections.s5.length).toBeGreaterThan(50);
    expect(result.sections.s6.length).toBeGreaterThan(0);
    expect(result.content.narratives).toEqual(result.sections);
    expect(result.content.preface).toBe(result.preface);
  });
});

describe("sample details", () => {
  const byFile = (file: string) => importText(read(file), { fileName: file });

  it("xinwei (2019 format) passes every arithmetic rule and closes with its organ and date", () => {
    const r = byFile("2020-xinwei-street-office.txt");
    expect(r.findings.filter((f) => /^A\d$/.test(f.rule))).toEqual([]);
    expect(r.content.meta.issuedDate).toBe("2021-01-19");
    expect(r.content.meta.issuingOrgan).toBe("哈尔滨市平房区新伟街道办事处");
    expect(r.sections.s6).toBe("无。");
    expect(r.sections.s2).toContain("主动公开政务服务信息25大项");
  });

  it("hulan: preface, contacts and a page number left out of 六", () => {
    const r = byFile("2021-hulan-district.txt");
    expect(r.preface).toMatch(/^根据《中华人民共和国政府信息公开条例》/);
    expect(r.content.meta.portalUrl).toBe("http://www.hulan.gov.cn/");
    expect(r.content.meta.phone).toBe("0451-57321163");
    expect(r.content.meta.contactOffice).toBe("哈尔滨市呼兰区政府办公室");
    expect(r.sections.s6).toBe("2021年，呼兰区政府无收取政府信息公开信息处理费情况。");
    expect(r.content.meta.issuedDate).toBeNull();
    // The heading broken over two lines is one heading, not narrative.
    expect(r.sections.s4).toBe("");
  });

  it("dengtalu: the narrative's 127 = 12 + 12 + 51 + 12 + 23 + 17 is consistent (no X5)", () => {
    const r = byFile("2022-dengtalu-street-office.txt");
    expect(r.sections.s1).toContain("共计127条");
    expect(r.findings.filter((f) => f.rule === "X5")).toEqual([]);
  });

  it("xingan: a paragraph broken by a page break is joined again", () => {
    const r = byFile("2022-xingan-district.txt");
    expect(r.sections.s1).toContain("为提升主动公开工作实效");
    expect(r.sections.s5).toContain("影响了政府信息公开工作质量的提升");
  });

  it("youxie: 四 has its heading but no table; 六's fee statement is read as text", () => {
    const r = byFile("2022-youxie-street-office.txt");
    expect(r.findings.filter((f) => f.rule === "S1")).toEqual([]);
    expect(r.findings.filter((f) => f.rule === "S2")).toHaveLength(1);
    expect(r.findings.filter((f) => f.rule === "X3")).toEqual([]);
    expect(r.content.meta).toMatchObject({
      postcode: "150060",
      address: "哈尔滨市平房区新银街13号",
      phone: "0451-86523517",
    });
  });

  it("importFile reads a .txt by its extension", async () => {
    const r = await importFile(join(SAMPLES_DIR, "2021-hulan-district.txt"));
    expect(r.organization).toBe("哈尔滨市呼兰区");
    expect(r.cellsRead).toBe(200);
  });
});
