import { parse, type DefaultTreeAdapterTypes } from "parse5";

/** Test helpers over parse5's tree (the parser the importer uses): find elements, read their text and attributes. */
export type Element = DefaultTreeAdapterTypes.Element;
type Node = DefaultTreeAdapterTypes.Node;

export function parseHtml(html: string): Element {
  const document = parse(html);
  return document.childNodes.find((n): n is Element => "tagName" in n)!;
}

function isElement(node: Node): node is Element {
  return "tagName" in node;
}

function childNodes(node: Node): Node[] {
  return "childNodes" in node ? node.childNodes : [];
}

/** Every element under `root` (not `root` itself), in document order. */
export function descendants(root: Element): Element[] {
  const out: Element[] = [];
  const stack: Node[] = [...childNodes(root)].reverse();
  while (stack.length > 0) {
    const node = stack.pop()!;
    if (!isElement(node)) continue;
    out.push(node);
    stack.push(...[...childNodes(node)].reverse());
  }
  return out;
}

export function children(element: Element, tag?: string): Element[] {
  return childNodes(element).filter(
    (n): n is Element => isElement(n) && (tag === undefined || n.tagName === tag),
  );
}

export function byTag(root: Element, ...tags: string[]): Element[] {
  return descendants(root).filter((e) => tags.includes(e.tagName));
}

export function byClass(root: Element, className: string): Element[] {
  return descendants(root).filter((e) =>
    (attrOf(e, "class") ?? "").split(/\s+/).includes(className),
  );
}

export function byId(root: Element, id: string): Element | undefined {
  return descendants(root).find((e) => attrOf(e, "id") === id);
}

export function attrOf(element: Element, name: string): string | undefined {
  return element.attrs.find((a) => a.name === name)?.value;
}

/** The text of an element as a reader sees it: its text nodes joined, entities decoded. */
export function textOf(element: Element): string {
  return textWithout(element, []);
}

/** The text of an element without the elements of these tags (a page's style and title). */
export function textWithout(element: Element, skip: readonly string[]): string {
  const parts: string[] = [];
  const stack: Node[] = [element];
  while (stack.length > 0) {
    const node = stack.pop()!;
    if (node.nodeName === "#text") parts.push((node as DefaultTreeAdapterTypes.TextNode).value);
    else if (!(isElement(node) && skip.includes(node.tagName)))
      stack.push(...[...childNodes(node)].reverse());
  }
  return parts.join("");
}
