import { describe, expect, it } from "vitest";
import { importText } from "@/lib/import";
import { fullReportWithBlanks, layoutContents } from "./__fixtures__/layouts/contents";
import { expectFaithful, expectNarratives } from "./__fixtures__/layouts/faithful";
import { webPageCopy } from "./__fixtures__/layouts/web-page-copy";

describe.each(layoutContents())("web-page copy of $name", ({ content }) => {
  const text = webPageCopy(content);

  it("reads every cell where it stands, blanks as blanks, with no finding the source lacks", () => {
    expectFaithful(importText(text), content);
  });

  it("reads the narratives", () => {
    expectNarratives(importText(text), content);
  });
});

describe("the web-page copy fixture", () => {
  it("prints blanks as empty fields and leaves out positions merged down from above, as a browser does", () => {
    const text = webPageCopy(fullReportWithBlanks("2021"));
    expect(text).toMatch(/^行政许可\t$/m);
    expect(text).toMatch(/^三、本年度办理结果\t（一）予以公开\t\t3\t/m);
    expect(text).toMatch(/^（二）部分公开（区分处理的，只计这一情形，不计其他情形）\t\d/m);
    expect(text).toMatch(/^\t1\t0\t1\t3\t.*\t$/m);
  });
});
