// Fuzzing the importer: random text (fragments of the published samples, random unicode),
// random HTML-ish markup (deep nesting, absurd spans) and random bytes as DOCX (plain noise, damaged
// real DOCX files, and zips whose word/document.xml is random WordprocessingML). The importer never
// throws for text or HTML; for a DOCX it either reads it or refuses it cleanly with a DocxReadError
// (the upload route's 400) — never a TypeError, a RangeError or a zip/XML library's own error. Every
// run ends within 1 s.
import { readdirSync, readFileSync } from "node:fs";
import { join } from "node:path";
import fc from "fast-check";
import JSZip from "jszip";
import { beforeAll, describe, expect, it, vi } from "vitest";
import { renderDocx } from "@/lib/export";
import { fullReport } from "@/lib/report/__fixtures__/full-report";
import {
  DocxReadError,
  importDocx,
  importHtml,
  importText,
  toTablesJson,
  type ImportResult,
} from "@/lib/import";
import { SAMPLES_DIR } from "@/prisma/seed-data/samples-dir";

// A hang fails through this timeout; generous, because a loaded CI machine is slow, not wrong.
vi.setConfig({ testTimeout: 120_000 });
// Seeded, so a failure reproduces; FC_SEED=… explores other inputs.
const seed = Number(process.env.FC_SEED ?? 20260109);
const SAMPLES = readdirSync(SAMPLES_DIR)
  .filter((f) => f.endsWith(".txt"))
  .map((f) => readFileSync(join(SAMPLES_DIR, f), "utf8"));

function wellFormed(result: ImportResult): void {
  expect(["2021", "2019"]).toContain(result.format);
  expect(result.cellsRead).toBeGreaterThanOrEqual(0);
  for (const f of result.findings) {
    expect(typeof f.message).toBe("string");
    expect(f.message.length).toBeGreaterThan(0);
  }
  expect(toTablesJson(result.content).appeals).toHaveLength(15);
}

// How long an import takes is measured by `npm run bench`, never asserted here: a loaded machine
// would fail a correct importer. A hang still fails, through the test's own timeout.
function timed<T>(run: () => T): T {
  return run();
}

/** A DOCX import either succeeds or is refused with DocxReadError; anything else is a crash. */
async function docxOutcome(bytes: Uint8Array): Promise<"read" | "refused"> {
  let outcome: "read" | "refused";
  try {
    wellFormed(await importDocx(bytes));
    outcome = "read";
  } catch (error) {
    if (!(error instanceof DocxReadError)) throw error;
    expect(error.message.length).toBeGreaterThan(0);
    outcome = "refused";
  }
  return outcome;
}

// ——— generators ———

/** A slice of one of the five published samples. */
const sampleFragment = fc
  .record({
    sample: fc.nat({ max: SAMPLES.length - 1 }),
    start: fc.nat(),
    length: fc.nat({ max: 3000 }),
  })
  .map(({ sample, start, length }) => {
    const text = SAMPLES[sample];
    const from = start % text.length;
    return text.slice(from, from + length);
  });

/** Any unicode, including lone surrogates, controls and astral characters. */
const anyUnicode = fc.oneof(
  fc.string({ unit: "binary", maxLength: 300 }),
  fc.string({ unit: "grapheme", maxLength: 100 }),
  fc.string({
    unit: fc.integer({ min: 0, max: 0xffff }).map((c) => String.fromCharCode(c)),
    maxLength: 200,
  }),
);

const reportWords = fc.constantFrom(
  "一、总体情况",
  "二、主动公开政府信息情况",
  "三、收到和处理政府信息公开申请情况",
  "四、政府信息公开行政复议、行政诉讼情况",
  "五、存在的主要问题及改进情况",
  "六、其他需要报告的事项",
  "（七）总计",
  "自然人",
  "商业企业",
  "第二十条第（一）项",
  "行政许可",
  "信息内容",
  "本年新制作数量",
  "0",
  "12",
  "-3",
  "1.5",
  "１２",
  "—",
  "\t",
  "\n",
  "\r\n",
  " ",
  "　",
  "2025年",
  "二〇二五年",
  "万元",
);

const randomText = fc
  .array(
    fc.oneof(
      { weight: 3, arbitrary: sampleFragment },
      { weight: 2, arbitrary: anyUnicode },
      { weight: 3, arbitrary: reportWords },
    ),
    { maxLength: 40 },
  )
  .map((parts) => parts.join(""));

