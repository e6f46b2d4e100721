import { mkdtempSync, readFileSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { describe, expect, it } from "vitest";
import { importText } from "../../lib/import";
import { SAMPLES_DIR } from "../../prisma/seed-data/samples-dir";
import { nianbao } from "./run-in-process";

/**
 * A report written elsewhere, whose words contradict its own tables: hulan's published text with its
 * 依申请公开 figure changed (13 → 31) and a 予以公开 figure added that its table does not hold (4 → 9).
 * The CLI's `validate` and the import preview (the importer's findings) both name the defects.
 */
const published = readFileSync(join(SAMPLES_DIR, "2021-hulan-district.txt"), "utf8");
const STATED = "一年来全区依申请公开政府信息共有13条，";
const altered = published.replace(
  STATED,
  "一年来全区依申请公开政府信息共有31条，其中予以公开9件，",
);

const MESSAGES = [
  "中“依申请公开政府信息共有31条”与第三部分“收到和处理政府信息公开申请情况”的表格不一致",
  "中“予以公开9件”与表格不一致：文字为9，第三部分“收到和处理政府信息公开申请情况”的“（一）予以公开”为4",
];

describe("X5 in a report written elsewhere", () => {
  it("is found by `nianbao validate` on the published text", async () => {
    expect(published).toContain(STATED);
    const dir = mkdtempSync(join(tmpdir(), "nianbao-x5-"));
    const file = join(dir, "hulan.txt");
    writeFileSync(file, altered);
    const r = await nianbao("validate", file);
    expect(r.code).toBe(0);
    const x5 = r.stdout.split("\n").filter((line) => line.startsWith("提醒 [X5]"));
    expect(x5).toHaveLength(2);
    for (const message of MESSAGES) expect(x5.some((line) => line.includes(message))).toBe(true);

    writeFileSync(file, published);
    expect((await nianbao("validate", file)).stdout).not.toContain("[X5]");
  });

  it("is among the import preview's findings", () => {
    const x5 = importText(altered, { fileName: "hulan.txt" }).findings.filter(
      (f) => f.rule === "X5",
    );
    expect(x5.map((f) => f.message.slice(f.message.indexOf("中“")))).toEqual(
      MESSAGES.map((m) => expect.stringContaining(m)),
    );
  });
});
