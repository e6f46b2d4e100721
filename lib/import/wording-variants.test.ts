import { describe, expect, it } from "vitest";
import { allTables } from "@/lib/report/content";
import { fullReport } from "@/lib/report/__fixtures__/full-report";
import { getFormat } from "@/lib/report/formats";
import type { FormatId } from "@/lib/report/spec-types";
import { importText, toTablesJson } from "@/lib/import";
import { wordRowPerLine } from "./__fixtures__/layouts/word-text";
import { spaceSeparatedRows } from "./__fixtures__/layouts/run-on";
import { labelIndex, matchLabel } from "./label-index";
import { matchHeading } from "./structure";
import { labelKey } from "./text-utils";

/**
 * Variants generated from the official wording, not from any one report: each character dropped,
 * each replaced, punctuation swapped, brackets made half-width. A variant must be read as its own
 * row or section, or not at all — never as a different one.
 */
function characterVariants(label: string): string[] {
  const out = new Set<string>();
  const chars = [...label];
  chars.forEach((_, i) => {
    out.add([...chars.slice(0, i), ...chars.slice(i + 1)].join(""));
    out.add([...chars.slice(0, i), "某", ...chars.slice(i + 1)].join(""));
  });
  out.add(label.replace(/（/g, "(").replace(/）/g, ")"));
  out.add(label.replace(/、/g, ".").replace(/^(\d)\./, "$1、"));
  out.add(label.replace(/“|”/g, '"'));
  out.add(label.replace(/其他/g, "其它"));
  out.delete(label);
  return [...out].filter((v) => labelKey(v).length > 0);
}

describe.each<FormatId>(["2021", "2019"])("row labels of the %s format", (formatId) => {
  const index = labelIndex(formatId);
  const rows = allTables(getFormat(formatId)).flatMap((table) =>
    table.rows.filter((r) => r.label).map((row) => ({ table, row })),
  );

  it("every variant is read as its own row or not at all, never as another row", () => {
    const wrong: string[] = [];
    let matched = 0;
    let total = 0;
    for (const { table, row } of rows) {
      for (const variant of characterVariants(row.label)) {
        total++;
        const m = matchLabel(index, variant, ["row"], table);
        if (!m) continue;
        if (m.entry.row === row && m.entry.table === table) matched++;
        else wrong.push(`${variant} → ${m.entry.label}（应为${row.label}）`);
      }
    }
    expect(wrong).toEqual([]);
    // Most variants of labels of some length are still recognised.
    expect(matched / total).toBeGreaterThan(0.6);
  });

  it("every variant of a label of six characters or more is recognised", () => {
    const missed: string[] = [];
    for (const { table, row } of rows) {
      if (labelKey(row.label).length < 6) continue;
      for (const variant of characterVariants(row.label)) {
        const m = matchLabel(index, variant, ["row"], table);
        if (m?.entry.row !== row) missed.push(`${variant}（${row.label}）`);
      }
    }
    expect(missed).toEqual([]);
  });
});

describe("a row label with a typo in a whole report", () => {
  it.each([
    ["Word's text, a row per line", wordRowPerLine],
    ["cells apart by single spaces", spaceSeparatedRows],
  ])("%s: `2.其他法律行政止公开` is read as its row with an S3 quoting both", (_, layout) => {
    const content = fullReport("2021");
    const result = importText(
      layout(content).replace("2.其他法律行政法规禁止公开", "2.其他法律行政止公开"),
    );
    expect(toTablesJson(result.content)).toEqual(toTablesJson(content));
    const s3 = result.findings.find(
      (f) => f.rule === "S3" && f.message.includes("2.其他法律行政止公开"),
    );
    expect(s3?.message).toContain("“2.其他法律行政法规禁止公开”");
    expect(result.findings.filter((f) => f.severity === "error")).toEqual([]);
  });
});

const SECTIONS = getFormat("2021").sections;
const sectionOf = (text: string) => matchHeading(text, SECTIONS, -1)?.section.key ?? null;

