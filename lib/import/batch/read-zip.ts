/**
 * A ZIP of published reports, opened with caps: a district uploads its units' reports as one archive,
 * and an archive is also the classic way to hide a huge or endless input (a ZIP bomb). Entries are
 * inflated one at a time and counted while they inflate, so an entry that swells past its cap is cut
 * off at the chunk that crosses it, whatever its header claims. Pure (browser and server).
 */
import JSZip from "jszip";
import { ZIP_LIMITS, type ZipLimits } from "./zip-limits";

export { ZIP_LIMITS, isZipName, type ZipLimits } from "./zip-limits";

export interface ZippedFile {
  /** `archive.zip/folder/name.docx`: names the archive and the entry. */
  name: string;
  bytes: Uint8Array;
}

export interface RefusedEntry {
  name: string;
  /** Chinese, names the file. */
  reason: string;
}

/** The whole archive cannot be read (not a ZIP, too many entries); the message is Chinese and names it. */
export class ZipRefusedError extends Error {
  constructor(message: string) {
    super(message);
    this.name = "ZipRefusedError";
  }
}

const ARCHIVE_NAME = /\.(zip|rar|7z|tar|gz|tgz|bz2|xz)$/i;
/** What archivers and desktops add beside the files: not reports, not worth a line. */
const CLUTTER = /(^|\/)(__MACOSX\/|\.DS_Store$|Thumbs\.db$|desktop\.ini$|\._)/i;

const mb = (bytes: number) => `${Math.round(bytes / 1024 / 1024)} MB`;

/** Entry names as Chinese PCs write them: UTF-8 when flagged, otherwise usually GBK (GB18030 covers it). */
function decodeName(bytes: string[] | Uint8Array | Buffer): string {
  const raw =
    bytes instanceof Uint8Array
      ? bytes
      : Uint8Array.from(bytes as string[], (c) => c.charCodeAt(0));
  try {
    return new TextDecoder("utf-8", { fatal: true }).decode(raw);
  } catch {
    return new TextDecoder("gb18030").decode(raw);
  }
}

/** jszip's stream of one entry's inflated bytes (public in its docs, missing from its typings). */
interface EntryStream {
  on(event: "data", fn: (chunk: Uint8Array) => void): EntryStream;
  on(event: "error", fn: (error: Error) => void): EntryStream;
  on(event: "end", fn: () => void): EntryStream;
  resume(): EntryStream;
  pause(): EntryStream;
}

/** The entry's bytes, or null as soon as more than `cap` bytes have come out. */
function inflateCapped(entry: JSZip.JSZipObject, cap: number): Promise<Uint8Array | null> {
  return new Promise((resolve, reject) => {
    const chunks: Uint8Array[] = [];
    let size = 0;
    let settled = false;
    const stream = (
      entry as unknown as { internalStream(type: "uint8array"): EntryStream }
    ).internalStream("uint8array");
    stream
      .on("data", (chunk) => {
        if (settled) return;
        size += chunk.length;
        if (size > cap) {
          settled = true;
          stream.pause();
          resolve(null);
          return;
        }
        chunks.push(chunk);
      })
      .on("error", (error) => {
        if (settled) return;
        settled = true;
        reject(error);
      })
      .on("end", () => {
        if (settled) return;
        settled = true;
        const out = new Uint8Array(size);
        let at = 0;
        for (const c of chunks) {
          out.set(c, at);
          at += c.length;
        }
        resolve(out);
      })
      .resume();
  });
}

/**
 * The files of a ZIP, each with its path inside the archive. Entries that cannot be taken (a nested
 * archive, one over the size cap, one past the archive's total cap, a damaged one) are listed with
 * the reason instead of stopping the others.
 */
export async function readReportZip(
  zipName: string,
  bytes: Uint8Array | ArrayBuffer,
  limits: ZipLimits = ZIP_LIMITS,
): Promise<{ files: ZippedFile[]; refused: RefusedEntry[] }> {
  let zip: JSZip;
  try {
    zip = await JSZip.loadAsync(bytes, { decodeFileName: decodeName });
  } catch {
    throw new ZipRefusedError(`${zipName}：不是有效的ZIP压缩包，无法解压。`);
  }
  const entries = Object.values(zip.files).filter((e) => !e.dir && !CLUTTER.test(e.name));
  if (entries.length === 0) throw new ZipRefusedError(`${zipName}：压缩包中没有文件。`);
  if (entries.length > limits.entries) {
    throw new ZipRefusedError(
      `${zipName}：压缩包中有${entries.length}个文件，超过上限${limits.entries}个，请分成几个压缩包上传。`,
    );
  }
  const files: ZippedFile[] = [];
  const refused: RefusedEntry[] = [];
  let total = 0;
  for (const entry of entries) {
    const name = `${zipName}/${entry.name}`;
    if (ARCHIVE_NAME.test(entry.name)) {
      refused.push({
        name,
        reason: `${name}：压缩包中不能再套压缩包，请解压后直接上传其中的报告。`,
      });
      continue;
    }
    const room = limits.totalBytes - total;
    if (room <= 0) {
      refused.push({
        name,
        reason: `${name}：未检查，压缩包解压后总大小已超过${mb(limits.totalBytes)}，请分成几个压缩包上传。`,
      });
      continue;
    }
    let data: Uint8Array | null;
    try {
      data = await inflateCapped(entry, Math.min(limits.entryBytes, room));
    } catch {
      refused.push({ name, reason: `${name}：压缩包中的这个文件已损坏，无法解压。` });
      continue;
    }
    if (data === null) {
      const reason =
        room < limits.entryBytes
          ? `${name}：未检查，压缩包解压后总大小超过${mb(limits.totalBytes)}，请分成几个压缩包上传。`
          : `${name}：解压后超过${mb(limits.entryBytes)}，不是一份年度报告的大小，未检查。`;
      refused.push({ name, reason });
      if (room < limits.entryBytes) total = limits.totalBytes;
      continue;
    }
    if (data[0] === 0x50 && data[1] === 0x4b && !/\.(docx|xlsx|pptx|odt)$/i.test(entry.name)) {
      refused.push({
        name,
        reason: `${name}：这是一个压缩包，压缩包中不能再套压缩包，请解压后直接上传其中的报告。`,
      });
      continue;
    }
    total += data.length;
    files.push({ name, bytes: data });
  }
  return { files, refused };
}
