import { Tokenizer, TokenizerMode, type TokenHandler, type Token } from "parse5";

/**
 * The markup parse5's tree builder is given, bounded before it sees it. Two kinds of input make the
 * HTML tree-construction algorithm itself slow, and both are cut out of the source here, by the
 * offsets parse5's own tokenizer reports:
 *
 *  - Formatting elements (b, font, a, strong …) left open across paragraphs are re-opened by the
 *    spec's "reconstruct the active formatting elements" at every new text run: 36 KB of
 *    `<p><b id=…>x</p>` takes parse5 half a minute. Their tags carry nothing the reader uses (it
 *    reads text, tables and headings), so they are dropped and their text kept.
 *  - Nesting: an element that would open deeper than `maxDepth` loses its tags (start and end) and
 *    its content joins its parent, as browsers do past their own limit. A 400 KB page of nested
 *    tables is thus parsed as 67 levels instead of 26,000.
 *
 * Depth is tracked with a small model of the tree builder (implied end tags, scopes), good enough to
 * keep the real tree within a few levels of the bound; it only ever removes tags, never adds any.
 */
export function boundMarkup(html: string, maxDepth: number): string {
  const model = new DepthModel(maxDepth);
  const tokenizer = new Tokenizer({ sourceCodeLocationInfo: true }, model);
  model.tokenizer = tokenizer;
  tokenizer.write(html, true);
  if (model.cuts.length === 0) return html;
  const parts: string[] = [];
  let from = 0;
  for (let i = 0; i < model.cuts.length; i += 2) {
    parts.push(html.slice(from, model.cuts[i]));
    from = model.cuts[i + 1];
  }
  parts.push(html.slice(from));
  return parts.join("");
}

