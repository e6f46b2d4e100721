import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { diffText, type TextPiece } from "./text-diff";

const side = (pieces: TextPiece[], keep: "del" | "ins") =>
  pieces
    .filter((p) => p.kind === "same" || p.kind === keep)
    .map((p) => p.text)
    .join("");

describe("diffText", () => {
  it("shows a changed character inside a kept sentence", () => {
    expect(diffText("全年共收到申请15件。", "全年共收到申请16件。")).toEqual([
      { kind: "same", text: "全年共收到申请1" },
      { kind: "del", text: "5" },
      { kind: "ins", text: "6" },
      { kind: "same", text: "件。" },
    ]);
  });

  it("keeps unchanged paragraphs whole and marks an added one", () => {
    const pieces = diffText("第一段。\n第二段。", "第一段。\n新增一段。\n第二段。");
    expect(pieces).toEqual([
      { kind: "same", text: "第一段。\n" },
      { kind: "ins", text: "新增一段。\n" },
      { kind: "same", text: "第二段。" },
    ]);
  });

  it("equal and empty texts", () => {
    expect(diffText("相同", "相同")).toEqual([{ kind: "same", text: "相同" }]);
    expect(diffText("", "")).toEqual([]);
    expect(diffText("", "新")).toEqual([{ kind: "ins", text: "新" }]);
    expect(diffText("旧", "")).toEqual([{ kind: "del", text: "旧" }]);
  });

  it("always rebuilds both sides exactly", () => {
    fc.assert(
      fc.property(
        fc.string({ unit: fc.constantFrom("甲", "乙", "丙", "\n", "1", "，") }),
        fc.string({ unit: fc.constantFrom("甲", "乙", "丁", "\n", "2", "，") }),
        (a, b) => {
          const pieces = diffText(a, b);
          expect(side(pieces, "del")).toBe(a);
          expect(side(pieces, "ins")).toBe(b);
        },
      ),
    );
  });

  it("a very long rewrite is diffed whole", () => {
    const a = "甲".repeat(5000);
    const b = "乙".repeat(5000);
    const pieces = diffText(a, b);
    expect(side(pieces, "del")).toBe(a);
    expect(side(pieces, "ins")).toBe(b);
  });
});
