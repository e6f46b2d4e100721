import { mkdtempSync, readFileSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { afterEach, describe, expect, it, vi } from "vitest";
import { importDocx, importHtml, toTablesJson } from "../../lib/import";
import { fullReport } from "../../lib/report/fixtures/full-report";
import { nianbao } from "./run-in-process";
import { SAMPLES_DIR } from "@/prisma/seed-data/samples-dir";

const dir = mkdtempSync(join(tmpdir(), "nianbao-cli-export-"));
const SAMPLES = SAMPLES_DIR;

afterEach(() => vi.restoreAllMocks());

describe("nianbao export", () => {
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
    expect(html).toContain("<h1><span>哈尔滨市呼兰区2021年</span>");
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

  it("refuses what it cannot do, with exit code 2", async () => {
    expect((await nianbao("export", json, "--format", "pdf", "-o", join(dir, "x.pdf"))).stderr).toContain("不支持的导出格式“pdf”");
    expect((await nianbao("export", json, "--format", "docx")).stderr).toContain("请用 -o 指定输出文件");
    expect((await nianbao("export", json, "-o", join(dir, "x.txt"))).code).toBe(2);
    expect((await nianbao("export", json, "--format", "html", "-o", json)).stderr).toContain("输出文件不能与输入文件相同");
    expect((await nianbao("export", join(dir, "missing.json"), "--format", "html")).code).toBe(2);
    expect((await nianbao("export")).code).toBe(2);
  });
});
