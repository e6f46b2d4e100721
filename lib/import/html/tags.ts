/** Elements whose content is not report text: scripts, styles, forms, embedded objects, navigation, footers. */
export const SKIP_TAGS = new Set([
  "script", "style", "noscript", "template", "head", "title", "iframe", "svg", "math", "button", "select", "input", "textarea",
  "nav", "footer", "object", "embed", "canvas", "map", "xml",
]);

/** Elements that end a paragraph (or a line, in a cell) where they begin and where they end. */
export const BLOCK_TAGS = new Set([
  "p", "div", "section", "article", "main", "aside", "header", "body", "html", "blockquote", "center", "ul", "ol", "li",
  "dl", "dt", "dd", "form", "figure", "figcaption", "pre", "address", "hr", "h1", "h2", "h3", "h4", "h5", "h6",
  "table", "tr", "td", "th", "tbody", "thead", "tfoot", "caption", "fieldset", "legend", "details", "summary",
]);
