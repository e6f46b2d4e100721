/**
 * A readable diff of two texts for the history view: lines first (a paragraph kept is shown as kept),
 * then characters within the lines that changed — Chinese has no spaces, so words are characters.
 */
export interface TextPiece {
  kind: "same" | "ins" | "del";
  text: string;
}

/** Above this many comparisons a changed block is shown as deleted-then-inserted rather than by character. */
const MAX_CELLS = 4_000_000;

/** Longest common subsequence of two token lists, as pieces. */
function lcsPieces(a: string[], b: string[], join: string): TextPiece[] {
  const n = a.length;
  const m = b.length;
  if (n * m > MAX_CELLS) return [...piece("del", a.join(join)), ...piece("ins", b.join(join))];
  // lengths[i][j] = LCS of a[i..] and b[j..], one flat array.
  const width = m + 1;
  const lengths = new Uint32Array((n + 1) * width);
  for (let i = n - 1; i >= 0; i--) {
    for (let j = m - 1; j >= 0; j--) {
      lengths[i * width + j] =
        a[i] === b[j]
          ? lengths[(i + 1) * width + j + 1] + 1
          : Math.max(lengths[(i + 1) * width + j], lengths[i * width + j + 1]);
    }
  }
  const out: TextPiece[] = [];
  let i = 0;
  let j = 0;
  while (i < n || j < m) {
    if (i < n && j < m && a[i] === b[j]) {
      push(out, "same", a[i++]);
      j++;
    } else if (j < m && (i === n || lengths[i * width + j + 1] > lengths[(i + 1) * width + j])) {
      push(out, "ins", b[j++]);
    } else {
      push(out, "del", a[i++]);
    }
  }
  return out;
}

function piece(kind: TextPiece["kind"], text: string): TextPiece[] {
  return text ? [{ kind, text }] : [];
}

function push(out: TextPiece[], kind: TextPiece["kind"], text: string) {
  const last = out[out.length - 1];
  if (last && last.kind === kind) last.text += text;
  else out.push({ kind, text });
}

export function diffText(before: string, after: string): TextPiece[] {
  if (before === after) return piece("same", before);
  const a = before ? before.split(/(?<=\n)/) : [];
  const b = after ? after.split(/(?<=\n)/) : [];
  const byLine = lcsPieces(a, b, "");
  // Within each run of deleted lines followed by inserted lines, compare characters.
  const out: TextPiece[] = [];
  for (let k = 0; k < byLine.length; k++) {
    const p = byLine[k];
    const next = byLine[k + 1];
    if (p.kind === "del" && next?.kind === "ins") {
      for (const q of lcsPieces([...p.text], [...next.text], "")) push(out, q.kind, q.text);
      k++;
    } else {
      push(out, p.kind, p.text);
    }
  }
  return out;
}