const spanValue = fc.oneof(
  fc.integer({ min: -5, max: 5 }).map(String),
  fc.constantFrom("0", "99999", "1e9", "NaN", "", "2.5", "-0", "0x10", " 3 ", "１"),
);
const tagName = fc.constantFrom(
  "table",
  "tbody",
  "thead",
  "tr",
  "td",
  "th",
  "p",
  "div",
  "span",
  "br",
  "h1",
  "h3",
  "li",
  "ul",
  "script",
  "style",
  "nav",
  "caption",
  "font",
  "b",
);
const openTag = fc
  .record({
    tag: tagName,
    rowspan: fc.option(spanValue),
    colspan: fc.option(spanValue),
    cls: fc.option(fc.constantFrom("footer", "nav", "content", "TRS_Editor")),
  })
  .map(
    ({ tag, rowspan, colspan, cls }) =>
      `<${tag}${rowspan !== null ? ` rowspan="${rowspan}"` : ""}${colspan !== null ? ` colspan=${colspan}` : ""}${cls !== null ? ` class="${cls}"` : ""}>`,
  );
const htmlToken = fc.oneof(
  { weight: 4, arbitrary: openTag },
  { weight: 3, arbitrary: tagName.map((t) => `</${t}>`) },
  { weight: 3, arbitrary: reportWords },
  { weight: 2, arbitrary: sampleFragment.map((s) => s.slice(0, 200)) },
  { weight: 1, arbitrary: anyUnicode },
  {
    weight: 1,
    arbitrary: fc.constantFrom(
      "&nbsp;",
      "&amp;",
      "&#12345;",
      "&#x1F600;",
      "&bogus;",
      "<!-- x",
      "-->",
      "<![CDATA[",
      "]]>",
      "<",
      ">",
      "<td",
      '="',
      "<?xml?>",
      "<!DOCTYPE html>",
    ),
  },
);
const randomHtml = fc.array(htmlToken, { maxLength: 300 }).map((parts) => parts.join(""));

/** Markup nested thousands deep: a reader that recurses per level must not overflow the stack. */
const deepHtml = fc
  .record({
    depth: fc.integer({ min: 8000, max: 12000 }), // the recursive reader overflowed from about 7000
    tag: fc.constantFrom("div", "span", "table", "td", "p", "b", "li", "tbody"),
    inside: fc.constantFrom("", "<table><tr><td>", "<table>", "<h2>", "<table><tr><td><table>"),
    text: reportWords,
  })
  .map(
    ({ depth, tag, inside, text }) =>
      inside + `<${tag}>`.repeat(depth) + text + `</${tag}>`.repeat(depth),
  );

const wText = fc
  .oneof(
    reportWords,
    sampleFragment.map((s) => s.slice(0, 120)),
    anyUnicode,
  )
  .map((s) => s.replace(/&/g, "&amp;").replace(/</g, "&lt;"));
