/**
 * How much of a text repeats another (X8: assessments deduct points for 与上年度重复率大于50%).
 *
 * The measure: both texts are cut into sentences (at 。！？； and line breaks); punctuation and
 * whitespace are dropped. A sentence of this year's text counts as repeated when its character-bigram
 * Dice coefficient with some sentence of last year's text is at least 0.8 — so a sentence copied with
 * only the year or a figure changed still counts. The share is the number of characters in repeated
 * sentences over all characters of this year's text (0 to 1).
 */

export const NEAR_COPY = 0.8;

const SENTENCE = /[。！？!?；;\n]+/;
const NOISE = /[\s\p{P}\p{S}]/gu;

interface Sentence {
  length: number;
  bigrams: Map<string, number>;
  size: number;
}

/** The characters of a text that say something: whitespace, punctuation and symbols removed. */
export function meaningfulText(text: string): string {
  return text.replace(NOISE, "");
}

function sentences(text: string): Sentence[] {
  const out: Sentence[] = [];
  for (const part of text.split(SENTENCE)) {
    const s = meaningfulText(part);
    if (s.length < 2) continue;
    const bigrams = new Map<string, number>();
    for (let i = 0; i + 1 < s.length; i++) {
      const b = s.slice(i, i + 2);
      bigrams.set(b, (bigrams.get(b) ?? 0) + 1);
    }
    out.push({ length: s.length, bigrams, size: s.length - 1 });
  }
  return out;
}

function dice(a: Sentence, b: Sentence): number {
  let shared = 0;
  const [small, large] = a.bigrams.size <= b.bigrams.size ? [a, b] : [b, a];
  for (const [bigram, n] of small.bigrams) shared += Math.min(n, large.bigrams.get(bigram) ?? 0);
  return (2 * shared) / (a.size + b.size);
}

/** Share (0–1) of `current`'s characters that lie in sentences (nearly) copied from `previous`. */
export function repeatedShare(current: string, previous: string): number {
  const now = sentences(current);
  const before = sentences(previous);
  const total = now.reduce((n, s) => n + s.length, 0);
  if (total === 0 || before.length === 0) return 0;
  let repeated = 0;
  for (const s of now) {
    // Sentences of very different length cannot reach the threshold: skip them cheaply.
    if (
      before.some(
        (p) =>
          Math.min(p.size, s.size) * 2 >= NEAR_COPY * (p.size + s.size) && dice(s, p) >= NEAR_COPY,
      )
    ) {
      repeated += s.length;
    }
  }
  return repeated / total;
}
