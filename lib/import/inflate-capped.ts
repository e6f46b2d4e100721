import type JSZip from "jszip";

/** What to throw when an entry passes its cap, the archive passes its budget, or it does not inflate. */
export interface InflateRefusals {
  overEntry: () => Error;
  overTotal: () => Error;
  broken: () => Error;
}

/**
 * An archive entry's bytes, inflated as a stream and abandoned as soon as they pass `cap` or what is
 * left of the archive's `budget` (which it then spends), so a zip bomb costs no more than the caps.
 */
export function inflateCapped(
  entry: JSZip.JSZipObject,
  cap: number,
  budget: { left: number },
  refusals: InflateRefusals,
): Promise<Uint8Array> {
  return new Promise((resolve, reject) => {
    const stream = entry.nodeStream("nodebuffer");
    const chunks: Buffer[] = [];
    let size = 0;
    let settled = false;
    const refuse = (error: Error) => {
      if (settled) return;
      settled = true;
      // No more reads: JSZip inflates only as the stream is read, so the rest is never inflated.
      stream.pause();
      stream.removeAllListeners("data");
      reject(error);
    };
    stream.on("data", (chunk: Buffer) => {
      size += chunk.length;
      if (size > cap) refuse(refusals.overEntry());
      else if (size > budget.left) refuse(refusals.overTotal());
      else chunks.push(chunk);
    });
    // A damaged archive: the entry's compressed data does not inflate.
    stream.on("error", () => refuse(refusals.broken()));
    stream.on("end", () => {
      if (settled) return;
      settled = true;
      budget.left -= size;
      resolve(Buffer.concat(chunks, size));
    });
  });
}
