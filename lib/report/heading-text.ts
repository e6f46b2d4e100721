/**
 * Level-2 headings as offices type them — half-width brackets, a bracket of each width, spaces
 * after the ordinal: `(一) 主动公开方面。`, `（二)依法…` — written the one official way,
 * `（一）主动公开方面。`. Only an ordinal of 一 to 十 at the very start of a line is touched.
 */
const LOOSE_SUBHEADING =
  /^[ \t\u3000]*[（(][ \t\u3000]*([一二三四五六七八九十])[ \t\u3000]*[）)][ \t\u3000]*/;

export function normalizeSubheading(line: string): string {
  const m = LOOSE_SUBHEADING.exec(line);
  if (!m) return line;
  return `（${m[1]}）${line.slice(m[0].length)}`;
}

/** Every line of a text with its level-2 heading normalised (line breaks kept). */
export function normalizeSubheadings(text: string): string {
  return text
    .split(/(\r\n|\r|\n)/)
    .map((part, i) => (i % 2 === 0 ? normalizeSubheading(part) : part))
    .join("");
}
