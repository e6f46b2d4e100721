import { XMLValidator } from "fast-xml-parser";
import { beforeAll, describe, expect, it } from "vitest";
import { computeTotals } from "@/lib/report/compute-totals";
import { fullReport } from "@/lib/report/__fixtures__/full-report";
import { getFormat } from "@/lib/report/formats";
import { tableLayout } from "@/lib/report/layout";
import type { FormatId } from "@/lib/report/spec-types";
import { FONTS, FOOTER_DISTANCE, mmToTwips, renderDocx, TABLE_STYLES, TEXT_WIDTH } from "./docx";
import { HOSTILE_TEXT, hostileReport } from "./fixtures";
import {
  bodyChildren,
  cellAt,
  docxParts,
  firstElementAttrs,
  mergedCells,
  readParagraphs,
  readXmlTables,
  type MergedCell,
} from "./__fixtures__/docx-tables";

async function render(formatId: FormatId = "2021") {
  const report = fullReport(formatId);
  const parts = await docxParts(new Uint8Array(await renderDocx(report)));
  const document = parts["word/document.xml"];
  return {
    report,
    parts,
    document,
    tables: readXmlTables(document),
    paragraphs: readParagraphs(document),
  };
}

let r2021: Awaited<ReturnType<typeof render>>;
let r2019: Awaited<ReturnType<typeof render>>;
beforeAll(async () => {
  [r2021, r2019] = await Promise.all([render("2021"), render("2019")]);
});

describe("page setup (GB/T 9704-2012)", () => {
  it("converts millimetres to twips", () => {
    // 1 mm = 1440 / 25.4 twips: 37 → 2097.6, 35 → 1984.3, 28 → 1587.4, 26 → 1474.0.
    expect([37, 35, 28, 26].map(mmToTwips)).toEqual([2098, 1984, 1587, 1474]);
  });

  it("is A4 with margins 37 / 35 / 28 / 26 mm and a 156 mm text block", () => {
    expect(firstElementAttrs(r2021.document, "w:pgSz")).toMatchObject({ w: "11906", h: "16838" });
    expect(firstElementAttrs(r2021.document, "w:pgMar")).toMatchObject({
      top: "2098",
      bottom: "1984",
      left: "1587",
      right: "1474",
    });
    expect(TEXT_WIDTH).toBe(11906 - 1587 - 1474);
    expect(Math.round((TEXT_WIDTH / 1440) * 25.4)).toBe(156);
  });

  it("sets East Asian fonts in the default run style: 3号 仿宋_GB2312, zh-CN", () => {
    const styles = r2021.parts["word/styles.xml"];
    const defaults = styles.slice(
      styles.indexOf("<w:docDefaults>"),
      styles.indexOf("</w:docDefaults>"),
    );
    expect(firstElementAttrs(defaults, "w:rFonts")).toMatchObject({
      ascii: FONTS.body,
      eastAsia: FONTS.body,
      hAnsi: FONTS.body,
    });
    expect(firstElementAttrs(defaults, "w:sz")).toMatchObject({ val: "32" });
    expect(firstElementAttrs(defaults, "w:lang")).toMatchObject({ eastAsia: "zh-CN" });
  });

  it("prints `— N —` in 4号 宋体, right on odd pages and left on even ones", async () => {
    const { parts, document } = r2021;
    expect(parts["word/settings.xml"]).toContain("<w:evenAndOddHeaders/>");
    const rels = parts["word/_rels/document.xml.rels"];
    const footer = (type: string) => {
      const id = new RegExp(`<w:footerReference w:type="${type}" r:id="([^"]+)"`).exec(
        document,
      )![1];
      const target =
        new RegExp(`Id="${id}"[^>]*Target="([^"]+)"`).exec(rels)?.[1] ??
        new RegExp(`Target="([^"]+)"[^>]*Id="${id}"`).exec(rels)![1];
      return parts[`word/${target}`];
    };
    for (const [type, align, side] of [
      ["default", "right", "right"],
      ["even", "left", "left"],
    ] as const) {
      const xml = footer(type);
      const [p] = readParagraphs(xml);
      expect(p.align).toBe(align);
      expect(Number(p.indent[side])).toBe(280); // one character of 4号
      expect(p.text.replace(/\s/g, "")).toMatch(/^——$/);
      expect(xml).toMatch(/PAGE/);
      expect(p.runs.every((r) => r.eastAsia === FONTS.pageNumber && r.size === 28)).toBe(true);
    }
  });
});

