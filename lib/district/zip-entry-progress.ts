/**
 * How far a ZIP being downloaded has got, read from its bytes as they arrive: each entry begins with a
 * header holding its name, so once the next expected name has gone by, the entry before it is complete.
 * The names are the DOCX file names of the list the ZIP was asked for, in its order; inside each entry
 * is a DOCX whose own parts are named in ASCII (word/document.xml…), so a Chinese file name ending in
 * .docx is not found by chance in the data.
 */
export function zipEntryProgress(fileNames: readonly string[]) {
  const encoder = new TextEncoder();
  const names = fileNames.map((n) => encoder.encode(n));
  let begun = 0;
  let tail = new Uint8Array(0);
  return {
    /** Reads the next chunk; gives how many entries have begun so far (the last of them may be partial). */
    push(chunk: Uint8Array): number {
      const window = new Uint8Array(tail.length + chunk.length);
      window.set(tail);
      window.set(chunk, tail.length);
      let from = 0;
      while (begun < names.length) {
        const at = indexOf(window, names[begun], from);
        if (at < 0) break;
        from = at + names[begun].length;
        begun += 1;
      }
      // A name split across two chunks is found next time: keep what could be its beginning.
      const keep = begun < names.length ? names[begun].length - 1 : 0;
      tail = window.slice(Math.max(from, window.length - keep));
      return begun;
    },
  };
}

function indexOf(haystack: Uint8Array, needle: Uint8Array, from: number): number {
  const last = haystack.length - needle.length;
  outer: for (let i = from; i <= last; i++) {
    for (let j = 0; j < needle.length; j++) if (haystack[i + j] !== needle[j]) continue outer;
    return i;
  }
  return -1;
}
