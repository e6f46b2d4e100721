import { describe, expect, it } from "vitest";
import type { TableBlock, TableCell } from "../types";
import type { PagePiece } from "./page-layout";
import { joinCellsSplitAcrossPages } from "./split-rows";

/**
 * The two parts of a table broken over a page, as the grid reader gives them: rows of cells with
 * their spans. A row allowed to break keeps its figures on the first page and wraps the end of its
 * label onto the next, where no header is repeated.
 */
const c = (text: string, rowSpan = 1): TableCell => ({ text, colSpan: 1, rowSpan });
const table = (rows: TableCell[][]): TableBlock => ({ type: "table", rows, positional: true });

function pieces(a: TableBlock, b: TableBlock): PagePiece[] {
  return [
    { kind: "table", table: a, page: 0 },
    {
      kind: "lines",
      lines: [{ words: [{ text: "-3-", x0: 280, x1: 300 }], top: 800, bottom: 812, page: 0 }],
    },
    { kind: "table", table: b, page: 1 },
  ];
}

const texts = (t: TableBlock) => t.rows.map((r) => r.map((x) => x.text));

describe("a row label wrapped onto the next page", () => {
  it("goes back onto the row that holds the figures", () => {
    const a = table([
      [c("（四）无法提供", 3), c("1.本机关不掌握相关政府信息"), c("0"), c("0")],
      [c("2.没有现成信息需要"), c("3"), c("4")],
    ]);
    const b = table([
      [c("", 2), c("另行制作"), c(""), c("")],
      [c("3.补正后申请内容仍不明确"), c("5"), c("6")],
    ]);
    joinCellsSplitAcrossPages(pieces(a, b));
    expect(texts(a)[1]).toEqual(["2.没有现成信息需要另行制作", "3", "4"]);
    expect(texts(b)[0]).toEqual(["", "", "", ""]);
    expect(texts(b)[1]).toEqual(["3.补正后申请内容仍不明确", "5", "6"]);
  });

  it("leaves a repeated header alone", () => {
    const a = table([[c("1.信访举报投诉类申请"), c("0"), c("0")]]);
    const b = table([
      [c("项目"), c("自然人"), c("总计")],
      [c("2.重复申请"), c("1"), c("1")],
    ]);
    joinCellsSplitAcrossPages(pieces(a, b));
    expect(texts(a)).toEqual([["1.信访举报投诉类申请", "0", "0"]]);
    expect(texts(b)[0]).toEqual(["项目", "自然人", "总计"]);
  });
});