describe("text", () => {
  it("centres the two-line 2号 方正小标宋简体 title", () => {
    const [first, second] = r2021.paragraphs;
    expect(first.text).toBe("某市某区2022年");
    expect(second.text).toBe("政府信息公开工作年度报告");
    for (const p of [first, second]) {
      expect(p.align).toBe("center");
      expect(p.runs[0]).toMatchObject({ eastAsia: FONTS.title, size: 44 });
    }
  });

  it("sets the body in 3号 仿宋 with a two-character indent and a fixed 28.95 pt line (22 lines a page)", () => {
    const preface = r2021.paragraphs[2];
    expect(preface.text).toBe(r2021.report.preface);
    expect(preface.runs[0]).toMatchObject({ eastAsia: FONTS.body, size: 32 });
    expect(preface.indent).toMatchObject({ firstLineChars: "200", firstLine: "640" });
    expect(preface.spacing).toMatchObject({ line: "579", lineRule: "exact" });
    expect(Math.floor((16838 - 2098 - 1984) / 579)).toBe(22);
  });

  it("heads the sections in the format's order in 3号 黑体 and sets （一） leads in 楷体", () => {
    const headings = r2021.paragraphs.filter((p) => p.outlineLevel === "0");
    expect(headings.map((p) => p.text)).toEqual(
      getFormat("2021").sections.map((s) => `${s.ordinal}、${s.title}`),
    );
    for (const h of headings)
      expect(h.runs[0]).toMatchObject({ eastAsia: FONTS.heading, size: 32 });
    const lead = r2021.paragraphs.find((p) => p.text.startsWith("（二）依申请公开。"))!;
    expect(lead.runs[0]).toMatchObject({
      text: "（二）依申请公开。",
      eastAsia: FONTS.subheading,
      size: 32,
    });
    expect(lead.runs[1]).toMatchObject({ eastAsia: FONTS.body });
  });

  it("closes with the issuing organ centred above the date, four characters in from the right", () => {
    const paragraphs = r2021.paragraphs;
    const organ = paragraphs[paragraphs.length - 2];
    const date = paragraphs[paragraphs.length - 1];
    expect(organ.text).toBe("某市某区人民政府");
    expect(date.text).toBe("2023年1月18日");
    expect(date.align).toBe("right");
    // 2023年1月18日 is 3 full-width + 7 half-width characters = 6.5 characters wide.
    expect(Number(date.indent.right)).toBe(4 * 320);
    // Centred: same middle, 4 + 6.5 / 2 = 7.25 characters from the right edge.
    expect(Number(organ.indent.right) + (8 * 320) / 2).toBe(
      Number(date.indent.right) + (6.5 * 320) / 2,
    );
  });
});

