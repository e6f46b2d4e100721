import { describe, expect, it } from "vitest";
import { MAX_NOTIFY_BYTES, parseChannelMessage, targetsThatFit } from "./report-events";

describe("parseChannelMessage", () => {
  it("reads back what the channel carries", () => {
    const saved = {
      kind: "saved",
      reportId: "r",
      version: 3,
      actorId: "u",
      actorName: "友协街道填报员",
      targets: ["s1"],
    };
    expect(parseChannelMessage(JSON.stringify(saved))).toEqual(saved);
    const here = {
      kind: "here",
      reportId: "r",
      clientId: "c",
      userId: "u",
      name: "甲",
      section: null,
      cell: null,
    };
    expect(parseChannelMessage(JSON.stringify(here))).toEqual(here);
    expect(parseChannelMessage('{"kind":"gone","reportId":"r","clientId":"c"}')).toEqual({
      kind: "gone",
      reportId: "r",
      clientId: "c",
    });
  });

  it("drops what it does not understand instead of throwing", () => {
    for (const payload of [
      undefined,
      "",
      "{",
      "null",
      "[]",
      '{"kind":"saved","reportId":"r","version":"3","actorId":"u","actorName":"","targets":[]}',
      '{"kind":"here","reportId":"r","clientId":"c","userId":"u","name":"甲","section":3,"cell":null}',
      '{"kind":"later","reportId":"r"}',
    ])
      expect(parseChannelMessage(payload)).toBeNull();
  });
});

describe("targetsThatFit", () => {
  it("keeps the targets that fit the payload limit, and sends none rather than a part", () => {
    expect(targetsThatFit(["a", "b"])).toEqual(["a", "b"]);
    const many = Array.from({ length: 400 }, (_, i) => `requests.r${i}.natural`);
    expect(new TextEncoder().encode(JSON.stringify(many)).length).toBeGreaterThan(MAX_NOTIFY_BYTES);
    expect(targetsThatFit(many)).toEqual([]);
  });
});
