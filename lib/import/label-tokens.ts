import { labelIndex, type LabelKind } from "./label-index";

/**
 * Where the format's table labels occur inside a line of text, whatever the width of its brackets
 * and digits and the spaces inside it: `( 三 ) 不予公开`, `（三）不予公开` and `(三)不予公开` are the
 * same label. Used to find the table rows of text whose line breaks were lost.
 */
export interface LabelToken {
  /** Offsets in the line: the label with its brackets and quotes, [start, end). */
  start: number;
  end: number;
  /** Kinds the label has in either format (a label may be a row in one and a group in the other). */
  kinds: ReadonlySet<LabelKind>;
}

interface KeyEntry {
  key: string;
  kinds: Set<LabelKind>;
}

let byPrefix: Map<number, KeyEntry[]> | null = null;

/** The first two characters of a key as one number: a map lookup per position without a new string. */
function prefixOf(key: string, at: number): number {
  return key.charCodeAt(at) * 0x10000 + key.charCodeAt(at + 1);
}

/** Every label of both formats by its first two key characters, longest first. */
function entriesByPrefix(): Map<number, KeyEntry[]> {
  if (byPrefix) return byPrefix;
  const byKey = new Map<string, KeyEntry>();
  for (const id of ["2021", "2019"] as const) {
    for (const e of labelIndex(id).entries) {
      if (e.key.length < 2) continue;
      const entry = byKey.get(e.key) ?? { key: e.key, kinds: new Set<LabelKind>() };
      entry.kinds.add(e.kind);
      byKey.set(e.key, entry);
    }
  }
  byPrefix = new Map();
  for (const entry of byKey.values()) {
    const prefix = prefixOf(entry.key, 0);
    byPrefix.set(
      prefix,
      [...(byPrefix.get(prefix) ?? []), entry].sort((a, b) => b.key.length - a.key.length),
    );
  }
  return byPrefix;
}

/**
 * The line's key characters (Han, Latin letters, digits; full-width forms made half-width, 其它
 * read as 其他) with the offset of each in the line — the same reading labelKey gives a label.
 */
function keyOf(line: string): { key: string; offsets: Int32Array } {
  let key = "";
  const offsets = new Int32Array(line.length);
  for (let i = 0; i < line.length; i++) {
    let ch = line[i];
    const code = ch.charCodeAt(0);
    if (code >= 0xff01 && code <= 0xff5e) ch = String.fromCharCode(code - 0xfee0);
    const c = ch.charCodeAt(0);
    const keep =
      (c >= 0x30 && c <= 0x39) ||
      (c >= 0x41 && c <= 0x5a) ||
      (c >= 0x61 && c <= 0x7a) ||
      (c >= 0x3400 && c <= 0x9fff) ||
      (c >= 0xf900 && c <= 0xfaff);
    if (!keep) continue;
    if (ch === "它" && key.endsWith("其")) ch = "他";
    offsets[key.length] = i;
    key += ch;
  }
  return { key, offsets };
}

const OPENING = /[（(“"‘'《〈「『【\[]/;
const CLOSING = /[）)”"’'》〉」』】\]]/;

/**
 * The labels in the line, left to right, the longest at each place, never overlapping. A label
 * that starts with a digit is taken even right after a figure (`142.其他法律行政法规禁止公开` is
 * 14 and the row 2.…): text that lost its line breaks glues them so, and no figure is followed by
 * a label's words otherwise.
 */
export function findLabels(line: string): LabelToken[] {
  const { key, offsets } = keyOf(line);
  const prefixes = entriesByPrefix();
  const tokens: LabelToken[] = [];
  for (let j = 0; j < key.length - 1;) {
    const found = prefixes.get(prefixOf(key, j))?.find((e) => key.startsWith(e.key, j));
    if (!found) {
      j++;
      continue;
    }
    let start = offsets[j];
    let end = offsets[j + found.key.length - 1] + 1;
    // Brackets and quotes around the label belong to it (`（三）不予公开`, `3.危及“三安全一稳定”`).
    while (start > 0 && OPENING.test(line[start - 1])) start--;
    while (end < line.length && CLOSING.test(line[end])) end++;
    if (tokens.length > 0 && start < tokens[tokens.length - 1].end)
      start = tokens[tokens.length - 1].end;
    tokens.push({ start, end, kinds: found.kinds });
    j += found.key.length;
  }
  return tokens;
}
