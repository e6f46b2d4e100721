import { LABEL_ORDINAL } from "./cells";
import type { LayoutScale, Word } from "./types";
import { joinWords } from "./cells";

/**
 * The label area of one line of a table without rules, split into the row label (the leaf) and the
 * group headings printed to its left (`三、本年度办理结果`, `（三）不予公开`, set in narrow merged
 * cells that wrap one or two characters a line). Only the leaf is kept: the matcher finds rows by
 * their own label, and a group heading cut into pieces would read as a misprinted label.
 */
export interface LabelLine {
  leaf: string;
  leafX0: number | null;
  groupX0: number | null;
}

const BARE_ORDINAL = new RegExp(`${LABEL_ORDINAL.source}$`);

export function splitLabelLanes(words: Word[][], scale: LayoutScale): LabelLine[] {
  const out: LabelLine[] = [];
  let lastLeafX: number | null = null;
  let lastGroupX: number | null = null;
  for (const tokens of words) {
    if (tokens.length === 0) {
      out.push({ leaf: "", leafX0: null, groupX0: null });
      continue;
    }
    let leafFrom: number;
    if (tokens.length === 1) {
      leafFrom = isGroupFragment(tokens[0], lastLeafX, lastGroupX, scale) ? 1 : 0;
    } else {
      let ordinalAt = -1;
      for (let i = tokens.length - 1; i >= 1; i--) {
        if (LABEL_ORDINAL.test(tokens[i].text)) {
          ordinalAt = i;
          break;
        }
      }
      if (ordinalAt >= 1) leafFrom = ordinalAt;
      else if (BARE_ORDINAL.test(tokens[0].text) && tokens.length === 2)
        // `（一） 予以公开` is one label; `（三） 权益` with `权益` under the row labels above is the
        // opening of a group heading beside the wrapped end of a row label.
        leafFrom = continuesLeaf(tokens, lastLeafX, scale) ? 1 : 0;
      else leafFrom = tokens.length - 1;
    }
    const leafTokens = tokens.slice(leafFrom);
    const groupTokens = tokens.slice(0, leafFrom);
    const line: LabelLine = {
      leaf: joinWords(leafTokens, scale),
      leafX0: leafTokens.length > 0 ? leafTokens[0].x0 : null,
      groupX0: groupTokens.length > 0 ? groupTokens[0].x0 : null,
    };
    if (line.leafX0 !== null) lastLeafX = line.leafX0;
    if (line.groupX0 !== null) lastGroupX = line.groupX0;
    out.push(line);
  }
  return out;
}

function continuesLeaf(tokens: Word[], lastLeafX: number | null, scale: LayoutScale): boolean {
  return (
    lastLeafX !== null &&
    Math.abs(tokens[1].x0 - lastLeafX) <= scale.em &&
    tokens[0].x0 < lastLeafX - scale.em
  );
}

/** A lone short piece nearer the group column than the label column: part of a wrapped group heading (`果`, `开`). */
function isGroupFragment(
  token: Word,
  lastLeafX: number | null,
  lastGroupX: number | null,
  scale: LayoutScale,
): boolean {
  // A row label is never an ordinal alone: `（四）` by itself opens a group heading.
  if (BARE_ORDINAL.test(token.text)) return true;
  if ([...token.text].length > 3 || LABEL_ORDINAL.test(token.text)) return false;
  if (lastGroupX === null) return lastLeafX !== null && token.x0 < lastLeafX - scale.em;
  if (lastLeafX === null) return true;
  return Math.abs(token.x0 - lastGroupX) < Math.abs(token.x0 - lastLeafX);
}