describe("tables", () => {
  it("set table text in 小4号 仿宋 and headers in 黑体, through named paragraph styles", () => {
    const styles = r2021.parts["word/styles.xml"];
    const style = (id: string) =>
      styles.slice(
        styles.indexOf(`w:styleId="${id}"`),
        styles.indexOf("</w:style>", styles.indexOf(`w:styleId="${id}"`)),
      );
    expect(firstElementAttrs(style(TABLE_STYLES.text), "w:rFonts")).toMatchObject({
      eastAsia: FONTS.body,
      ascii: FONTS.body,
      hAnsi: FONTS.body,
    });
    expect(firstElementAttrs(style(TABLE_STYLES.text), "w:sz")).toMatchObject({ val: "24" });
    expect(firstElementAttrs(style(TABLE_STYLES.header), "w:rFonts")).toMatchObject({
      eastAsia: FONTS.heading,
    });
    expect(firstElementAttrs(style(TABLE_STYLES.header), "w:basedOn")).toMatchObject({
      val: TABLE_STYLES.text,
    });
    // 三: three header rows in 表头 (the corner's note in 表格文字), body cells in 表格文字 / 表格行标题.
    const requestsTable = r2021.document.split("<w:tbl>")[2];
    const rows = requestsTable.split(/<w:tr[ >]/).slice(1, 5);
    const stylesOf = (row: string) =>
      [...row.matchAll(/<w:pStyle w:val="([^"]+)"/g)].map((m) => m[1]);
    for (const row of rows.slice(0, 3)) {
      const [corner, ...rest] = stylesOf(row);
      expect(corner).toBe(TABLE_STYLES.text);
      expect(new Set(rest)).toEqual(new Set([TABLE_STYLES.header]));
    }
    expect(stylesOf(rows[3])).toEqual([TABLE_STYLES.label, ...Array(7).fill(TABLE_STYLES.text)]);
  });

  it("are body-level tables (never inside a paragraph): 二 as one, 三 and 四", () => {
    for (const r of [r2021, r2019]) {
      expect(bodyChildren(r.document).filter((t) => t === "w:tbl")).toHaveLength(3);
      expect((r.document.match(/<w:tbl>/g) ?? []).length).toBe(3);
    }
  });

  it("always give a grid of column widths filling the text block, and every row fills the grid", () => {
    for (const table of [...r2021.tables, ...r2019.tables]) {
      expect(table.gridCols.reduce((a, b) => a + b, 0)).toBe(TEXT_WIDTH);
      expect(table.gridCols.every((w) => w > 0)).toBe(true);
      for (const row of table.rows)
        expect(row.cells.reduce((n, c) => n + c.gridSpan, 0)).toBe(table.gridCols.length);
    }
  });

  it("mark the header rows, and only rows at the very top, to repeat; 二's item rows are kept with the rows below", () => {
    expect(r2021.tables.map((t) => t.rows.findIndex((r) => !r.header))).toEqual([0, 3, 3]);
    for (const t of r2021.tables) {
      const first = t.rows.findIndex((r) => !r.header);
      expect(t.rows.slice(first).some((r) => r.header)).toBe(false);
    }
    const active = r2021.document.split("<w:tbl>")[1].split("</w:tbl>")[0];
    const rows = active.split(/<w:tr[ >]/).slice(1);
    // caption + header of each of the four items keep with next; the data rows do not.
    expect(rows.map((row) => row.includes("<w:keepNext/>"))).toEqual([
      true,
      true,
      false,
      false,
      true,
      true,
      false,
      true,
      true,
      false,
      false,
      true,
      true,
      false,
    ]);
  });

  const summary = (cells: MergedCell[]) =>
    cells
      .filter((c) => c.colSpan > 1 || c.rowSpan > 1)
      .map((c) => [c.text, c.row, c.col, c.colSpan, c.rowSpan]);

  it("merge 三 as the official table: header block, 申请人情况, 法人或其他组织, and the row groups", () => {
    const requests = mergedCells(r2021.tables[1]);
    expect(summary(requests)).toEqual([
      ["（本列数据的勾稽关系为：第一项加第二项之和，等于第三项加第四项之和）", 0, 0, 3, 3],
      ["申请人情况", 0, 3, 7, 1],
      ["自然人", 1, 3, 1, 2],
      ["法人或其他组织", 1, 4, 5, 1],
      ["总计", 1, 9, 1, 2],
      ["一、本年新收政府信息公开申请数量", 3, 0, 3, 1],
      ["二、上年结转政府信息公开申请数量", 4, 0, 3, 1],
      ["三、本年度办理结果", 5, 0, 1, 22],
      ["（一）予以公开", 5, 1, 2, 1],
      ["（二）部分公开（区分处理的，只计这一情形，不计其他情形）", 6, 1, 2, 1],
      ["（三）不予公开", 7, 1, 1, 8],
      ["（四）无法提供", 15, 1, 1, 3],
      ["（五）不予处理", 18, 1, 1, 5],
      ["（六）其他处理", 23, 1, 1, 3],
      ["（七）总计", 26, 1, 2, 1],
      ["四、结转下年度继续办理", 27, 0, 3, 1],
    ]);
    // The merges are written as restart/continue with gridSpan (docx issue 695), not as rowSpan alone.
    const vMerged = r2021.tables[1].rows.flatMap((r) => r.cells.filter((c) => c.vMerge));
    expect(vMerged.filter((c) => c.vMerge === "restart")).toHaveLength(8);
    expect(vMerged.filter((c) => c.vMerge === "continue")).toHaveLength(2 + 2 + 21 + 7 + 2 + 4 + 2); // corner, 自然人 and 总计, 三、…, （三）…（六）
  });

  it("merge 四: 行政复议 over five, 行政诉讼 over ten split in two, leaves under 行政复议 two rows high", () => {
    const appeals = mergedCells(r2021.tables[2]);
    expect(summary(appeals)).toEqual([
      ["行政复议", 0, 0, 5, 1],
      ["行政诉讼", 0, 5, 10, 1],
      ["结果维持", 1, 0, 1, 2],
      ["结果纠正", 1, 1, 1, 2],
      ["其他结果", 1, 2, 1, 2],
      ["尚未审结", 1, 3, 1, 2],
      ["总计", 1, 4, 1, 2],
      ["未经复议直接起诉", 1, 5, 5, 1],
      ["复议后起诉", 1, 10, 5, 1],
    ]);
  });

  it("print 二 as ONE 4-column table: per item a full-width row, its 信息内容 header, its rows; a single value spans three columns", () => {
    expect(r2021.tables[0].gridCols).toHaveLength(4);
    const value = (table: string, row: string, column: string) =>
      String(r2021.report.tables[table][row][column]);
    expect(summary(mergedCells(r2021.tables[0]))).toEqual([
      ["第二十条第（一）项", 0, 0, 4, 1],
      ["第二十条第（五）项", 4, 0, 4, 1],
      ["本年处理决定数量", 5, 1, 3, 1],
      [value("20.5", "licensing", "decisions"), 6, 1, 3, 1],
      ["第二十条第（六）项", 7, 0, 4, 1],
      ["本年处理决定数量", 8, 1, 3, 1],
      [value("20.6", "penalty", "decisions"), 9, 1, 3, 1],
      [value("20.6", "coercion", "decisions"), 10, 1, 3, 1],
      ["第二十条第（八）项", 11, 0, 4, 1],
      ["本年收费金额（单位：万元）", 12, 1, 3, 1],
      [value("20.8", "fees", "amount"), 13, 1, 3, 1],
    ]);
    expect(r2021.tables[0].rows[1].cells.map((c) => c.text)).toEqual([
      "信息内容",
      "本年制发件数",
      "本年废止件数",
      "现行有效件数",
    ]);
    // 2019: three-column items fill the grid, a two-column item's second value takes the spare column.
    const item8 = mergedCells(r2019.tables[0]).filter((c) => c.row === 13 || c.row === 14);
    expect(item8.map((c) => [c.text, c.col, c.colSpan])).toEqual([
      ["信息内容", 0, 1],
      ["上一年项目数量", 1, 1],
      ["本年增/减", 2, 2],
      ["行政事业性收费", 0, 1],
      [expect.any(String), 1, 1],
      [expect.any(String), 2, 2],
    ]);
  });

  it("keep 2019's （六）其他处理 a single row of 三", () => {
    const other = mergedCells(r2019.tables[1]).find((c) => c.text === "（六）其他处理")!;
    expect([other.colSpan, other.rowSpan]).toEqual([2, 1]);
  });

  for (const formatId of ["2021", "2019"] as const) {
    it(`put every number of a full ${formatId} report in its row, in the order of the columns`, () => {
      const r = formatId === "2021" ? r2021 : r2019;
      const totalled = computeTotals(r.report);
      let checked = 0;
      const sections = getFormat(formatId).sections.filter((s) => s.tables.length);
      sections.forEach((section, t) => {
        const cells = mergedCells(r.tables[t]);
        for (const spec of section.tables) {
          const layout = tableLayout(spec);
          spec.rows.forEach((row, i) => {
            // A row is found by its label (四 has none: its one row is right under the header).
            const rowIndex = row.label
              ? cells
                  .filter((c) => c.text === row.label && c.rowSpan === 1)
                  .map((c) => c.row)
                  .find(
                    (at) => t !== 0 || cells.some((c) => c.row < at && c.text === spec.caption),
                  )!
              : layout.headerRows.length + i;
            const values = cells
              .filter((c) => c.row === rowIndex && c.col >= layout.labelColumns)
              .sort((a, b) => a.col - b.col);
            expect(
              values.map((c) => c.text),
              `${spec.id}.${row.key}`,
            ).toEqual(spec.columns.map((c) => String(totalled.tables[spec.id][row.key][c.key])));
            checked += values.length;
          });
        }
      });
      // 二 (2021: 6 + 1 + 2 + 1; 2019: 6 + 6 + 6 + 2 + 2), 三 (25 or 23 rows × 7), 四 (15).
      expect(checked).toBe(formatId === "2021" ? 10 + 175 + 15 : 22 + 161 + 15);
    });
  }

  it("prints amounts exactly as typed, blanks as empty cells, and totals as computed", async () => {
    const report = fullReport("2021");
    report.tables["20.8"].fees.amount = "2387.47225";
    report.tables.requests.new.natural = null;
    // A stored total that disagrees with its row (an old draft, an import) is printed as computed.
    report.tables.requests.r1.total = null;
    report.tables.appeals.row.rc_total = 999;
    const tables = readXmlTables(
      (await docxParts(new Uint8Array(await renderDocx(report))))["word/document.xml"],
    );
    expect(cellAt(mergedCells(tables[0]), 13, 1)?.text).toBe("2387.47225");
    expect(cellAt(mergedCells(tables[1]), 3, 3)?.text).toBe("");
    const totalled = computeTotals(report);
    expect(cellAt(mergedCells(tables[1]), 5, 9)?.text).toBe(
      String(totalled.tables.requests.r1.total),
    );
    expect(cellAt(mergedCells(tables[2]), 3, 4)?.text).toBe(
      String(totalled.tables.appeals.row.rc_total),
    );
    expect(totalled.tables.appeals.row.rc_total).not.toBe(999);
  });
});