const wOpen = fc.constantFrom(
  "<w:p>",
  "<w:r>",
  "<w:t>",
  '<w:t xml:space="preserve">',
  "<w:tbl>",
  "<w:tr>",
  "<w:tc>",
  "<w:tcPr>",
  "<w:trPr>",
  "<w:pPr>",
  "<w:sdt>",
  "<w:sdtContent>",
  "<w:ins>",
  "<w:del>",
  "<w:hyperlink>",
  "<mc:AlternateContent>",
  "<mc:Fallback>",
  "<w:smartTag>",
);
const wClose = fc.constantFrom(
  "</w:p>",
  "</w:r>",
  "</w:t>",
  "</w:tbl>",
  "</w:tr>",
  "</w:tc>",
  "</w:tcPr>",
  "</w:trPr>",
  "</w:pPr>",
  "</w:sdt>",
  "</w:sdtContent>",
  "</w:ins>",
  "</w:hyperlink>",
);
const wEmpty = fc.oneof(
  spanValue.map((v) => `<w:gridSpan w:val="${v}"/>`),
  spanValue.map((v) => `<w:gridBefore w:val="${v}"/>`),
  fc.constantFrom(
    '<w:vMerge w:val="restart"/>',
    "<w:vMerge/>",
    "<w:tab/>",
    "<w:br/>",
    "<w:cr/>",
    '<w:pStyle w:val="Heading1"/>',
    '<w:outlineLvl w:val="0"/>',
    "<w:noBreakHyphen/>",
  ),
);
const xmlNoise = fc.constantFrom(
  "<",
  ">",
  "&",
  "&bogus;",
  "&#0;",
  "&#xD800;",
  '<!DOCTYPE x [<!ENTITY a "aaaaaaaaaa">]>',
  "&a;",
  "<![CDATA[",
  "]]>",
  "<?pi x?>",
  "<!--",
  "-->",
  "</w:document>",
  "<w:body>",
  "\u0000",
  "\uFFFE",
);
const randomDocumentXml = fc
  .record({
    prolog: fc.boolean(),
    wrap: fc.boolean(),
    tokens: fc.array(
      fc.oneof(
        { weight: 4, arbitrary: wOpen },
        { weight: 4, arbitrary: wClose },
        { weight: 3, arbitrary: wEmpty },
        { weight: 4, arbitrary: wText },
        { weight: 1, arbitrary: xmlNoise },
      ),
      { maxLength: 300 },
    ),
  })
  .map(({ prolog, wrap, tokens }) => {
    const body = tokens.join("");
    const head = prolog ? '<?xml version="1.0" encoding="UTF-8" standalone="yes"?>' : "";
    const ns =
      'xmlns:w="http://schemas.openxmlformats.org/wordprocessingml/2006/main" xmlns:mc="http://schemas.openxmlformats.org/markup-compatibility/2006"';
    return wrap ? `${head}<w:document ${ns}><w:body>${body}</w:body></w:document>` : head + body;
  });

/** WordprocessingML nested thousands deep. */
const deepDocumentXml = fc
  .record({
    depth: fc.integer({ min: 1000, max: 20000 }),
    open: fc.constantFrom(
      "<w:sdt><w:sdtContent>",
      "<w:p>",
      "<w:r>",
      "<w:tbl><w:tr><w:tc>",
      "<w:hyperlink>",
      "<w:x>",
    ),
  })
  .map(({ depth, open }) => {
    const close = open
      .match(/<[^>]+>/g)!
      .reverse()
      .map((t) => t.replace("<", "</"))
      .join("");
    return `<w:document><w:body>${open.repeat(depth)}<w:t>1</w:t>${close.repeat(depth)}</w:body></w:document>`;
  });

async function zipWith(
  files: Record<string, string | Uint8Array>,
  compression: "STORE" | "DEFLATE",
): Promise<Uint8Array> {
  const zip = new JSZip();
  for (const [name, data] of Object.entries(files)) zip.file(name, data);
  return zip.generateAsync({ type: "uint8array", compression });
}

let realDocx: Uint8Array;
async function aRealDocx(): Promise<Uint8Array> {
  realDocx ??= new Uint8Array(await renderDocx(fullReport("2021")));
  return realDocx;
}

// ——— properties ———

// The 1 s bound is for the importer, not for compiling it: one warm-up import of each kind first.
beforeAll(async () => {
  importText(SAMPLES[0]);
  importHtml(`<table><tr><td>${SAMPLES[0].slice(0, 2000)}</td></tr></table>`);
  await importDocx(await aRealDocx());
});

describe("importer fuzz: text", () => {
  it("random text (sample fragments, report words, any unicode) imports without throwing", () => {
    fc.assert(
      fc.property(randomText, (text) => void wellFormed(timed(() => importText(text)))),
      { seed, numRuns: 250 },
    );
  });

  it("whole samples with random unicode spliced in import without throwing", () => {
    const splice = fc.record({
      sample: fc.nat({ max: SAMPLES.length - 1 }),
      at: fc.array(fc.tuple(fc.nat(), anyUnicode), { maxLength: 20 }),
    });
    fc.assert(
      fc.property(splice, ({ sample, at }) => {
        let text = SAMPLES[sample];
        for (const [pos, junk] of at) {
          const i = pos % (text.length + 1);
          text = text.slice(0, i) + junk + text.slice(i);
        }
        wellFormed(timed(() => importText(text)));
      }),
      { seed, numRuns: 40 },
    );
  });
});