describe("section headings", () => {
  /** How real reports number a level-1 heading. */
  const NUMBERINGS = (ordinal: string, n: number) => [
    `${ordinal}、`,
    `${ordinal}.`,
    `${ordinal}．`,
    `${n}.`,
    `${n}、`,
    `第${ordinal}部分 `,
    `第${ordinal}部分、`,
    `（${ordinal}）`,
    `(${ordinal})`,
    "",
  ];

  it("every numbering, with or without 关于…的, spaces or a colon, is its own section", () => {
    const wrong: string[] = [];
    SECTIONS.forEach((section, i) => {
      for (const number of NUMBERINGS(section.ordinal, i + 1)) {
        for (const title of [
          section.title,
          `关于${section.title}`,
          [...section.title].join(" "),
          `${section.title}：`,
          `${section.title}。`,
        ]) {
          const text = number + title;
          if (sectionOf(text) !== section.key) wrong.push(text);
        }
      }
    });
    expect(wrong).toEqual([]);
  });

  it("reworded titles real reports print are their section, under their own number", () => {
    expect(sectionOf("五、存在的主要问题及整改措施")).toBe("s5");
    expect(sectionOf("五、存在的主要问题和改进措施")).toBe("s5");
    expect(sectionOf("四、政府信息公开行政法复议、行政诉讼情况")).toBe("s4");
    expect(sectionOf("三、收到和处理政府信息公开申请情况 ")).toBe("s3");
    expect(sectionOf("二、主动公开政府信息的情况")).toBe("s2");
    expect(sectionOf("主动公开政府信息情况")).toBe("s2");
    expect(sectionOf("六、其他需要报告事项")).toBe("s6");
  });

  it("one-character variants of a numbered title are still its section, never another", () => {
    const wrong: string[] = [];
    const missed: string[] = [];
    SECTIONS.forEach((section) => {
      for (const variant of characterVariants(section.title)) {
        const got = sectionOf(`${section.ordinal}、${variant}`);
        if (got === null) missed.push(variant);
        else if (got !== section.key) wrong.push(`${variant} → ${got}`);
      }
    });
    expect(wrong).toEqual([]);
    expect(missed).toEqual([]);
  });

  it("sub-headings, sentences, another section's number and the other sections' titles are refused", () => {
    expect(sectionOf("（一）主动公开")).toBeNull();
    expect(sectionOf("1.依申请公开情况")).toBeNull();
    expect(sectionOf("二、依申请公开情况")).toBeNull();
    expect(sectionOf("四、政府信息公开平台建设")).toBeNull();
    expect(sectionOf("三、政府信息管理")).toBeNull();
    expect(sectionOf("五、监督保障")).toBeNull();
    expect(sectionOf("三、总体情况")).toBeNull();
    expect(sectionOf("五、其他需要报告的事项")).toBeNull();
    expect(
      sectionOf(
        "本报告由总体情况、主动公开政府信息情况、收到和处理政府信息公开申请情况共六个部分组成。",
      ),
    ).toBeNull();
  });

  it("in a whole report, variant headings give S3 and never S1; a heading sharing its line with text is read", () => {
    const content = fullReport("2021");
    const text = wordRowPerLine(content)
      .replace("五、存在的主要问题及改进情况", "五、存在的主要问题及整改措施")
      .replace("四、政府信息公开行政复议、行政诉讼情况", "四、政府信息公开行政法复议、行政诉讼情况")
      .replace("三、收到和处理政府信息公开申请情况", "三、收到和处理政府信息公开申请 情况")
      .replace("二、主动公开政府信息情况", "主动公开政府信息情况")
      .replace("六、其他需要报告的事项\n\n", "六、其他需要报告的事项。");
    const result = importText(text);
    expect(result.findings.filter((f) => f.rule === "S1")).toEqual([]);
    expect(result.findings.filter((f) => f.severity === "error")).toEqual([]);
    const headings = result.findings.filter((f) => f.rule === "S3" && f.message.includes("的标题"));
    expect(headings.map((f) => f.cells[0]).sort()).toEqual([
      "narrative.s2",
      "narrative.s4",
      "narrative.s5",
    ]);
    expect(toTablesJson(result.content)).toEqual(toTablesJson(content));
    expect(result.sections.s5).toBe(content.narratives.s5);
    expect(result.sections.s6).toBe(content.narratives.s6);
  });

  it("a sub-heading of 一 that reads like a later title does not take that section from the real heading", () => {
    const content = fullReport("2021");
    const text = wordRowPerLine(content).replace(
      "（一）主动公开。",
      "（二）主动公开政府信息情况\n\n（一）主动公开。",
    );
    const result = importText(text);
    expect(result.findings.filter((f) => f.severity === "error")).toEqual([]);
    expect(result.sections.s1).toContain("（二）主动公开政府信息情况");
    expect(toTablesJson(result.content)).toEqual(toTablesJson(content));
  });
});

describe("tables whose captions or headers differ", () => {
  const content = fullReport("2021");
  const text = wordRowPerLine(content);

  it.each([
    [
      "二's captions without brackets or with half-width ones",
      (t: string) =>
        t
          .replace("第二十条第（一）项", "第二十条第一项")
          .replace("第二十条第（五）项", "第二十条第(五)项"),
    ],
    [
      "三's header reworded and its corner note missing",
      (t: string) =>
        t.replace("申请人情况", "申请人类别").replace(/（本列数据的勾稽关系为：[^\t]*）/, ""),
    ],
    [
      "四's header reworded",
      (t: string) => t.replace("行政复议\t", "复议情况\t").replace("未经复议直接起诉", "直接起诉"),
    ],
    [
      "四's figures under a row label of their own",
      (t: string) => t.replace(/\n(1\t1\t0\t1\t3\t)/, "\n数量\t$1"),
    ],
  ])("%s: read in full, never S2", (_, edit) => {
    const edited = edit(text);
    expect(edited).not.toBe(text);
    const result = importText(edited);
    expect(result.findings.filter((f) => f.rule === "S2")).toEqual([]);
    expect(result.findings.filter((f) => f.severity === "error")).toEqual([]);
    expect(toTablesJson(result.content)).toEqual(toTablesJson(content));
  });
});
