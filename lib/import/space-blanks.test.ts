import { describe, expect, it } from "vitest";
import { allTables, type ReportContent } from "@/lib/report/content";
import { getFormat } from "@/lib/report/formats";
import { fullReport } from "@/lib/report/__fixtures__/full-report";
import { withCell } from "@/lib/report/__fixtures__/edit";
import { importText } from "./index";
import { fullReportWithBlanks } from "./__fixtures__/layouts/contents";
import { runOnArticle, spaceSeparatedRows } from "./__fixtures__/layouts/run-on";
import { wordRowPerLine } from "./__fixtures__/layouts/word-text";

/** Cells the import filled with a value the report does not hold there. */
function wrongCells(read: ReportContent, printed: ReportContent): string[] {
  return allTables(getFormat(printed.format)).flatMap((table) =>
    table.rows.flatMap((row) =>
      table.columns.flatMap((column) => {
        const got = read.tables[table.id][row.key][column.key];
        const want = printed.tables[table.id][row.key][column.key];
        return got !== null && String(got) !== String(want)
          ? [`${table.id}.${row.key}.${column.key}`]
          : [];
      }),
    ),
  );
}

describe.each([
  ["rows with cells apart by spaces", spaceSeparatedRows],
  ["the article on one line", (c: ReportContent) => runOnArticle(c)],
])("blank cells that leave no trace: %s", (_, layout) => {
  it.each(["2021", "2019"] as const)(
    "%s: a blank is placed only where the equations allow one reading; no cell is read wrong",
    (formatId) => {
      const printed = fullReportWithBlanks(formatId);
      const read = importText(layout(printed));
      expect(wrongCells(read.content, printed)).toEqual([]);
      // （一）予以公开's 自然人 is blank: its six figures are placed by the sums, with a warning that says so.
      const placed = read.findings.find(
        (f) => f.rule === "S3" && f.message.includes("“（一）予以公开”行只印有6个数"),
      );
      expect(placed?.severity).toBe("warning");
      expect(placed?.message).toContain("已读为空、");
      expect(read.content.tables.requests.r1).toEqual(printed.tables.requests.r1);
    },
  );
});

describe("a blank among figures that cannot tell where it stood", () => {
  it("a row of zeros with one blank stays blank, with an S5 error quoting the printed figures", () => {
    let printed = fullReport("2021");
    for (const column of Object.keys(printed.tables.requests.r3_1))
      printed = withCell(printed, `requests.r3_1.${column}`, 0);
    printed = withCell(printed, "requests.r3_1.research", null);
    const read = importText(spaceSeparatedRows(printed));
    expect(Object.values(read.content.tables.requests.r3_1)).toEqual(Array(7).fill(null));
    const s5 = read.findings.find(
      (f) => f.rule === "S5" && f.cells.includes("requests.r3_1.total"),
    );
    expect(s5?.severity).toBe("error");
    expect(s5?.message).toContain("“1.属于国家秘密”行只印有6个数（“0 0 0 0 0 0”），应为7个");
    expect(s5?.message).toContain("该行留空");
  });

  it("in a real grid (TABs) a missing cell is the report's own S5, read as printed, never re-placed", () => {
    const text = wordRowPerLine(fullReport("2021"))
      .split("\n")
      .map((line) => (line.startsWith("规章\t") ? line.replace(/\t[^\t]*$/, "") : line))
      .join("\n");
    const read = importText(text);
    const s5 = read.findings.find(
      (f) => f.rule === "S5" && f.cells.includes("20.1.rules.effective"),
    );
    expect(s5?.message).toContain("有2个单元格，应为3个");
    expect(read.content.tables["20.1"].rules).toEqual({ issued: 1, repealed: 0, effective: null });
    expect(read.findings.some((f) => f.message.includes("只印有"))).toBe(false);
  });
});
