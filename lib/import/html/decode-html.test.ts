import { describe, expect, it } from "vitest";
import { encodeGbk } from "../__fixtures__/portal/gbk";
import { declaredCharset, decodeHtml } from "./decode-html";

const TEXT = "二、主动公开政府信息情况　（单位：万元）—〔2021〕";
const utf8 = (s: string) => new TextEncoder().encode(s);
const concat = (...parts: Uint8Array[]) => {
  const out = new Uint8Array(parts.reduce((n, p) => n + p.length, 0));
  let at = 0;
  for (const p of parts) {
    out.set(p, at);
    at += p.length;
  }
  return out;
};

describe("decodeHtml", () => {
  it("decodes a GB2312 page by its http-equiv Content-Type", () => {
    const page = `<html><head><meta http-equiv="Content-Type" content="text/html; charset=gb2312"></head><body><p>${TEXT}</p></body></html>`;
    expect(decodeHtml(encodeGbk(page))).toBe(page);
  });

  it("decodes a GBK page by <meta charset>, quoted or not, in any case", () => {
    for (const meta of [
      `<meta charset="GBK">`,
      `<meta charset=gbk>`,
      `<META CHARSET='gb18030'>`,
      `<meta charset="x-gbk"/>`,
    ]) {
      const page = `<head>${meta}</head><p>${TEXT}</p>`;
      expect(decodeHtml(encodeGbk(page)), meta).toBe(page);
    }
  });

  it("decodes an XHTML page by its XML declaration", () => {
    const page = `<?xml version="1.0" encoding="GB2312"?><html><body>${TEXT}</body></html>`;
    expect(decodeHtml(encodeGbk(page))).toBe(page);
  });

  it("finds the declaration after Word's long head (within the first 4 KB)", () => {
    const page = `<html xmlns:o="urn:schemas-microsoft-com:office:office"><head><!--[if gte mso 9]><xml>${"<o:x>1</o:x>".repeat(200)}</xml><![endif]--><meta http-equiv=Content-Type content="text/html; charset=gb2312"></head><p>${TEXT}</p></html>`;
    expect(page.indexOf("charset")).toBeGreaterThan(1024);
    expect(decodeHtml(encodeGbk(page))).toBe(page);
  });

  it("without a declaration: UTF-8 when the bytes are UTF-8, else GB18030", () => {
    const page = `<p>${TEXT}</p>`;
    expect(decodeHtml(utf8(page))).toBe(page);
    expect(decodeHtml(encodeGbk(page))).toBe(page);
  });

  it("a byte-order mark wins over the declaration", () => {
    const page = `<meta charset="gb2312"><p>${TEXT}</p>`;
    expect(decodeHtml(concat(new Uint8Array([0xef, 0xbb, 0xbf]), utf8(page)))).toBe(page);
    const utf16 = new Uint8Array([
      0xff,
      0xfe,
      ...Array.from(page).flatMap((ch) => [ch.charCodeAt(0) & 0xff, ch.charCodeAt(0) >> 8]),
    ]);
    expect(decodeHtml(utf16)).toBe(page);
  });

  it("a page re-encoded to UTF-8 that still declares GB2312 is read as UTF-8 (its bytes cannot be GBK text)", () => {
    const page = `<meta http-equiv="Content-Type" content="text/html; charset=gb2312"><p>${TEXT}</p>`;
    expect(decodeHtml(utf8(page))).toBe(page);
  });

  it("an unknown or impossible declaration is ignored", () => {
    expect(declaredCharset(utf8(`<meta charset="klingon">`))).toBeNull();
    expect(declaredCharset(utf8(`<meta charset="utf-16">`))).toBe("utf-8");
    expect(declaredCharset(utf8(`<meta charset="gb2312">`))).toBe("gbk");
    const page = `<meta charset="klingon"><p>${TEXT}</p>`;
    expect(decodeHtml(encodeGbk(page))).toBe(page);
  });

  it("a UTF-8 page with a broken byte or two stays UTF-8 (GBK read as UTF-8 breaks at every character)", () => {
    const page = `<meta charset="utf-8"><p>${TEXT.repeat(5)}</p>`;
    const damaged = concat(utf8(page), new Uint8Array([0xe4, 0xb8]), utf8("<p>结尾</p>"));
    expect(decodeHtml(damaged)).toBe(`${page}\ufffd<p>结尾</p>`);
    expect(decodeHtml(encodeGbk(`<meta charset="utf-8"><p>${TEXT}</p>`))).toBe(
      `<meta charset="utf-8"><p>${TEXT}</p>`,
    );
  });

  it("never throws on bytes that are not text", () => {
    const noise = new Uint8Array(4096).map((_, i) => (i * 131 + 7) % 256);
    expect(typeof decodeHtml(noise)).toBe("string");
    expect(typeof decodeHtml(concat(utf8(`<meta charset="utf-8">`), noise))).toBe("string");
  });
});
