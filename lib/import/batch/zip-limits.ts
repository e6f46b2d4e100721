/** The caps of a batch of reports sent as a ZIP (kept apart from the reader so pages can show them without loading jszip). */
export const ZIP_LIMITS = {
  /** Files in one archive (and in one batch). */
  entries: 200,
  /** One file, inflated. */
  entryBytes: 10 * 1024 * 1024,
  /** All files of the archive, inflated. */
  totalBytes: 100 * 1024 * 1024,
};

export type ZipLimits = typeof ZIP_LIMITS;

export function isZipName(fileName: string): boolean {
  return /\.zip$/i.test(fileName);
}