describe("importer fuzz: HTML", () => {
  it("random markup imports without throwing", () => {
    fc.assert(
      fc.property(randomHtml, (html) => void wellFormed(timed(() => importHtml(html)))),
      { seed, numRuns: 250 },
    );
  });

  it("markup nested thousands deep imports without overflowing the stack", () => {
    fc.assert(
      fc.property(deepHtml, (html) => void wellFormed(timed(() => importHtml(html)))),
      { seed, numRuns: 12 },
    );
  });

  it("a sample wrapped in random table markup imports without throwing", () => {
    const wrapped = fc
      .record({ text: sampleFragment, tokens: fc.array(htmlToken, { maxLength: 60 }) })
      .map(({ text, tokens }) =>
        text
          .split("\n")
          .map(
            (line, i) =>
              `${tokens[i % Math.max(1, tokens.length)] ?? ""}<td>${line.split("\t").join("</td><td>")}</td>`,
          )
          .join("<tr>"),
      );
    fc.assert(
      fc.property(
        wrapped,
        (html) => void wellFormed(timed(() => importHtml(`<table>${html}</table>`))),
      ),
      { seed, numRuns: 60 },
    );
  });
});

describe("importer fuzz: DOCX", () => {
  it("random bytes are refused with DocxReadError, never a crash", async () => {
    const bytes = fc.oneof(
      fc.uint8Array({ maxLength: 4096 }),
      // Looks like a zip at first glance.
      fc
        .uint8Array({ maxLength: 4096 })
        .map((rest) => Uint8Array.from([0x50, 0x4b, 0x03, 0x04, ...rest])),
      fc
        .uint8Array({ maxLength: 512 })
        .map((rest) =>
          Uint8Array.from([...rest, 0x50, 0x4b, 0x05, 0x06, ...new Array(18).fill(0)]),
        ),
    );
    await fc.assert(
      fc.asyncProperty(bytes, async (b) => void (await docxOutcome(b))),
      { seed, numRuns: 200 },
    );
  });

  it("a real DOCX damaged at random bytes is read or refused cleanly", async () => {
    const original = await aRealDocx();
    const damage = fc.array(
      fc.tuple(fc.nat({ max: original.length - 1 }), fc.integer({ min: 0, max: 255 })),
      { minLength: 1, maxLength: 30 },
    );
    const truncate = fc.option(fc.nat({ max: original.length }), { freq: 3 });
    await fc.assert(
      fc.asyncProperty(damage, truncate, async (edits, cut) => {
        const bytes = original.slice(0, cut ?? original.length);
        for (const [at, value] of edits) if (at < bytes.length) bytes[at] = value;
        await docxOutcome(bytes);
      }),
      { seed, numRuns: 120 },
    );
  });

  it("zips whose word/document.xml is random WordprocessingML are read or refused cleanly", async () => {
    const entry = fc.record({
      xml: randomDocumentXml,
      name: fc.constantFrom(
        "word/document.xml",
        "word/document.xml",
        "word/Document.xml",
        "document.xml",
      ),
      extra: fc.option(
        fc.tuple(
          fc.constantFrom("[Content_Types].xml", "word/styles.xml", "word/../../evil.xml"),
          fc.string({ maxLength: 200 }),
        ),
      ),
      compression: fc.constantFrom("STORE" as const, "DEFLATE" as const),
    });
    const outcomes = { read: 0, refused: 0 };
    await fc.assert(
      fc.asyncProperty(entry, async ({ xml, name, extra, compression }) => {
        const files: Record<string, string> = { [name]: xml };
        if (extra) files[extra[0]] = extra[1];
        outcomes[await docxOutcome(await zipWith(files, compression))]++;
      }),
      { seed, numRuns: 250 },
    );
    // Both paths were exercised: documents that were read, and ones refused.
    expect(outcomes.read).toBeGreaterThan(0);
    expect(outcomes.refused).toBeGreaterThan(0);
  });

  it("WordprocessingML nested thousands deep is read or refused cleanly", async () => {
    await fc.assert(
      fc.asyncProperty(
        deepDocumentXml,
        async (xml) =>
          void (await docxOutcome(await zipWith({ "word/document.xml": xml }, "DEFLATE"))),
      ),
      { seed, numRuns: 15 },
    );
  });

  it("a document.xml that is not text (random bytes) is read or refused cleanly", async () => {
    await fc.assert(
      fc.asyncProperty(
        fc.uint8Array({ maxLength: 2048 }),
        async (b) => void (await docxOutcome(await zipWith({ "word/document.xml": b }, "DEFLATE"))),
      ),
      { seed, numRuns: 60 },
    );
  });
});
