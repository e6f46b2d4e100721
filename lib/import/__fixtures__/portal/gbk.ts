/**
 * Text as a GBK/GB2312 page stores it, for fixtures of portals that still serve GBK. Node has no GBK
 * encoder, so the table is built by decoding every two-byte GBK code once (TextDecoder knows GBK).
 */
let table: Map<string, [number, number]> | null = null;

function gbkTable(): Map<string, [number, number]> {
  if (table) return table;
  table = new Map();
  const decoder = new TextDecoder("gbk");
  for (let lead = 0x81; lead <= 0xfe; lead++) {
    for (let trail = 0x40; trail <= 0xfe; trail++) {
      if (trail === 0x7f) continue;
      const ch = decoder.decode(new Uint8Array([lead, trail]));
      if (ch.length === 1 && ch !== "\ufffd" && !table.has(ch)) table.set(ch, [lead, trail]);
    }
  }
  return table;
}

export function encodeGbk(text: string): Uint8Array {
  const codes = gbkTable();
  const out: number[] = [];
  for (const ch of text) {
    const code = ch.codePointAt(0)!;
    if (code < 0x80) {
      out.push(code);
      continue;
    }
    const pair = codes.get(ch);
    if (!pair) throw new Error(`GBK 无法表示字符 ${ch}（U+${code.toString(16)}）`);
    out.push(...pair);
  }
  return new Uint8Array(out);
}