describe("package details", () => {
  it("describes the four Chinese fonts (and 宋体) in the font table: altName, GB2312 charset 86, family", () => {
    const fonts = r2021.parts["word/fontTable.xml"];
    for (const [name, alt] of [
      ["仿宋_GB2312", "仿宋"],
      ["楷体_GB2312", "楷体"],
      ["方正小标宋简体", "宋体"],
      ["黑体", "SimHei"],
      ["宋体", "SimSun"],
    ]) {
      const entry = new RegExp(`<w:font w:name="${name}">(.*?)</w:font>`).exec(fonts)?.[1] ?? "";
      expect(entry, name).toContain(`<w:altName w:val="${alt}"/>`);
      expect(entry).toContain(`<w:charset w:val="86"/>`);
      expect(entry).toMatch(/<w:family w:val="(modern|script|auto)"\/>/);
    }
    expect(XMLValidator.validate(fonts)).toBe(true);
  });

  it("states widow control in the document defaults, and table text off the line grid", () => {
    const styles = r2021.parts["word/styles.xml"];
    expect(styles).toMatch(/<w:pPrDefault><w:pPr><w:widowControl\/>/);
    const tableText = styles.slice(styles.indexOf(`w:styleId="${TABLE_STYLES.text}"`));
    expect(tableText.slice(0, tableText.indexOf("</w:style>"))).toContain(
      `<w:snapToGrid w:val="0"/>`,
    );
  });

  it("has a 22-line document grid and puts the footer so that the 一字线 is 7 mm below the text block", () => {
    expect(firstElementAttrs(r2021.document, "w:docGrid")).toMatchObject({
      type: "lines",
      linePitch: "579",
    });
    // The footer line is 15 pt (300 twips) exact: its middle is 150 twips above the footer distance.
    const footer = Number(firstElementAttrs(r2021.document, "w:pgMar")?.footer);
    expect(footer).toBe(FOOTER_DISTANCE);
    expect(((1984 - footer - 150) / 1440) * 25.4).toBeCloseTo(7, 1);
  });

  it("names the title, the unit as author and last editor, and the program", () => {
    expect(r2021.parts["docProps/core.xml"]).toContain(
      "<dc:title>某市某区2022年政府信息公开工作年度报告</dc:title>",
    );
    expect(r2021.parts["docProps/core.xml"]).toContain("<dc:creator>某市某区人民政府</dc:creator>");
    expect(r2021.parts["docProps/core.xml"]).toContain(
      "<cp:lastModifiedBy>某市某区人民政府</cp:lastModifiedBy>",
    );
    expect(r2021.parts["docProps/core.xml"]).not.toContain("Un-named");
    expect(r2021.parts["docProps/app.xml"]).toContain("<Company>某市某区人民政府</Company>");
  });

  it("keeps the last paragraph of 六 with the closing, which follows after one blank line", () => {
    const xml = r2021.document;
    const organAt = xml.indexOf(">某市某区人民政府<");
    const paragraphs = xml.slice(0, organAt).split("<w:p>");
    const lastBody = paragraphs[paragraphs.length - 2];
    expect(lastBody).toContain("<w:keepNext/>");
    expect(lastBody).toContain("<w:keepLines/>");
    const organ = r2021.paragraphs[r2021.paragraphs.length - 2];
    expect(organ.spacing.before).toBe("579");
  });
});

