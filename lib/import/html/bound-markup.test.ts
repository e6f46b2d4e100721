import { parse, type DefaultTreeAdapterTypes } from "parse5";
import { describe, expect, it } from "vitest";
import { renderHtml } from "@/lib/export/html";
import { fullReport } from "@/lib/report/__fixtures__/full-report";
import { boundMarkup } from "./bound-markup";

type Node = DefaultTreeAdapterTypes.Node;

/** Depth of the tree parse5 builds, and its text, both without recursion. */
function treeOf(html: string): { depth: number; text: string } {
  let depth = 0;
  const text: string[] = [];
  const stack: [Node, number][] = [[parse(html), 0]];
  while (stack.length > 0) {
    const [node, d] = stack.pop()!;
    depth = Math.max(depth, d);
    if (node.nodeName === "#text") text.push((node as DefaultTreeAdapterTypes.TextNode).value);
    const children = "childNodes" in node ? node.childNodes : [];
    for (let i = children.length - 1; i >= 0; i--) stack.push([children[i], d + 1]);
  }
  return { depth, text: text.join("") };
}

const BOUND = 200;
/** parse5 adds html/body and the implied tbody/tr of tables the markup leaves out: the tree may be up to twice the bound. */
const TREE_DEPTH_LIMIT = 2 * BOUND + 10;

describe("boundMarkup", () => {
  it("leaves a real page as it is (our export: no formatting tags, 10 levels deep)", () => {
    const html = renderHtml(fullReport("2021"));
    expect(boundMarkup(html, BOUND)).toBe(html);
  });

  it("does not mistake elements closed by the parser itself for nesting: thousands of unclosed p, li, td, tr, dd, option stay", () => {
    const flat = [
      "<p>段落".repeat(3000),
      `<ul>${"<li>条目".repeat(3000)}</ul>`,
      `<table>${"<tr><td>1<td>2<td>3".repeat(1000)}</table>`,
      `<dl>${"<dt>名<dd>值".repeat(1000)}</dl>`,
      `<select>${"<option>选项".repeat(1000)}</select>`,
      `<h2>标题${"<h3>小标题".repeat(500)}`,
    ].join("");
    expect(boundMarkup(flat, BOUND)).toBe(flat);
  });

  it("drops formatting tags and keeps their text", () => {
    expect(
      boundMarkup(
        `<p><font face="仿宋">二、<b>主动</b>公开</font><a href="/x">链接</a></p>`,
        BOUND,
      ),
    ).toBe("<p>二、主动公开链接</p>");
  });

  it("keeps the text of raw-text elements as text: tags inside a script or a textarea are not tags", () => {
    const html = `<script>var s = "<b>x</b>";</script><textarea><font>不是标签</font></textarea><style>b{}</style>`;
    expect(boundMarkup(html, BOUND)).toBe(html);
  });

  it("flattens nesting past the bound, keeping every character of text", () => {
    const html = `${"<div>".repeat(1000)}深处的文字${"</div>".repeat(1000)}<p>之后</p>`;
    const tree = treeOf(boundMarkup(html, BOUND));
    expect(tree.depth).toBeLessThanOrEqual(TREE_DEPTH_LIMIT);
    expect(tree.text).toBe("深处的文字之后");
  });

  // The bombs of the security review at their size; the shapes that play on what the parser closes by itself at 100 KB.
  const big = 400_000;
  const small = 100_000;
  const bombs: Record<string, string> = {
    "400 KB of nested div": `${"<div>".repeat(big / 11)}x${"</div>".repeat(big / 11)}`,
    "400 KB of nested tables": `${"<table><tr><td>".repeat(big / 33)}x${"</td></tr></table>".repeat(big / 33)}`,
    "unclosed table cells": "<table><tr><td>".repeat(small / 15),
    "list items in sections": "<li><section>".repeat(small / 13),
    "forms (</form> leaves what it holds open)": "<form><div></form>".repeat(small / 18),
    "a div closed across a table": "<div><table><tr><td></div>".repeat(small / 26),
    "cells re-opened in spans": "<table><td><span><td>".repeat(small / 21),
    svg: `${"<svg><g>".repeat(small / 17)}x${"</g></svg>".repeat(small / 17)}`,
  };
  it.each(Object.entries(bombs))(
    "leaves the tree within the bound for a nesting bomb: %s",
    { timeout: 20_000 },
    (_, html) => {
      expect(treeOf(boundMarkup(html, BOUND)).depth).toBeLessThanOrEqual(TREE_DEPTH_LIMIT);
    },
  );

  it(
    "defuses formatting elements re-opened in every paragraph (36 KB took parse5 half a minute)",
    { timeout: 20_000 },
    () => {
      const html = Array.from({ length: 2000 }, (_, i) => `<p><b id=${i}>第${i}段</p>`).join("");
      const tree = treeOf(boundMarkup(html, BOUND));
      expect(tree.depth).toBeLessThan(10);
      expect(tree.text).toBe(Array.from({ length: 2000 }, (_, i) => `第${i}段`).join(""));
    },
  );
});
