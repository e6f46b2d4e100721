import { readFileSync } from "node:fs";
import { join } from "node:path";
import { describe, expect, it } from "vitest";
import { importText } from "@/lib/import";
import { allTables } from "@/lib/report/content";
import { getFormat } from "@/lib/report/formats";
import { computeTotals } from "@/lib/report/compute-totals";
import { fullReportWithBlanks } from "./__fixtures__/layouts/contents";
import { PDF_FIXTURE_DIR } from "./__fixtures__/pdf/manifest";

describe("column-aligned text: a row with fewer figures than its table's columns", () => {
  it.each(["blanks-2021", "blanks-2021-unruled"])(
    "%s (pdftotext -layout of our DOCX export): no figure of 四 is shifted past a blank whose column the layout does not show",
    (name) => {
      const text = readFileSync(join(PDF_FIXTURE_DIR, `${name}.txt`), "utf8");
      const held = computeTotals(fullReportWithBlanks("2021"));
      const result = importText(text);
      const named = new Set(result.findings.flatMap((f) => f.cells));
      const wrong: string[] = [];
      const silent: string[] = [];
      for (const table of allTables(getFormat("2021")).filter((t) => t.id === "appeals")) {
        for (const row of table.rows) {
          for (const column of table.columns) {
            const id = `${table.id}.${row.key}.${column.key}`;
            const got = result.content.tables[table.id][row.key][column.key];
            const want = held.tables[table.id][row.key][column.key];
            if (got !== null && String(got) !== String(want)) wrong.push(id);
            if (got === null && want !== null && !named.has(id)) silent.push(id);
          }
        }
      }
      expect(wrong).toEqual([]);
      expect(silent).toEqual([]);
      // 四 prints fourteen figures for fifteen cells (结果维持 of 行政复议 is blank): left blank with S5.
      const s5 = result.findings.find(
        (f) => f.rule === "S5" && f.cells.includes("appeals.row.rc_corrected"),
      );
      expect(s5?.severity).toBe("error");
    },
  );
});