const FORMATTING = new Set([
  "a",
  "b",
  "big",
  "code",
  "em",
  "font",
  "i",
  "nobr",
  "s",
  "small",
  "strike",
  "strong",
  "tt",
  "u",
]);
const VOID = new Set([
  "area",
  "base",
  "basefont",
  "bgsound",
  "br",
  "col",
  "embed",
  "frame",
  "hr",
  "image",
  "img",
  "input",
  "keygen",
  "link",
  "meta",
  "param",
  "source",
  "track",
  "wbr",
]);
/** Elements whose content the tokenizer reads as text: never nested, so never counted or cut. */
const TEXT_CONTENT: Record<string, Tokenizer["state"]> = {
  title: TokenizerMode.RCDATA,
  textarea: TokenizerMode.RCDATA,
  style: TokenizerMode.RAWTEXT,
  xmp: TokenizerMode.RAWTEXT,
  iframe: TokenizerMode.RAWTEXT,
  noembed: TokenizerMode.RAWTEXT,
  noframes: TokenizerMode.RAWTEXT,
  noscript: TokenizerMode.RAWTEXT,
  script: TokenizerMode.SCRIPT_DATA,
  plaintext: TokenizerMode.PLAINTEXT,
};
/** The tree builder never opens a second one of these. */
const SINGLETONS = new Set(["html", "head", "body"]);
const HEADINGS = new Set(["h1", "h2", "h3", "h4", "h5", "h6"]);
/** Start tags that close an open p first (table only in no-quirks mode, so not counted on: the model may overestimate, never underestimate). */
const CLOSES_P = new Set([
  "address",
  "article",
  "aside",
  "blockquote",
  "center",
  "details",
  "dialog",
  "dir",
  "div",
  "dl",
  "fieldset",
  "figcaption",
  "figure",
  "footer",
  "form",
  "header",
  "hgroup",
  "hr",
  "listing",
  "main",
  "menu",
  "nav",
  "ol",
  "p",
  "pre",
  "search",
  "section",
  "summary",
  "ul",
  "xmp",
  "h1",
  "h2",
  "h3",
  "h4",
  "h5",
  "h6",
  "li",
  "dd",
  "dt",
  "plaintext",
]);
/** The HTML "special" category: an end tag of an ordinary element does not close past one of these. */
const SPECIAL = new Set([
  "address",
  "applet",
  "area",
  "article",
  "aside",
  "base",
  "basefont",
  "bgsound",
  "blockquote",
  "body",
  "br",
  "button",
  "caption",
  "center",
  "col",
  "colgroup",
  "dd",
  "details",
  "dir",
  "div",
  "dl",
  "dt",
  "embed",
  "fieldset",
  "figcaption",
  "figure",
  "footer",
  "form",
  "frame",
  "frameset",
  "h1",
  "h2",
  "h3",
  "h4",
  "h5",
  "h6",
  "head",
  "header",
  "hgroup",
  "hr",
  "html",
  "iframe",
  "img",
  "input",
  "keygen",
  "li",
  "link",
  "listing",
  "main",
  "marquee",
  "menu",
  "meta",
  "nav",
  "noembed",
  "noframes",
  "noscript",
  "object",
  "ol",
  "p",
  "param",
  "plaintext",
  "pre",
  "script",
  "search",
  "section",
  "select",
  "source",
  "style",
  "summary",
  "table",
  "tbody",
  "td",
  "template",
  "textarea",
  "tfoot",
  "th",
  "thead",
  "title",
  "tr",
  "track",
  "ul",
  "wbr",
  "xmp",
  "svg",
  "math",
]);
const SCOPE = new Set([
  "applet",
  "caption",
  "html",
  "table",
  "td",
  "th",
  "marquee",
  "object",
  "template",
  "svg",
  "math",
]);
const BUTTON_SCOPE = new Set([...SCOPE, "button"]);
const LIST_SCOPE = new Set([...SCOPE, "ol", "ul"]);
const TABLE_SCOPE = new Set(["html", "table", "template"]);
const TABLE_PARTS = new Set([
  "table",
  "caption",
  "colgroup",
  "tbody",
  "thead",
  "tfoot",
  "tr",
  "td",
  "th",
]);
const CELL = new Set(["td", "th"]);
const SECTION = new Set(["tbody", "thead", "tfoot"]);
const DEFINITION = new Set(["dd", "dt"]);
/** A new li (dd, dt) closes the open one unless a special element other than address, div or p lies between. */
const LIST_ITEM_STOP = new Set(
  [...SPECIAL].filter((n) => n !== "address" && n !== "div" && n !== "p"),
);
const ROW_STOP = new Set(["tr", ...TABLE_SCOPE]);
const SECTION_STOP = new Set([...SECTION, ...TABLE_SCOPE]);
const FOREIGN = new Set(["svg", "math"]);

class DepthModel implements TokenHandler {
  tokenizer!: Tokenizer;
  /** Source ranges to remove, as [start, end, start, end, …] in document order. */
  readonly cuts: number[] = [];
  /** The open elements as the model sees them; never deeper than maxDepth. */
  private readonly open: string[] = [];
  private readonly openCount = new Map<string, number>();
  /** Start tags cut for depth, by name, whose end tags are still to come. */
  private readonly cutOpen = new Map<string, number>();
  private foreign = 0;

  constructor(private readonly maxDepth: number) {}

  onStartTag(token: Token.TagToken): void {
    const name = token.tagName;
    if (FORMATTING.has(name)) return this.cut(token);
    if (this.foreign === 0 && name in TEXT_CONTENT) {
      this.tokenizer.state = TEXT_CONTENT[name];
      return;
    }
    if (
      VOID.has(name) ||
      SINGLETONS.has(name) ||
      (token.selfClosing && (this.foreign > 0 || FOREIGN.has(name)))
    )
      return;
    this.closeImplied(name);
    if (this.open.length >= this.maxDepth) {
      this.cutOpen.set(name, (this.cutOpen.get(name) ?? 0) + 1);
      return this.cut(token);
    }
    this.push(name);
  }

