import { describe, expect, it } from "vitest";
import { importText, readText } from "@/lib/import";
import { fullReport } from "@/lib/report/__fixtures__/full-report";
import { fullReportWithBlanks, layoutContents } from "./__fixtures__/layouts/contents";
import { expectFaithful, expectNarratives } from "./__fixtures__/layouts/faithful";
import { runOnArticle, spaceSeparatedRows } from "./__fixtures__/layouts/run-on";
import { webPageCopyOfCellParagraphs } from "./__fixtures__/layouts/web-page-copy";

/** Without blank cells: a copy that turned TABs into spaces cannot say where a blank was. */
const withoutBlanks = [
  ...layoutContents().filter(({ name }) => !name.includes("blanks")),
  { name: "full 2021", content: fullReport("2021") },
  { name: "full 2019", content: fullReport("2019") },
];

describe.each(withoutBlanks)("$name as one line", ({ content }) => {
  it("with spaces where the line breaks and TABs were", () => {
    const text = runOnArticle(content);
    expect(text).not.toContain("\n");
    const result = importText(text);
    expectFaithful(result, content);
    expectNarratives(result, content);
  });

  it("with nothing where the line breaks were", () => {
    expectFaithful(importText(runOnArticle(content, { lineBreak: "" })), content);
  });

  it("on a few lines", () => {
    const text = runOnArticle(content, {
      breakBefore: ["三、收到和处理政府信息公开申请情况", "五、存在的主要问题及改进情况"],
    });
    expect(text.split("\n")).toHaveLength(3);
    expectFaithful(importText(text), content);
  });

  it("one row per line with spaces between cells", () => {
    expectFaithful(importText(spaceSeparatedRows(content)), content);
  });
});

describe.each([fullReportWithBlanks("2021"), fullReportWithBlanks("2019")])(
  "a one-line copy that kept its TABs ($format)",
  (content) => {
    it("keeps every blank in its column", () => {
      const text = runOnArticle(content, { keepTabs: true });
      expect(text).not.toContain("\n");
      expectFaithful(importText(text), content);
    });
  },
);

describe("lines that are ordinary text", () => {
  it("a sentence naming table rows is a paragraph, not a table", () => {
    const text =
      "一、总体情况\n全年办理行政许可 12 件、行政处罚 5 件，其他 3 件。\n行政许可、行政处罚 12\n";
    expect(readText(text).filter((b) => b.type === "table")).toEqual([]);
  });

  it("the closing at the end of a one-line article is read as organ and date", () => {
    const result = importText(runOnArticle(fullReport("2021")));
    expect(result.content.meta.issuingOrgan).toBe("某市某区人民政府");
    expect(result.content.meta.issuedDate).toBe("2023-01-18");
  });
});

describe.each(withoutBlanks)(
  "$name copied from a page whose cells hold paragraphs",
  ({ content }) => {
    it("selected and copied: each cell a paragraph of its own", () => {
      const text = webPageCopyOfCellParagraphs(content);
      const result = importText(text);
      expectFaithful(result, content);
      expectNarratives(result, content);
    });
  },
);

describe.each(layoutContents())(
  "$name copied by innerText from a page whose cells hold paragraphs",
  ({ content }) => {
    it("a TAB line between the cells of a row: every blank stays in its column", () => {
      const result = importText(webPageCopyOfCellParagraphs(content, { innerText: true }));
      expectFaithful(result, content);
      expectNarratives(result, content);
    });
  },
);
