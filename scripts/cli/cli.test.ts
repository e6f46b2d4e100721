import { execFile } from "node:child_process";
import { mkdtempSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { fileURLToPath } from "node:url";
import { afterEach, describe, expect, it, vi } from "vitest";
import { computeTotals } from "../../lib/report/compute-totals";
import { withCell } from "../../lib/report/__fixtures__/edit";
import { fullReport } from "../../lib/report/__fixtures__/full-report";
import { SAMPLE_REPORTS } from "../../lib/report/__fixtures__/sample-reports";
import { nianbao } from "./run-in-process";

const dir = mkdtempSync(join(tmpdir(), "nianbao-cli-"));

function file(name: string, content: unknown): string {
  const path = join(dir, name);
  writeFileSync(path, typeof content === "string" ? content : JSON.stringify(content));
  return path;
}

afterEach(() => vi.restoreAllMocks());

describe("nianbao validate", () => {
  it("prints findings in Chinese and exits 0 with warnings only", async () => {
    const r = await nianbao("validate", file("hulan.json", SAMPLE_REPORTS.hulan));
    expect(r.code).toBe(0);
    expect(r.stdout).toContain("哈尔滨市呼兰区 2021年度报告（2021年格式）");
    expect(r.stdout).toContain("提醒 [V2]");
    // V2 (5 decimals), X3 (no fee notices stated), V5 (no 成文日期 printed).
    expect(r.stdout).toContain("共 3 项：错误 0 项，提醒 3 项。");
    expect((await nianbao("validate", file("full.json", fullReport()))).stdout).toContain(
      "未发现问题。",
    );
  });

  it("exits 1 on an error finding, and gives the findings as JSON with --json", async () => {
    const r = await nianbao(
      "validate",
      file("broken.json", computeTotals(withCell(fullReport(), "requests.new.natural", 0))),
      "--json",
    );
    expect(r.code).toBe(1);
    // 自然人 and 总计 no longer balance (and 一 now contradicts the narrative's figure: X5).
    expect(JSON.parse(r.stdout)[0].findings.map((f: { rule: string }) => f.rule)).toEqual([
      "A1",
      "A1",
      "X5",
    ]);
  });

  it("compares with last year's report (--previous) and gates blanks (--complete)", async () => {
    const report = withCell(fullReport(), "20.1.rules.issued", null);
    const previous = withCell(fullReport("2021", 2021), "requests.carryover.natural", 99);
    const args = [
      "validate",
      file("r.json", report),
      "--previous",
      file("p.json", previous),
      "--json",
    ];
    expect(
      JSON.parse((await nianbao(...args)).stdout)[0].findings.map((f: { rule: string }) => f.rule),
    ).not.toContain("V1");
    const gated = await nianbao(...args, "--complete");
    expect(gated.code).toBe(1);
    expect(JSON.parse(gated.stdout)[0].findings.map((f: { rule: string }) => f.rule)).toEqual(
      expect.arrayContaining(["V1", "X1"]),
    );
  });

  it("exits 2 with a Chinese message on bad JSON, a wrong shape, a missing file or bad usage", async () => {
    const bad = await nianbao("validate", file("bad.json", "{ format: 2021"));
    expect(bad).toMatchObject({ code: 2, stdout: "" });
    expect(bad.stderr).toContain("bad.json 不是有效的 JSON");
    const shape = await nianbao("validate", file("shape.json", { ...fullReport(), preface: 3 }));
    expect(shape.code).toBe(2);
    expect(shape.stderr).toContain("shape.json 不符合报告内容的结构");
    expect(shape.stderr).toMatch(/preface：.*期望 string/);
    expect((await nianbao("validate", join(dir, "missing.json"))).stderr).toContain("文件不存在");
    expect((await nianbao("validate", file("r.odt", ""))).stderr).toContain("不支持的文件类型");
    expect((await nianbao("validate")).code).toBe(2);
    expect((await nianbao("validate", "x.json", "--bogus")).stderr).toContain(
      "没有 --bogus 这个选项",
    );
    expect((await nianbao("frobnicate")).stderr).toContain("未知的命令“frobnicate”");
  });
});

describe("nianbao help and schema", () => {
  it("lists the verbs", async () => {
    const help = await nianbao("help");
    expect(help.code).toBe(0);
    for (const verb of ["help", "schema", "validate"]) expect(help.stdout).toContain(`  ${verb}`);
    expect(help.stdout).not.toContain("load-report");
  });

  it("prints a format, or refuses an unknown one", async () => {
    expect((await nianbao("schema", "--format", "2019")).stdout).toContain("第二十条第（九）项");
    expect((await nianbao("schema", "--format", "2018")).code).toBe(2);
    expect(JSON.parse((await nianbao("schema", "--json")).stdout).id).toBe("2021");
  });
});

describe("bin/nianbao.mjs", { timeout: 120_000 }, () => {
  it("runs the CLI from any directory and passes its exit code on", async () => {
    const bin = fileURLToPath(new URL("../../bin/nianbao.mjs", import.meta.url));
    const run = (...args: string[]) =>
      new Promise<{ code: number; stdout: string }>((resolve) =>
        execFile(process.execPath, [bin, ...args], { cwd: tmpdir() }, (error, stdout) =>
          resolve({ code: error ? Number(error.code) : 0, stdout }),
        ),
      );
    const [ok, failing] = await Promise.all([
      run("validate", file("ok.json", SAMPLE_REPORTS.xinwei)),
      run("validate", file("youxie.json", SAMPLE_REPORTS.youxie)),
    ]);
    expect(ok).toMatchObject({ code: 0 });
    expect(ok.stdout).toContain("未发现问题。");
    expect(failing.code).toBe(1);
    expect(failing.stdout).toContain("错误 [S2]");
  });
});
