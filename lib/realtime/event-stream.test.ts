import { describe, expect, it } from "vitest";
import { openEventStream } from "./event-stream";
import { ReportEventHub } from "./hub";

const A = "11111111-1111-4111-8111-111111111111";

/** Reads the stream's text until `until` has appeared in it. */
async function readUntil(reader: ReadableStreamDefaultReader<Uint8Array>, until: string) {
  const decoder = new TextDecoder();
  let text = "";
  while (!text.includes(until)) {
    const { value, done } = await reader.read();
    if (done) break;
    text += decoder.decode(value, { stream: true });
  }
  return text;
}

describe("openEventStream", () => {
  it("opens with the retry delay, the version and who is here, then carries the report's events", async () => {
    const hub = new ReportEventHub();
    hub.deliver({
      kind: "here",
      reportId: A,
      clientId: "c1",
      userId: "u1",
      name: "新伟街道填报员",
      section: "s3",
      cell: null,
    });
    const reader = openEventStream({ hub, reportId: A, version: 4, userId: "me" }).getReader();
    const opening = await readUntil(reader, '"kind":"presence"');
    expect(opening).toContain("retry: 2000\n\n");
    expect(opening).toContain('event: ready\ndata: {"kind":"ready","version":4,"userId":"me"}\n\n');
    expect(opening).toContain('"name":"新伟街道填报员","section":"s3"');
    hub.deliver({
      kind: "saved",
      reportId: A,
      version: 5,
      actorId: "u1",
      actorName: "新伟街道填报员",
      targets: [],
    });
    expect(await readUntil(reader, "\n\n")).toBe(
      'data: {"kind":"saved","reportId":"' +
        A +
        '","version":5,"actorId":"u1","actorName":"新伟街道填报员","targets":[]}\n\n',
    );
    await reader.cancel();
    expect(hub.subscriberCount(A)).toBe(0);
  });

  it("ends when the browser goes away, says so once, and leaves the hub", async () => {
    const hub = new ReportEventHub();
    const abort = new AbortController();
    let closed = 0;
    const reader = openEventStream({
      hub,
      reportId: A,
      version: 1,
      userId: "me",
      signal: abort.signal,
      onClose: () => void (closed += 1),
    }).getReader();
    await readUntil(reader, '"kind":"presence"');
    expect(hub.subscriberCount(A)).toBe(1);
    abort.abort();
    expect(await readUntil(reader, "never")).toBe("");
    expect(closed).toBe(1);
    expect(hub.subscriberCount(A)).toBe(0);
  });

  it("ends when the hub closes every stream (the listener dropped), so the browser reconnects", async () => {
    const hub = new ReportEventHub();
    let closed = 0;
    const reader = openEventStream({
      hub,
      reportId: A,
      version: 1,
      userId: "me",
      onClose: () => void (closed += 1),
    }).getReader();
    await readUntil(reader, '"kind":"presence"');
    hub.closeAll();
    expect((await reader.read()).done).toBe(true);
    expect(closed).toBe(1);
  });
});
