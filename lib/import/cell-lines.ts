import { findLabels } from "./label-tokens";
import { isValueText } from "./values";

/**
 * Tables whose every cell came out as a line (or paragraph) of its own, without TABs: what a
 * browser copies from a portal page whose cells hold `<p>` paragraphs, what `pdftotext` gives
 * without -layout, what copying a table from many PDF viewers gives. The rows are lost, and so are
 * blank cells, but the labels are known: a run of such lines is joined into one line of cells,
 * which read-run-on.ts cuts into rows again at each row label.
 */
export function joinCellLines(lines: string[]): string[] {
  const out: string[] = [];
  for (let i = 0; i < lines.length; ) {
    const run = isLabelLine(lines[i]) ? cellRun(lines, i) : null;
    if (!run) {
      out.push(lines[i]);
      i++;
      continue;
    }
    out.push(run.cells.join(" "));
    i = run.end;
  }
  return out;
}

/** A line between cells that carries nothing: empty, or the TAB a browser puts between `<p>` cells. */
const SEPARATOR = /^[\t \u3000\u00a0]*$/;
const MAX_UNKNOWN = 12;
const PROSE = /[。！？；，、,;!?：:]/;
const ORDINAL_START = /^(?:[一二三四五六七八九十]{1,3}\s*[、.．]|第[一二三四五六七八九十]+部分)/;

/** The run of cell lines starting at `start`, when it is clearly a table: two labels and a figure, or four labels. */
function cellRun(lines: string[], start: number): { cells: string[]; end: number } | null {
  const cells: string[] = [];
  let labels = 0;
  let figures = 0;
  let end = start;
  for (let k = start; k < lines.length; k++) {
    const line = lines[k];
    if (SEPARATOR.test(line)) continue;
    if (line.startsWith("\t")) break;
    const text = line.trim();
    if (isLabelLine(line)) labels++;
    else if (text.split(/[ \u3000\u00a0]+/).every((w) => isValueText(w))) figures++;
    else if (text.length > MAX_UNKNOWN || PROSE.test(text) || ORDINAL_START.test(text)) break;
    cells.push(text);
    end = k + 1;
  }
  // A table printed without a single figure still has its header: four labels in a row.
  return (labels >= 2 && figures >= 1) || labels >= 4 ? { cells, end } : null;
}

/** A plain line that is one of the format's table labels and nothing else. */
function isLabelLine(line: string): boolean {
  if (line.startsWith("\t")) return false;
  const text = line.trim();
  if (text === "" || text.length > 80) return false;
  const tokens = findLabels(text);
  return tokens.length === 1 && tokens[0].start === 0 && tokens[0].end === text.length;
}
