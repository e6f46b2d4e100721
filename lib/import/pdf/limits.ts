/** What the PDF reader takes on; beyond these it refuses with a message that states the limit. */
export interface PdfLimits {
  maxBytes: number;
  maxPages: number;
  maxMillis: number;
}

export const PDF_LIMITS: Readonly<PdfLimits> = {
  maxBytes: 10 * 1024 * 1024,
  maxPages: 60,
  maxMillis: 10_000,
};

/** Fewer readable characters than this in the whole file: there is no text layer. */
export const MIN_TEXT_CHARS = 20;
/** More than this share of undecodable characters (private-use glyphs, U+FFFD, controls): the text is garbage. */
export const MAX_GARBAGE_SHARE = 0.3;
