import JSZip from "jszip";
import { describe, expect, it } from "vitest";
import { readReportZip, ZIP_LIMITS, ZipRefusedError } from "./read-zip";

async function zipOf(
  files: Record<string, Uint8Array | string>,
  options: { encodeFileName?: (name: string) => string } = {},
): Promise<Uint8Array> {
  const zip = new JSZip();
  for (const [name, data] of Object.entries(files)) zip.file(name, data);
  return zip.generateAsync({ ...options, type: "uint8array", compression: "DEFLATE" });
}

const small = { ...ZIP_LIMITS, entries: 3, entryBytes: 1000, totalBytes: 2500 };

describe("readReportZip", () => {
  it("gives each file with the archive's name before its path, skipping folders and desktop clutter", async () => {
    const bytes = await zipOf({
      "2022/友协.txt": "友协",
      "兴安.html": "<p>兴安</p>",
      "__MACOSX/._兴安.html": "x",
      ".DS_Store": "x",
    });
    const { files, refused } = await readReportZip("报告.zip", bytes);
    expect(files.map((f) => f.name).sort()).toEqual([
      "报告.zip/2022/友协.txt",
      "报告.zip/兴安.html",
    ]);
    expect(new TextDecoder().decode(files.find((f) => f.name.endsWith("友协.txt"))!.bytes)).toBe(
      "友协",
    );
    expect(refused).toEqual([]);
  });

  it("refuses a nested archive by name or by content, naming it, and keeps the others", async () => {
    const inner = await zipOf({ "a.txt": "a" });
    const bytes = await zipOf({
      "inner.zip": inner,
      "disguised.txt": inner,
      "b.rar": "rar",
      "ok.txt": "ok",
      "ok.docx": inner,
    });
    const { files, refused } = await readReportZip("外层.zip", bytes);
    expect(files.map((f) => f.name).sort()).toEqual(["外层.zip/ok.docx", "外层.zip/ok.txt"]);
    expect(refused.map((r) => r.name).sort()).toEqual([
      "外层.zip/b.rar",
      "外层.zip/disguised.txt",
      "外层.zip/inner.zip",
    ]);
    for (const r of refused)
      expect(r.reason).toMatch(new RegExp(`^${r.name}：.*压缩包中不能再套压缩包`));
  });

  it("stops inflating an entry past its cap, whatever the header says, and caps the archive's total", async () => {
    const big = new Uint8Array(5000).fill(48); // 5 000 zeros deflate to a few bytes
    const mid = new Uint8Array(900).fill(49);
    const bytes = await zipOf({ "a-bomb.txt": big, "b.txt": mid, "c.txt": mid });
    const { files, refused } = await readReportZip("z.zip", bytes, small);
    expect(refused.find((r) => r.name === "z.zip/a-bomb.txt")?.reason).toContain("解压后超过");
    expect(files.map((f) => f.name)).toEqual(["z.zip/b.txt", "z.zip/c.txt"]);
    const third = await readReportZip(
      "t.zip",
      await zipOf({ "1.txt": mid, "2.txt": mid, "3.txt": mid }),
      small,
    );
    expect(third.files.map((f) => f.name)).toEqual(["t.zip/1.txt", "t.zip/2.txt"]);
    expect(third.refused).toEqual([
      {
        name: "t.zip/3.txt",
        reason: expect.stringContaining("t.zip/3.txt：未检查，压缩包解压后总大小超过"),
      },
    ]);
  });

  it("refuses an archive with too many files, an empty one, and bytes that are not a ZIP", async () => {
    await expect(
      readReportZip(
        "多.zip",
        await zipOf({ "1.txt": "1", "2.txt": "2", "3.txt": "3", "4.txt": "4" }),
        small,
      ),
    ).rejects.toThrow(
      new ZipRefusedError("多.zip：压缩包中有4个文件，超过上限3个，请分成几个压缩包上传。"),
    );
    await expect(readReportZip("空.zip", await zipOf({}))).rejects.toThrow(
      "空.zip：压缩包中没有文件。",
    );
    await expect(readReportZip("假.zip", new TextEncoder().encode("not a zip"))).rejects.toThrow(
      "假.zip：不是有效的ZIP压缩包",
    );
  });

  it("reads GBK entry names as Chinese Windows writes them", async () => {
    // "报告.txt" in GBK, stored without the UTF-8 flag.
    // jszip takes the encoded name as a binary string (one char per byte).
    const gbk = String.fromCharCode(0xb1, 0xa8, 0xb8, 0xe6, 0x2e, 0x74, 0x78, 0x74);
    const bytes = await zipOf({ placeholder: "x" }, { encodeFileName: () => gbk });
    const { files } = await readReportZip("g.zip", bytes);
    expect(files.map((f) => f.name)).toEqual(["g.zip/报告.txt"]);
  });
});
