import { execFile } from "node:child_process";
import { copyFileSync, mkdtempSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { fileURLToPath } from "node:url";
import { SAMPLE_FILES, SAMPLES_DIR } from "../../prisma/seed-data/samples-dir";
import { summarise, type Figure } from "./support/stats";

const REPORTS = 200;
const RUNS = 3;
const CLI = fileURLToPath(new URL("../../bin/nianbao.mjs", import.meta.url));

function runCli(args: string[]): Promise<number> {
  return new Promise((resolve, reject) => {
    const started = performance.now();
    execFile(process.execPath, [CLI, ...args], { maxBuffer: 64 * 1024 * 1024 }, (error) => {
      // Exit 1 means "some report has errors", which the samples do: the run itself succeeded.
      if (error && error.code !== 1) reject(error);
      else resolve(performance.now() - started);
    });
  });
}

/**
 * The batch table a district or an evaluator asks for: `nianbao validate <200 reports> --summary csv`,
 * the whole command from a cold start (the five published samples copied 40 times each, so every unit
 * has many reports and the cross-year pairing has work to do).
 */
export async function run(): Promise<Record<string, Figure>> {
  const dir = mkdtempSync(join(tmpdir(), "nianbao-batch-bench-"));
  try {
    for (let i = 0; i < REPORTS; i++) {
      const sample = SAMPLE_FILES[i % SAMPLE_FILES.length];
      copyFileSync(join(SAMPLES_DIR, sample), join(dir, `${String(i).padStart(3, "0")}-${sample}`));
    }
    const times: number[] = [];
    for (let r = 0; r < RUNS; r++)
      times.push(
        await runCli([
          "validate",
          join(dir, "*.txt"),
          "--summary",
          "csv",
          "--out",
          join(dir, "summary.csv"),
        ]),
      );
    const figure = summarise(times);
    return {
      validate_summary_200_reports: {
        ...figure,
        per_s: Math.round((REPORTS * 1000) / figure.median_ms),
        note: `命令行批量检查 ${REPORTS} 份报告并写出 CSV 汇总（含启动），每秒份数`,
      },
    };
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
}
