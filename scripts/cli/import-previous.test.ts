import { mkdtempSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { describe, expect, it } from "vitest";
import { runTogetherRows } from "../../lib/import/__fixtures__/layouts/run-together";
import { wordRowPerLine } from "../../lib/import/__fixtures__/layouts/word-text";
import { fullReport, previousOf } from "../../lib/report/__fixtures__/full-report";
import { nianbao } from "./run-in-process";

const dir = mkdtempSync(join(tmpdir(), "nianbao-import-previous-"));

// 规章's figures printed as `1012`: 1、0、12 or 10、1、2 … only last year's 现行有效件数 (X2) tells.
const report = fullReport("2021");
const current = join(dir, "2022-某区.txt");
writeFileSync(current, runTogetherRows(report));
const lastYearJson = join(dir, "2021-某区.json");
writeFileSync(lastYearJson, JSON.stringify(previousOf(report)));

interface JsonReport {
  file: string;
  tables: { active: Record<string, (number | string | null)[][]> };
  findings: { rule: string; message: string }[];
}

const rulesRow = (stdout: string, file: string) =>
  (JSON.parse(stdout) as JsonReport[]).find((r) => r.file === file)!.tables.active["20.1"][0];

describe("the CLI reads a published report knowing last year's", { timeout: 120_000 }, () => {
  it("validate --previous: last year's 现行有效件数 settles the cut of figures that ran together", async () => {
    const alone = await nianbao("validate", current, "--json");
    expect(rulesRow(alone.stdout, current)).toEqual([null, null, null]);
    const withLastYear = await nianbao("validate", current, "--previous", lastYearJson, "--json");
    expect(rulesRow(withLastYear.stdout, current)).toEqual([1, 0, 12]);
  });

  it("validate on both years: the batch's report of the year before is used the same way", async () => {
    const lastYearText = join(dir, "2021-某区.txt");
    writeFileSync(lastYearText, wordRowPerLine(previousOf(report)));
    const r = await nianbao("validate", current, lastYearText, "--json");
    expect(rulesRow(r.stdout, current)).toEqual([1, 0, 12]);
  });

  it("export --previous reads the figures with last year's report, and says how they were cut", async () => {
    const out = join(dir, "out.html");
    const alone = await nianbao("export", current, "-o", out);
    expect(alone.stdout + alone.stderr).not.toContain("已按勾稽关系拆分为1、0、12");
    const r = await nianbao("export", current, "-o", out, "--previous", lastYearJson);
    expect(r.stdout + r.stderr).toContain("“规章”行单元格数字连在一起，已按勾稽关系拆分为1、0、12");
  });
});
