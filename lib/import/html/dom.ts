import type { DefaultTreeAdapterTypes } from "parse5";

/** The nodes of parse5's default tree, and the few questions the reader asks them. */
export type HtmlNode = DefaultTreeAdapterTypes.Node;
export type HtmlElement = DefaultTreeAdapterTypes.Element;
export type HtmlParent = DefaultTreeAdapterTypes.ParentNode;

export function isElement(node: HtmlNode): node is HtmlElement {
  return "tagName" in node;
}

export function isText(node: HtmlNode): node is DefaultTreeAdapterTypes.TextNode {
  return node.nodeName === "#text";
}

/** Children of a node in document order; a template's content is never rendered, so never read. */
export function childrenOf(node: HtmlNode): readonly HtmlNode[] {
  if (isElement(node) && node.tagName === "template") return [];
  return "childNodes" in node ? node.childNodes : [];
}

export function attr(element: HtmlElement, name: string): string | undefined {
  for (const a of element.attrs) if (a.name === name) return a.value;
  return undefined;
}

/** Hidden by the page itself: the `hidden` attribute, `display:none`, `visibility:hidden`, Word's `mso-hide:all`. */
const HIDDEN_STYLE =
  /(?:^|;)\s*(?:display\s*:\s*none|visibility\s*:\s*hidden|mso-hide\s*:\s*all)\b/i;

export function isHidden(element: HtmlElement): boolean {
  if (attr(element, "hidden") !== undefined) return true;
  const style = attr(element, "style");
  return style !== undefined && HIDDEN_STYLE.test(style);
}
