/**
 * Text from drafts and imports can hold characters that XML 1.0 cannot carry (C0 controls, lone
 * surrogates, U+FFFE/U+FFFF): one of them makes Word refuse the whole file. They are dropped here,
 * before either renderer sees the text; everything printable, emoji included, is kept.
 */
// Tab (U+0009), LF and CR are allowed by XML; they are handled as layout by `paragraphsOf`.
const XML_INVALID = /[\u0000-\u0008\u000B\u000C\u000E-\u001F\uFFFE\uFFFF]|[\uD800-\uDFFF]/gu;

/** The text with every character XML 1.0 forbids removed (with the `u` flag only unpaired surrogates match). */
export function sanitizeText(text: string): string {
  return text.replace(XML_INVALID, "");
}

/** One line of text: sanitised, line breaks and tabs as spaces, trimmed. */
export function sanitizeLine(text: string): string {
  return sanitizeText(text)
    .replace(/[\t\r\n]+/g, " ")
    .trim();
}

/** The paragraphs of a multi-line text: sanitised, one per non-blank line, outer whitespace (incl. U+3000) trimmed. */
export function paragraphsOf(text: string): string[] {
  return sanitizeText(text)
    .split(/\r\n|\r|\n/)
    .map((line) => line.replace(/\t/g, " ").replace(/^[\s\u3000]+|[\s\u3000]+$/g, ""))
    .filter((line) => line !== "");
}
