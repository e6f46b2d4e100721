import { readFileSync } from "node:fs";
import { describe, expect, it } from "vitest";
import { importDocx, importText, toTablesJson } from "@/lib/import";
import { readDocx } from "./read-docx";
import { toGrid } from "./grid";
import { buildDocx } from "./__fixtures__/build-docx";
import { HULAN_TABLES } from "./__fixtures__/expected";
import { HULAN_DOCUMENT } from "./__fixtures__/hulan-document";
import path from "node:path";
import { SAMPLES_DIR } from "@/prisma/seed-data/samples-dir";

const hulanText = importText(
  readFileSync(path.join(SAMPLES_DIR, "2021-hulan-district.txt"), "utf8"),
);

describe("DOCX with Word-style merged cells", () => {
  it("reads tables as tables: gridSpan and vMerge become spans, not flattened text", async () => {
    const blocks = await readDocx(await buildDocx("2021", HULAN_DOCUMENT, HULAN_TABLES));
    const tables = blocks.filter((b) => b.type === "table");
    expect(tables).toHaveLength(6);
    const requests = tables[4];
    if (requests.type !== "table") throw new Error();
    // 法人或其他组织 spans the five legal-person columns; 三、本年度办理结果 spans its 22 rows ((一) to (七)).
    expect(requests.rows.flat().find((c) => c.text === "法人或其他组织")?.colSpan).toBe(5);
    expect(requests.rows.flat().find((c) => c.text === "三、本年度办理结果")?.rowSpan).toBe(22);
    expect(requests.rows.flat().find((c) => c.text === "（三）不予公开")?.rowSpan).toBe(8);
    expect(requests.rows.flat().find((c) => c.text === "（六）其他处理")?.rowSpan).toBe(3);
    const appeals = tables[5];
    if (appeals.type !== "table") throw new Error();
    expect(appeals.rows[0].map((c) => [c.text, c.colSpan])).toEqual([
      ["行政复议", 5],
      ["行政诉讼", 10],
    ]);
    expect(toGrid(appeals).every((row) => row.length === 15)).toBe(true);
  });

  it("imports to the same tables as the text sample", async () => {
    const result = await importDocx(await buildDocx("2021", HULAN_DOCUMENT, HULAN_TABLES));
    expect(toTablesJson(result.content)).toEqual(HULAN_TABLES);
    expect(toTablesJson(result.content)).toEqual(toTablesJson(hulanText.content));
    expect(result.cellsRead).toBe(hulanText.cellsRead);
    expect(result).toMatchObject({
      format: "2021",
      year: 2021,
      organization: "哈尔滨市呼兰区",
      isPeoplesGovernment: true,
    });
  });

  it("reports the same table findings as the text sample, and nothing structural with official headings", async () => {
    const result = await importDocx(await buildDocx("2021", HULAN_DOCUMENT, HULAN_TABLES));
    expect(result.findings.filter((f) => f.severity === "error")).toEqual([]);
    // The fixture's own defects: 5 decimals (V2), no fee statement (X3), no closing date (V5), and no
    // issuing organ, so the district's name stands in for it (V6).
    expect(result.findings.map((f) => f.rule).sort()).toEqual(["V2", "V5", "V6", "X3"]);
    expect(result.sections.s6).toBe("2021年，呼兰区政府无收取政府信息公开信息处理费情况。");
    expect(result.sections.s1).toContain("3956条");
  });

  it("keeps an empty Word cell as a blank (null), never 0, without any structural finding", async () => {
    const data = structuredClone(HULAN_TABLES);
    data.requests[0][3] = null;
    const result = await importDocx(await buildDocx("2021", HULAN_DOCUMENT, data));
    expect(result.content.tables.requests.new.nonprofit).toBeNull();
    expect(result.findings.filter((f) => f.rule === "S5")).toEqual([]);
    expect(result.cellsRead).toBe(199);
  });

  it("flags a Word row with a cell too few (S5) and leaves the unread cell blank", async () => {
    const docx = await buildDocx("2021", HULAN_DOCUMENT, HULAN_TABLES, (tables) => {
      const requests = tables.get("requests")!;
      const row = requests.rows.find((r) => r[0].text.startsWith("二、上年结转"))!;
      row.pop();
    });
    const result = await importDocx(docx);
    const s5 = result.findings.filter((f) => f.rule === "S5");
    expect(s5).toHaveLength(1);
    expect(s5[0].message).toContain("“二、上年结转政府信息公开申请数量”行有6个单元格");
    expect(result.content.tables.requests.carried).toMatchObject({ natural: 0, total: null });
  });

  it("rejects a file that is not a DOCX with a clear error", async () => {
    await expect(importDocx(new TextEncoder().encode("not a zip"))).rejects.toThrow(/DOCX/);
  });
});
