import {
  existsSync,
  mkdtempSync,
  readFileSync,
  realpathSync,
  rmSync,
  writeFileSync,
} from "node:fs";
import { tmpdir } from "node:os";
import { dirname, join } from "node:path";
import { afterAll, describe, expect, it } from "vitest";
import { sofficeConvert, sofficePath } from "@/lib/export/__fixtures__/soffice";
import { renderXlsx } from "@/lib/export/xlsx";
import { SAMPLE_REPORTS } from "@/lib/report/__fixtures__/sample-reports";
import { rollupReports } from "@/lib/report/rollup";
import { rollupSheets } from "./rollup-workbook";

const dir = mkdtempSync(join(tmpdir(), "nianbao-rollup-xlsx-"));
afterAll(() => rmSync(dir, { recursive: true, force: true }));

const sum = rollupReports("2021", [SAMPLE_REPORTS.hulan, SAMPLE_REPORTS.xingan], {
  organization: "某区（汇总）",
  year: 2022,
});
const sheets = rollupSheets({
  title: "某区2022年度汇总",
  content: sum.content,
  findings: [{ rule: "A1", severity: "error", message: "示例问题", cells: [] }],
  included: [
    { name: "哈尔滨市呼兰区", status: "APPROVED" },
    { name: "鹤岗市兴安区", status: "PUBLISHED" },
  ],
  unreadable: [],
});

describe("rollupSheets", () => {
  it("has a sheet for each of 二, 三 and 四 in the printed shape, then the notes", () => {
    expect(sheets.map((s) => s.name)).toEqual([
      "二、主动公开政府信息情况",
      "三、收到和处理政府信息公开申请情况",
      "四、政府信息公开行政复议、行政诉讼情况",
      "汇总说明",
    ]);
    const requests = sheets[1];
    const text = (r: number, c: number) => {
      const v = requests.rows[r]?.[c];
      return v !== null && typeof v === "object" ? v.value : v;
    };
    // 申请人情况 spans the seven value columns; 三、本年度办理结果 the 22 outcome rows.
    const header = requests.rows.findIndex((row) =>
      row.some((_, c) => text(requests.rows.indexOf(row), c) === "申请人情况"),
    );
    expect(requests.merges).toContainEqual({ row: header, col: 3, rowSpan: 1, colSpan: 7 });
    const results = requests.rows.findIndex((_, r) => text(r, 0) === "三、本年度办理结果");
    expect(requests.merges).toContainEqual({ row: results, col: 0, rowSpan: 22, colSpan: 1 });
    const newRow = requests.rows.findIndex(
      (_, r) => text(r, 0) === "一、本年新收政府信息公开申请数量",
    );
    expect(requests.rows[newRow].slice(3).map((_, c) => text(newRow, c + 3))).toEqual([
      "13",
      "0",
      "0",
      "0",
      "0",
      "0",
      "13",
    ]);
    expect(
      sheets[3].rows.flat().map((v) => (v !== null && typeof v === "object" ? v.value : v)),
    ).toEqual(
      expect.arrayContaining([
        "哈尔滨市呼兰区",
        "已通过",
        "鹤岗市兴安区",
        "已发布",
        "A1",
        "示例问题",
      ]),
    );
  });
});

function sofficeHasCalc(): boolean {
  const soffice = sofficePath();
  return Boolean(soffice && existsSync(join(dirname(realpathSync(soffice)), "libsclo.so")));
}

// Timeouts that only catch a hang: on a busy 2-core machine one start-up of LibreOffice can take minutes.
describe.skipIf(!sofficeHasCalc())(
  "LibreOffice Calc opens the roll-up workbook",
  { timeout: 600_000 },
  () => {
    it("with the summed figures as numbers and the merged headers of every sheet", async () => {
      const input = join(dir, "rollup.xlsx");
      writeFileSync(input, await renderXlsx(sheets));
      const { output: csv } = await sofficeConvert(
        input,
        "csv:Text - txt - csv (StarCalc):44,34,76",
        dir,
        { timeoutMs: 280_000 },
      );
      const first = readFileSync(csv, "utf8");
      expect(first).toContain("第二十条第（一）项");
      expect(first).toContain("行政规范性文件,34,8,82"); // 32 + 2, 8 + 0, 80 + 2
      expect(first).toContain("行政许可,38077"); // 37438 + 639
      expect(first).toContain("2387.47225");
      const { output: html } = await sofficeConvert(input, "html:HTML (StarCalc)", dir, {
        timeoutMs: 280_000,
      });
      const page = readFileSync(html, "utf8");
      expect(page).toMatch(/colspan=7[^>]*>(?:<[^>]+>)*申请人情况/);
      expect(page).toMatch(/rowspan=22[^>]*>(?:<[^>]+>)*三、本年度办理结果/);
      expect(page).toMatch(/colspan=10[^>]*>(?:<[^>]+>)*行政诉讼/);
    });
  },
);