  onEndTag(token: Token.TagToken): void {
    const name = token.tagName;
    if (FORMATTING.has(name)) return this.cut(token);
    const pendingCuts = this.cutOpen.get(name) ?? 0;
    if (pendingCuts > 0) {
      this.cutOpen.set(name, pendingCuts - 1);
      return this.cut(token);
    }
    if (HEADINGS.has(name)) return this.popTo(this.find(HEADINGS, SCOPE));
    if (!this.openCount.get(name)) return;
    // </form> takes the form element off the stack and leaves what was opened inside it open.
    if (name === "form") return this.remove(this.find(name, SCOPE));
    const boundaries = TABLE_PARTS.has(name)
      ? TABLE_SCOPE
      : name === "p"
        ? BUTTON_SCOPE
        : name === "li"
          ? LIST_SCOPE
          : SPECIAL.has(name)
            ? SCOPE
            : SPECIAL;
    this.popTo(this.find(name, boundaries));
  }

  /** What the tree builder closes by itself when this start tag comes (never more than it does). */
  private closeImplied(name: string): void {
    if (CLOSES_P.has(name)) this.popTo(this.find("p", BUTTON_SCOPE));
    if (name === "li") this.popTo(this.find("li", LIST_ITEM_STOP));
    else if (name === "dd" || name === "dt") this.popTo(this.find(DEFINITION, LIST_ITEM_STOP));
    else if (CELL.has(name)) this.popTo(this.find(CELL, ROW_STOP));
    else if (name === "tr") this.popTo(this.find(name, SECTION_STOP));
    else if (SECTION.has(name)) this.popTo(this.find(SECTION, TABLE_SCOPE));
    else if (HEADINGS.has(name) && HEADINGS.has(this.top())) this.popTo(this.open.length - 1);
    else if ((name === "option" || name === "optgroup") && this.top() === "option")
      this.popTo(this.open.length - 1);
  }

  private top(): string {
    return this.open[this.open.length - 1] ?? "";
  }

  /** The index of the topmost open element with this name (or one of these), searching down to the first boundary; -1 if none. */
  private find(names: string | ReadonlySet<string>, boundaries: ReadonlySet<string>): number {
    // Most searches are for an element that is not open at all: answered without a scan.
    if (!this.anyOpen(names)) return -1;
    for (let i = this.open.length - 1; i >= 0; i--) {
      const open = this.open[i];
      if (typeof names === "string" ? open === names : names.has(open)) return i;
      if (boundaries.has(open)) return -1;
    }
    return -1;
  }

  private anyOpen(names: string | ReadonlySet<string>): boolean {
    if (typeof names === "string") return Boolean(this.openCount.get(names));
    for (const name of names) if (this.openCount.get(name)) return true;
    return false;
  }

  private push(name: string): void {
    this.open.push(name);
    this.openCount.set(name, (this.openCount.get(name) ?? 0) + 1);
    if (FOREIGN.has(name)) this.foreign++;
    this.tokenizer.inForeignNode = this.foreign > 0;
  }

  private popTo(index: number): void {
    if (index < 0) return;
    while (this.open.length > index) {
      const name = this.open.pop()!;
      this.openCount.set(name, this.openCount.get(name)! - 1);
      if (FOREIGN.has(name)) this.foreign--;
    }
    this.tokenizer.inForeignNode = this.foreign > 0;
    // Whatever was cut for depth sat inside the element that stood at the bound; that one is closed now.
    if (this.open.length < this.maxDepth) this.cutOpen.clear();
  }

  private remove(index: number): void {
    if (index < 0) return;
    const [name] = this.open.splice(index, 1);
    this.openCount.set(name, this.openCount.get(name)! - 1);
  }

  private cut(token: Token.TagToken): void {
    if (token.location) this.cuts.push(token.location.startOffset, token.location.endOffset);
  }

  onComment(): void {}
  onDoctype(): void {}
  onEof(): void {}
  onCharacter(): void {}
  onNullCharacter(): void {}
  onWhitespaceCharacter(): void {}
}
