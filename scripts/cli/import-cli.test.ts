import { mkdirSync, mkdtempSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { afterEach, describe, expect, it, vi } from "vitest";
import { buildDocx } from "../../lib/import/__fixtures__/build-docx";
import { buildHtml } from "../../lib/import/__fixtures__/build-html";
import { HULAN_TABLES, SAMPLES } from "../../lib/import/__fixtures__/expected";
import { HULAN_DOCUMENT } from "../../lib/import/__fixtures__/hulan-document";
import { expandGlobs, segmentRegExp } from "./expand-globs";
import { nianbao } from "./run-in-process";
import { SAMPLES_DIR } from "@/prisma/seed-data/samples-dir";

const dir = mkdtempSync(join(tmpdir(), "nianbao-import-cli-"));

afterEach(() => vi.restoreAllMocks());

interface JsonReport {
  file: string;
  format: string;
  year: number | null;
  organization: string | null;
  tables: typeof HULAN_TABLES;
  findings: { rule: string; severity: string; message: string }[];
}

describe("nianbao validate on published reports", () => {
  it("expands a glob to the five text samples and prints unit, year, format, cells read and findings per file", async () => {
    const r = await nianbao("validate", `${SAMPLES_DIR}/*.txt`);
    expect(r.code).toBe(1);
    for (const s of SAMPLES) {
      const year = `${s.year}年度报告（${s.format}年格式），读入${s.cellsRead}个单元格`;
      expect(r.stdout).toContain(`${SAMPLES_DIR}/${s.file}：${s.organization} ${year}`);
    }
    expect(r.stdout).toContain("错误 [S5]");
    expect(r.stdout).toContain("共 5 份报告：有错误的 3 份。");
  });

  it("--json gives file, format, year, organization, tables and findings for each report", async () => {
    const r = await nianbao(
      "validate",
      `${SAMPLES_DIR}/2021-*.txt`,
      `${SAMPLES_DIR}/2022-youxie-street-office.txt`,
      "--json",
    );
    const out = JSON.parse(r.stdout) as JsonReport[];
    expect(out.map((o) => [o.file.split("/").pop(), o.format, o.year, o.organization])).toEqual([
      ["2021-hulan-district.txt", "2021", 2021, "哈尔滨市呼兰区"],
      ["2022-youxie-street-office.txt", "2021", 2022, "哈尔滨市平房区友协街道办事处"],
    ]);
    expect(out[0].tables).toEqual(HULAN_TABLES);
    expect(out[0].findings.map((f) => f.rule)).toEqual(expect.arrayContaining(["V2", "X3"]));
    // The importer's S2 for the missing table of 四, not a second one from validate().
    expect(out[1].findings.filter((f) => f.rule === "S2")).toHaveLength(1);
    expect(r.code).toBe(1);
  });

  it("reads .docx and .html (and .htm) files by their extension", async () => {
    const docx = join(dir, "hulan.docx");
    writeFileSync(docx, await buildDocx("2021", HULAN_DOCUMENT, HULAN_TABLES));
    writeFileSync(join(dir, "hulan.html"), buildHtml("2021", HULAN_DOCUMENT, HULAN_TABLES));
    writeFileSync(join(dir, "hulan.htm"), buildHtml("2021", HULAN_DOCUMENT, HULAN_TABLES));
    const r = await nianbao("validate", join(dir, "hulan.{docx,html,htm}"), "--json");
    expect(r.code).toBe(0);
    const out = JSON.parse(r.stdout) as JsonReport[];
    expect(out.map((o) => o.file.split("/").pop())).toEqual([
      "hulan.docx",
      "hulan.htm",
      "hulan.html",
    ]);
    for (const o of out) {
      expect(o.tables).toEqual(HULAN_TABLES);
      // The fixture's own defects: 5 decimals (V2), no fee statement (X3), no closing date (V5), no issuing organ (V6).
      expect(o.findings.map((f) => f.rule).sort()).toEqual(["V2", "V5", "V6", "X3"]);
    }
  });

  it("a broken DOCX, an unmatched glob or a missing file: a Chinese message and exit 2", async () => {
    const broken = join(dir, "broken.docx");
    writeFileSync(broken, "not a zip");
    const one = await nianbao("validate", broken);
    expect(one).toMatchObject({ code: 2, stdout: "" });
    expect(one.stderr).toContain("broken.docx：不是有效的DOCX文件");
    const none = await nianbao("validate", join(dir, "*.nothing"));
    expect(none.code).toBe(2);
    expect(none.stderr).toContain("没有与");
    // Several files: the readable ones are still reported, the run ends with 2.
    const mixed = await nianbao("validate", broken, `${SAMPLES_DIR}/2020-xinwei-street-office.txt`);
    expect(mixed.code).toBe(2);
    expect(mixed.stdout).toContain("哈尔滨市平房区新伟街道办事处 2020年度报告（2019年格式）");
    expect(mixed.stderr).toContain("不是有效的DOCX文件");
    expect((await nianbao("validate", join(dir, "missing.txt"))).stderr).toContain("文件不存在");
  });
});

describe("expandGlobs", () => {
  it("matches *, ?, [..], {a,b} and ** and keeps plain paths as given", () => {
    const root = mkdtempSync(join(tmpdir(), "nianbao-glob-"));
    mkdirSync(join(root, "a/b"), { recursive: true });
    for (const f of ["r1.txt", "r2.txt", "r3.docx", "a/x.html", "a/b/y.txt", "a/b/.hidden.txt"])
      writeFileSync(join(root, f), "");
    const names = (p: string) =>
      expandGlobs([join(root, p)]).files.map((f) => f.slice(root.length + 1));
    expect(names("*.txt")).toEqual(["r1.txt", "r2.txt"]);
    expect(names("r?.{txt,docx}")).toEqual(["r1.txt", "r2.txt", "r3.docx"]);
    expect(names("r[13].*")).toEqual(["r1.txt", "r3.docx"]);
    expect(names("**/*.txt")).toEqual(["a/b/y.txt", "r1.txt", "r2.txt"]);
    expect(names("a/**")).toEqual(["a/b/y.txt", "a/x.html"]);
    expect(expandGlobs(["plain.json", join(root, "*.none")])).toEqual({
      files: ["plain.json"],
      unmatched: [join(root, "*.none")],
    });
    expect(segmentRegExp("年报(2022).txt").test("年报(2022).txt")).toBe(true);
  });
});
