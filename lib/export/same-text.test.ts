import { createElement } from "react";
import { renderToStaticMarkup } from "react-dom/server";
import { beforeAll, describe, expect, it } from "vitest";
import { ReportView } from "@/components/report/report-view";
import { fullReport } from "@/lib/report/__fixtures__/full-report";
import { renderDocx } from "./docx";
import { renderHtml, renderHtmlFragment, renderPortalFragment } from "./html";
import { buildPublication } from "./publication";
import { docxParts } from "./__fixtures__/docx-tables";
import { parseHtml, textOf, textWithout } from "./__fixtures__/html-dom";

/**
 * One publication model for every output: the DOCX, the downloaded HTML, the portal fragment (the
 * preview and the public /gk page draw the article fragment) and the read-only view the reviewer
 * approves (the review panel shows this same view) print the same text, word for word — the fee
 * statement of 六 and the closing's Chinese date included.
 */
const report = fullReport("2021");
const publication = buildPublication(report);
const squash = (text: string) => text.replace(/\s+/g, "");

/** Every piece of text of the publication, in reading order. */
function publishedTexts(): string[] {
  const texts = [...publication.titleLines, ...publication.preface.map((p) => p.lead + p.text)];
  for (const section of publication.sections) {
    texts.push(section.heading);
    for (const block of section.blocks) {
      if (block.type === "paragraph") texts.push(block.paragraph.lead + block.paragraph.text);
      else
        for (const row of block.grid.rows)
          for (const s of row.segments) if (!s.continued && s.cell.text) texts.push(s.cell.text);
    }
  }
  return [...texts, publication.closing.organ, publication.closing.date ?? ""]
    .filter(Boolean)
    .map(squash);
}

/** The visible text of an HTML document or fragment, without the stylesheet. */
function htmlText(html: string): string {
  return squash(textWithout(parseHtml(html), ["style", "title"]));
}

let docxText = "";
beforeAll(async () => {
  const parts = await docxParts(new Uint8Array(await renderDocx(report)));
  // Every w:t in document order: paragraphs and table cells as Word reads them.
  const runs = [...parts["word/document.xml"].matchAll(/<w:t(?: [^>]*)?>([^<]*)<\/w:t>/g)].map(
    (m) => m[1],
  );
  docxText = squash(textOf(parseHtml(`<x>${runs.join("")}</x>`)));
});

describe("the same text in every output", () => {
  it("has the fee statement in 六 and the date written once, the Chinese way", () => {
    const six = publication.sections.find((s) => s.key === "s6")!;
    const sixText = six.blocks
      .map((b) => (b.type === "paragraph" ? b.paragraph.text : ""))
      .join("");
    expect(sixText).toMatch(/发出收费通知\d+件/);
    expect(publication.closing.date).toBe("2023年1月18日");
  });

  const outputs: [string, () => string][] = [
    ["DOCX", () => docxText],
    ["HTML download", () => htmlText(renderHtml(report))],
    ["portal fragment", () => htmlText(renderPortalFragment(report))],
    ["preview and /gk article", () => htmlText(renderHtmlFragment(report))],
    [
      "read-only view and review panel",
      () => htmlText(renderToStaticMarkup(createElement(ReportView, { content: report }))),
    ],
  ];

  for (const [name, text] of outputs) {
    it(`${name}: every text of the publication, in order`, () => {
      const all = text();
      let from = 0;
      for (const piece of publishedTexts()) {
        const at = all.indexOf(piece, from);
        expect(at, `${name} lacks “${piece}” after position ${from}`).toBeGreaterThanOrEqual(0);
        from = at + piece.length;
      }
      expect(all).not.toContain("2023-01-18");
    });
  }

  it("the read-only view shows exactly the text of the published article", () => {
    const view = htmlText(renderToStaticMarkup(createElement(ReportView, { content: report })));
    expect(view).toBe(htmlText(renderHtmlFragment(report)));
  });
});
