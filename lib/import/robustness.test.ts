import { readdirSync, readFileSync } from "node:fs";
import { join } from "node:path";
import fc from "fast-check";
import { describe, expect, it, vi } from "vitest";
import { importHtml, importText, toTablesJson } from "@/lib/import";
import type { ImportResult } from "@/lib/import";
import { SAMPLES_DIR } from "@/prisma/seed-data/samples-dir";

const DIR = SAMPLES_DIR;
const SAMPLES = readdirSync(DIR)
  .filter((f) => f.endsWith(".txt"))
  .map((f) => ({ file: f, text: readFileSync(join(DIR, f), "utf8") }));
// A hang fails through this timeout; generous, because a loaded CI machine is slow, not wrong.
vi.setConfig({ testTimeout: 120_000 });
// Seeded, so a failure reproduces; override with FC_SEED to explore.
const seed = Number(process.env.FC_SEED ?? 20240117);

/** Import and check the result is well-formed; never throws for any text (the time is the bench's to measure). */
function importChecked(text: string): ImportResult {
  const result = importText(text);
  expect(["2021", "2019"]).toContain(result.format);
  expect(result.cellsRead).toBeGreaterThanOrEqual(0);
  for (const f of result.findings) {
    expect(f.message.length).toBeGreaterThan(0);
    expect(["error", "warning"]).toContain(f.severity);
  }
  const tables = toTablesJson(result.content);
  expect(tables.appeals).toHaveLength(15);
  return result;
}

describe.each(SAMPLES)("robustness on $file", ({ text }) => {
  const lines = text.split("\n");

  it("random truncations never throw and stay fast", () => {
    fc.assert(
      fc.property(fc.nat({ max: text.length }), (cut) => {
        importChecked(text.slice(0, cut));
      }),
      { seed, numRuns: 60 },
    );
  });

  it("random shufflings and drops of lines never throw and stay fast", () => {
    fc.assert(
      fc.property(fc.shuffledSubarray(lines, { minLength: 0 }), (picked) => {
        importChecked(picked.join("\n"));
      }),
      { seed, numRuns: 60 },
    );
  });

  it("random edits inside lines (cut, duplicate, swap tabs and text) never throw", () => {
    const edit = fc.record({
      at: fc.nat({ max: lines.length - 1 }),
      kind: fc.constantFrom("cut", "dup", "tab", "join", "junk"),
      n: fc.nat({ max: 40 }),
    });
    fc.assert(
      fc.property(fc.array(edit, { maxLength: 30 }), (edits) => {
        const out = [...lines];
        for (const e of edits) {
          const i = Math.min(e.at, out.length - 1);
          if (i < 0) break;
          if (e.kind === "cut") out[i] = out[i].slice(0, e.n);
          else if (e.kind === "dup") out.splice(i, 0, out[i]);
          else if (e.kind === "tab")
            out[i] = `\t${out[i].replace(/\t/g, "")}\t${"\t".repeat(e.n % 5)}`;
          else if (e.kind === "join" && i + 1 < out.length) out.splice(i, 2, out[i] + out[i + 1]);
          else if (e.kind === "junk")
            out[i] = `${out[i]}[bookmark: _x]${"（一）".repeat(e.n % 3)}${e.n}`;
        }
        importChecked(out.join("\n"));
      }),
      { seed, numRuns: 60 },
    );
  });
});

describe("robustness on arbitrary input", () => {
  it("any string is imported without throwing", () => {
    const alphabet = fc.constantFrom(
      "\t",
      "\n",
      " ",
      "一、",
      "（七）总计",
      "0",
      "12",
      "行政复议",
      "第二十条第（一）项",
      "信息内容",
      "报告",
      "2022年",
      "[bookmark: a]",
      "—",
      "。",
    );
    fc.assert(
      fc.property(
        fc.array(alphabet, { maxLength: 400 }).map((parts) => parts.join("")),
        (text) => {
          importChecked(text);
        },
      ),
      { seed, numRuns: 200 },
    );
    fc.assert(
      fc.property(
        fc.string({ maxLength: 2000, unit: "binary" }),
        (text) => void importChecked(text),
      ),
      { seed, numRuns: 100 },
    );
  });

  it("any markup is imported as HTML without throwing", () => {
    const tag = fc.constantFrom(
      "<table>",
      "</table>",
      "<tr>",
      "<td rowspan=3>",
      "<td colspan=99999>",
      "</td>",
      "<p>",
      "<br>",
      "四、政府信息公开行政复议、行政诉讼情况",
      "1",
      "<script>",
      "&nbsp;",
      "<td rowspan=0>",
    );
    fc.assert(
      fc.property(
        fc.array(tag, { maxLength: 300 }).map((parts) => parts.join("")),
        (html) => {
          importHtml(html);
        },
      ),
      { seed, numRuns: 150 },
    );
  });
});