describe("hostile text", () => {
  let parts: Record<string, string>;
  beforeAll(async () => {
    parts = await docxParts(new Uint8Array(await renderDocx(hostileReport())));
  });

  it("leaves every XML part well-formed, without a character XML 1.0 forbids", () => {
    for (const [name, xml] of Object.entries(parts)) {
      expect(XMLValidator.validate(xml), name).toBe(true);
      expect(xml.isWellFormed(), `${name} has a lone surrogate`).toBe(true);
      expect(/[\u0000-\u0008\u000B\u000C\u000E-\u001F\uFFFE\uFFFF]/.test(xml), name).toBe(false);
    }
  });

  it("keeps markup, &, ]]> and emoji as text, escaped by docx", () => {
    const document = parts["word/document.xml"];
    const visible = HOSTILE_TEXT.replace(
      /[\u0000-\u0008\u000B\u000C\u000E-\u001F\uFFFE\uFFFF]|[\uD800-\uDFFF]/gu,
      "",
    );
    const paragraphs = readParagraphs(document).map((p) => p.text);
    expect(paragraphs).toContain(visible);
    expect(paragraphs.some((p) => p.includes("😀👍🏽"))).toBe(true);
    expect(document).toContain("&lt;script&gt;alert(1)&lt;/script&gt;");
    expect(document).not.toContain("<script");
    expect(document).not.toContain("]]>");
    expect(document).toContain("&amp;");
    const cells = mergedCells(readXmlTables(document)[1]);
    expect(cellAt(cells, 3, 3)?.text).toBe("<img src=x onerror=alert(1)>&");
  });
});
