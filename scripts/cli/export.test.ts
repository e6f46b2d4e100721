import { mkdtempSync, readFileSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { afterEach, describe, expect, it, vi } from "vitest";
import { importDocx, importHtml, toTablesJson } from "../../lib/import";
import { fullReport } from "../../lib/report/__fixtures__/full-report";
import { nianbao } from "./run-in-process";
import { SAMPLES_DIR } from "@/prisma/seed-data/samples-dir";

const dir = mkdtempSync(join(tmpdir(), "nianbao-cli-export-"));
const SAMPLES = SAMPLES_DIR;

afterEach(() => vi.restoreAllMocks());

describe("nianbao export", { timeout: 30_000 }, () => {
  const report = fullReport("2021");
  const json = join(dir, "report.json");
  writeFileSync(json, JSON.stringify(report));

  it("exports JSON content to a DOCX that imports back to the same tables", async () => {
    const out = join(dir, "report.docx");
    const r = await nianbao("export", json, "--format", "docx", "-o", out);
    expect(r.code).toBe(0);
    expect(r.stderr).toContain("已导出 某市某区 2022年度报告（DOCX）");
    const imported = await importDocx(new Uint8Array(readFileSync(out)));
    expect(toTablesJson(imported.content)).toEqual(toTablesJson(report));
  });

  it("re-issues a published report (.txt through the importer) as HTML, taking the format from -o", async () => {
    const out = join(dir, "hulan.html");
    const r = await nianbao("export", join(SAMPLES, "2021-hulan-district.txt"), "-o", out);
    expect(r.code).toBe(0);
    const html = readFileSync(out, "utf8");
    expect(html).toContain(
      "<span>哈尔滨市呼兰区2021年</span><br><span>政府信息公开工作年度报告</span></h1>",
    );
    expect(toTablesJson(importHtml(html).content).active["20.8"]).toEqual([["2387.47225"]]);
  });

  it("chains: DOCX in, HTML on standard output", async () => {
    const docx = join(dir, "chain.docx");
    await nianbao("export", json, "-f", "docx", "-o", docx);
    const r = await nianbao("export", docx, "--format", "html");
    expect(r.code).toBe(0);
    expect(r.stdout.startsWith("<!DOCTYPE html>")).toBe(true);
    expect(toTablesJson(importHtml(r.stdout).content)).toEqual(toTablesJson(report));
  });

  it("prints the findings `nianbao validate` prints for the file, the importer's own included", async () => {
    const sample = join(SAMPLES, "2022-youxie-street-office.txt");
    const validated = await nianbao("validate", sample);
    const exported = await nianbao(
      "export",
      sample,
      "--format",
      "html",
      "-o",
      join(dir, "youxie.html"),
    );
    expect(exported.code).toBe(0);
    const findingLines = (text: string) =>
      text.split("\n").filter((l) => /^(错误|提醒) \[/.test(l));
    expect(findingLines(validated.stdout).length).toBeGreaterThan(0);
    expect(findingLines(exported.stderr)).toEqual(findingLines(validated.stdout));
    // The importer's own finding (S3: headings without their numbers) is among them.
    expect(findingLines(exported.stderr).some((l) => l.includes("[S3]"))).toBe(true);
    expect(exported.stderr).toContain("共 ");
  });

  it("lists the cells it prints blank because the report has no figure for them", async () => {
    const blank = structuredClone(report);
    for (const key of Object.keys(blank.tables.appeals.row)) blank.tables.appeals.row[key] = null;
    const input = join(dir, "blank.json");
    writeFileSync(input, JSON.stringify(blank));
    const r = await nianbao("export", input, "--format", "html", "-o", join(dir, "blank.html"));
    expect(r.stderr).toContain("发布稿中留空的单元格（报告没有这些数字）12 个：");
    expect(r.stderr).toContain("第四部分“行政复议 结果维持”未填写，发布稿中该格留空");
  });

  it("--fragment writes only the article for a portal editor: no <html>, no page rules", async () => {
    const r = await nianbao("export", json, "--format", "html", "--fragment");
    expect(r.code).toBe(0);
    expect(r.stdout).toMatch(/^<style>/);
    expect(r.stdout).toContain(`<article class="nianbao-report">`);
    expect(r.stdout).not.toMatch(/<html|<body|@page/);
    expect(r.stderr).toContain("（HTML 正文片段）");
    expect(
      (await nianbao("export", json, "--format", "docx", "--fragment", "-o", join(dir, "f.docx")))
        .stderr,
    ).toContain("--fragment 只用于 HTML");
  });

  it("refuses what it cannot do, with exit code 2", async () => {
    expect(
      (await nianbao("export", json, "--format", "pdf", "-o", join(dir, "x.pdf"))).stderr,
    ).toContain("不支持的导出格式“pdf”");
    expect((await nianbao("export", json, "--format", "docx")).stderr).toContain(
      "请用 -o 指定输出文件",
    );
    expect((await nianbao("export", json, "-o", join(dir, "x.txt"))).code).toBe(2);
    expect((await nianbao("export", json, "--format", "html", "-o", json)).stderr).toContain(
      "输出文件不能与输入文件相同",
    );
    expect((await nianbao("export", join(dir, "missing.json"), "--format", "html")).code).toBe(2);
    expect((await nianbao("export")).code).toBe(2);
  });
});
