/**
 * Page numbers and running footers that a printed report puts between table rows and inside
 * paragraphs: `-3-`, `— 3 —`, `第3页 共6页`, `3 / 6`, `Page 3 of 6`. They are dropped before layout.
 * A bare number (`3`) is a page number only at the top or bottom of a page: inside a table it is a figure.
 */
const DECORATED = [
  /^[-—–－―~～]+\s*\d{1,4}\s*[-—–－―~～]+$/,
  /^第\s*\d{1,4}\s*页\s*[，,、]?\s*(?:共\s*\d{1,4}\s*页)?$/,
  /^共\s*\d{1,4}\s*页\s*[，,、]?\s*第\s*\d{1,4}\s*页$/,
  /^\d{1,4}\s*[/／]\s*\d{1,4}$/,
  /^page\s*\d{1,4}(?:\s*of\s*\d{1,4})?$/i,
];

export function isPageFurniture(text: string, atPageEdge = false): boolean {
  const t = text
    .normalize("NFKC")
    .replace(/[\s\u3000]+/g, " ")
    .trim();
  if (t === "" || t.length > 16) return false;
  if (atPageEdge && /^\d{1,4}$/.test(t)) return true;
  return DECORATED.some((re) => re.test(t));
}
