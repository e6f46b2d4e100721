import { mkdtempSync, readFileSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import JSZip from "jszip";
import { afterEach, describe, expect, it, vi } from "vitest";
import { SAMPLES } from "../../lib/import/__fixtures__/expected";
import { withCell } from "../../lib/report/__fixtures__/edit";
import { fullReport, previousOf } from "../../lib/report/__fixtures__/full-report";
import { SAMPLES_DIR } from "@/prisma/seed-data/samples-dir";
import { nianbao } from "./run-in-process";

const dir = mkdtempSync(join(tmpdir(), "nianbao-batch-cli-"));

function file(name: string, content: unknown): string {
  const path = join(dir, name);
  writeFileSync(path, typeof content === "string" ? content : JSON.stringify(content));
  return path;
}

afterEach(() => vi.restoreAllMocks());

/** A unit's reports of 2021 and 2022 that continue into each other, and 2022 with a carry-over that does not. */
function twoYears() {
  const thisYear = fullReport("2021", 2022);
  const lastYear = previousOf(thisYear);
  return { thisYear, lastYear, broken: withCell(thisYear, "requests.carried.natural", 77) };
}

/** CSV as Excel gets it, split into fields (no field of these tests holds a comma or quote). */
function csvRows(text: string): string[][] {
  expect(text.startsWith("\uFEFF")).toBe(true);
  return text
    .slice(1)
    .trimEnd()
    .split("\r\n")
    .map((line) => line.split(","));
}

describe("nianbao validate on several years of one unit", { timeout: 30_000 }, () => {
  it("checks each report against the same unit's report of the year before, and says which one it used", async () => {
    const { lastYear, broken } = twoYears();
    const older = file("a-2021.json", lastYear);
    const newer = file("b-2022.json", broken);
    const text = await nianbao("validate", newer, older);
    expect(text.stdout).toContain(`${newer}：某市某区 2022年度报告（2021年格式），读入`);
    expect(text.stdout).toContain(`上年报告：${older}（用于跨年度检查 X1、X2、X8）`);
    // 2021 has no 2020 report in the batch: nothing is said about a previous one.
    expect(text.stdout.split(`${older}：`)[1]).not.toContain("上年报告");
    const json = JSON.parse((await nianbao("validate", newer, older, "--json")).stdout) as {
      file: string;
      previous: string | null;
      findings: { rule: string; message: string }[];
    }[];
    const [b, a] = json;
    expect(b.previous).toBe(older);
    expect(a.previous).toBeNull();
    expect(b.findings.filter((f) => f.rule === "X1")).toHaveLength(1);
    expect(a.findings.map((f) => f.rule)).not.toContain("X1");
  });

  it("finds no cross-year problem between two reports that continue into each other", async () => {
    const { thisYear, lastYear } = twoYears();
    const r = await nianbao(
      "validate",
      file("ok-2022.json", thisYear),
      file("ok-2021.json", lastYear),
      "--json",
    );
    const out = JSON.parse(r.stdout) as { previous: string | null; findings: { rule: string }[] }[];
    expect(out[0].previous).toContain("ok-2021.json");
    expect(
      out.flatMap((o) => o.findings.map((f) => f.rule)).filter((rule) => /^X[128]$/.test(rule)),
    ).toEqual([]);
    // This year's report is clean against last year's (the fixture's last year has findings of its own).
    expect(out[0].findings).toEqual([]);
  });

  it("pairs nothing across units, or years that are not consecutive", async () => {
    const { lastYear, broken } = twoYears();
    const otherUnit = { ...lastYear, meta: { ...lastYear.meta, organization: "另一个区" } };
    const gap = { ...lastYear, meta: { ...lastYear.meta, year: 2020 } };
    const r = await nianbao(
      "validate",
      file("c-2022.json", broken),
      file("c-other.json", otherUnit),
      file("c-2020.json", gap),
      "--json",
    );
    expect((JSON.parse(r.stdout) as { previous: string | null }[]).map((o) => o.previous)).toEqual([
      null,
      null,
      null,
    ]);
  });

  it("--previous still names last year's report for a single file", async () => {
    const { lastYear, broken } = twoYears();
    const previous = file("p-2021.json", lastYear);
    const r = await nianbao("validate", file("p-2022.json", broken), "--previous", previous);
    expect(r.stdout).toContain(`上年报告：${previous}`);
    expect(r.stdout).toContain("提醒 [X1]");
  });
});

describe("nianbao validate --summary", { timeout: 30_000 }, () => {
  it("csv: one line per report with file, kind, unit, year, format, cells read, errors, warnings and rule ids, BOM for Excel", async () => {
    const r = await nianbao("validate", `${SAMPLES_DIR}/*.txt`, "--summary", "csv");
    expect(r.code).toBe(1);
    const [header, ...rows] = csvRows(r.stdout);
    expect(header).toEqual([
      "文件",
      "文件类型",
      "单位",
      "年度",
      "格式",
      "读入单元格",
      "错误",
      "提醒",
      "规则",
      "上年报告",
      "说明",
    ]);
    expect(rows).toHaveLength(SAMPLES.length);
    for (const sample of SAMPLES) {
      const row = rows.find((r) => r[0] === `${SAMPLES_DIR}/${sample.file}`)!;
      expect(row.slice(1, 6)).toEqual([
        "TXT",
        sample.organization,
        String(sample.year),
        `${sample.format}年格式`,
        String(sample.cellsRead),
      ]);
      const rules = row[8].split(" ");
      for (const f of sample.findings) expect(rules).toContain(f.rule);
      expect(Number(row[6])).toBe(sample.findings.filter((f) => f.severity === "error").length);
    }
  });

  it("an unreadable file keeps its line with the reason, and the others are still read", async () => {
    const broken = file("broken.docx", "not a zip");
    const r = await nianbao(
      "validate",
      broken,
      `${SAMPLES_DIR}/2021-hulan-district.txt`,
      "--summary",
      "csv",
    );
    expect(r.code).toBe(2);
    const [, first, second] = csvRows(r.stdout);
    expect(first[0]).toBe(broken);
    expect(first[1]).toBe("DOCX");
    expect(first[10]).toContain("不是有效的DOCX文件");
    expect(second.slice(2, 6)).toEqual(["哈尔滨市呼兰区", "2021", "2021年格式", "200"]);
    // Even a single unreadable file gives its line: the summary is the output asked for.
    const alone = await nianbao("validate", broken, "--summary", "csv");
    expect(alone.code).toBe(2);
    expect(csvRows(alone.stdout)).toHaveLength(2);
  });

  it("names last year's report in its column", async () => {
    const { lastYear, broken } = twoYears();
    const older = file("s-2021.json", lastYear);
    const r = await nianbao("validate", file("s-2022.json", broken), older, "--summary", "csv");
    const [, newer, old] = csvRows(r.stdout);
    expect(newer[9]).toBe(older);
    expect(newer[8]).toContain("X1");
    expect(newer[1]).toBe("JSON");
    expect(old[9]).toBe("");
  });

  it("html: a self-contained page with one table row per report, written to --out", async () => {
    const out = join(dir, "summary.html");
    const broken = file("bad<name>.docx", "not a zip");
    const r = await nianbao(
      "validate",
      `${SAMPLES_DIR}/*.txt`,
      broken,
      "--summary",
      "html",
      "--out",
      out,
    );
    expect(r.stdout).toBe("");
    expect(r.stderr).toContain(`已写入 ${out}（6 份文件）`);
    const html = readFileSync(out, "utf8");
    expect(html).toMatch(/^<!DOCTYPE html>/);
    expect(html).not.toMatch(/<script|<link|src=/);
    expect(html.match(/<tr[ >]/g)).toHaveLength(1 + 6);
    expect(html).toContain("<td>哈尔滨市呼兰区</td>");
    expect(html).toContain("bad&lt;name&gt;.docx");
    expect(html).toContain("共 6 份文件：读取 5 份，有错误的 3 份，无法读取 1 份。");
  });

  it("refuses a summary kind it does not know, --out without --summary and --json with --summary", async () => {
    const one = `${SAMPLES_DIR}/2021-hulan-district.txt`;
    expect((await nianbao("validate", one, "--summary", "xlsx")).stderr).toContain(
      "--summary 只能是 csv 或 html",
    );
    expect((await nianbao("validate", one, "--out", join(dir, "x.csv"))).stderr).toContain(
      "--out 只能与 --summary 一起使用",
    );
    expect((await nianbao("validate", one, "--summary", "csv", "--json")).code).toBe(2);
  });

  it("reads the reports inside a ZIP, each on its own line, and gives a nested archive its line with the reason", async () => {
    const inner = new JSZip();
    inner.file("a.txt", "a");
    const zip = new JSZip();
    zip.file(
      "报告/2021-hulan-district.txt",
      readFileSync(join(SAMPLES_DIR, "2021-hulan-district.txt")),
    );
    zip.file(
      "报告/2022-xingan-district.txt",
      readFileSync(join(SAMPLES_DIR, "2022-xingan-district.txt")),
    );
    zip.file("报告/旧.zip", await inner.generateAsync({ type: "uint8array" }));
    const archive = join(dir, "辖区.zip");
    writeFileSync(archive, await zip.generateAsync({ type: "uint8array", compression: "DEFLATE" }));
    const r = await nianbao("validate", archive, "--summary", "csv");
    expect(r.code).toBe(2);
    const [, ...rows] = csvRows(r.stdout);
    expect(rows.map((row) => [row[0], row[1], row[2], row[5]])).toEqual([
      [`${archive}/报告/2021-hulan-district.txt`, "TXT", "哈尔滨市呼兰区", "200"],
      [`${archive}/报告/2022-xingan-district.txt`, "TXT", "鹤岗市兴安区", "198"],
      [`${archive}/报告/旧.zip`, "ZIP", "", ""],
    ]);
    expect(rows[2][10]).toContain("压缩包中不能再套压缩包");
    const notZip = file("假.zip", "not a zip");
    expect(
      csvRows((await nianbao("validate", notZip, "--summary", "csv")).stdout)[1][10],
    ).toContain("不是有效的ZIP压缩包");
  });
});
