import { readFile } from "node:fs/promises";
import { basename } from "node:path";
import { importBytes, ImportRefusedError, isImportable } from "./import-bytes";
import type { ImportResult, ImportTextOptions } from "./types";

export { IMPORTABLE_EXTENSIONS, decodeText } from "./import-bytes";

/** Import a report file from disk, through the same dispatch as uploads (`previous`: last year's report, when known). */
export async function importFile(
  path: string,
  options: Pick<ImportTextOptions, "previous"> = {},
): Promise<ImportResult> {
  const fileName = basename(path);
  // Refuse an unsupported kind before reading it: the file may be large or not a file at all.
  if (!isImportable(fileName)) return importBytes(fileName, new Uint8Array());
  return importBytes(fileName, new Uint8Array(await readFile(path)), options);
}

export { ImportRefusedError };
