import { describe, expect, it } from "vitest";
import { ReportEventHub } from "./hub";
import type { ReportEvent } from "./report-events";

const A = "11111111-1111-4111-8111-111111111111";
const B = "22222222-2222-4222-8222-222222222222";

function recorder() {
  const events: ReportEvent[] = [];
  let closed = 0;
  return {
    events,
    closed: () => closed,
    subscriber: { send: (e: ReportEvent) => void events.push(e), close: () => void (closed += 1) },
  };
}

const here = (clientId: string, section: string | null, cell: string | null = null) => ({
  kind: "here" as const,
  reportId: A,
  clientId,
  userId: `user-${clientId}`,
  name: `填报员${clientId}`,
  section,
  cell,
});

describe("ReportEventHub: fan-out by report", () => {
  it("sends a save to every stream of that report, and to none of another report's", () => {
    const hub = new ReportEventHub();
    const [one, two, other] = [recorder(), recorder(), recorder()];
    hub.subscribe(A, one.subscriber);
    hub.subscribe(A, two.subscriber);
    hub.subscribe(B, other.subscriber);
    const saved = {
      kind: "saved" as const,
      reportId: A,
      version: 7,
      actorId: "u1",
      actorName: "友协街道填报员",
      targets: ["requests.new.natural"],
    };
    hub.deliver(saved);
    expect(one.events).toEqual([saved]);
    expect(two.events).toEqual([saved]);
    expect(other.events).toEqual([]);
  });

  it("an unsubscribed stream hears nothing more, and the count follows", () => {
    const hub = new ReportEventHub();
    const one = recorder();
    const stop = hub.subscribe(A, one.subscriber);
    expect(hub.subscriberCount(A)).toBe(1);
    stop();
    expect(hub.subscriberCount()).toBe(0);
    hub.deliver({
      kind: "saved",
      reportId: A,
      version: 2,
      actorId: "u",
      actorName: "",
      targets: [],
    });
    expect(one.events).toEqual([]);
  });

  it("a stream that throws does not keep the others from hearing", () => {
    const hub = new ReportEventHub();
    const good = recorder();
    hub.subscribe(A, {
      send: () => {
        throw new Error("closed");
      },
      close: () => {},
    });
    hub.subscribe(A, good.subscriber);
    hub.deliver({
      kind: "saved",
      reportId: A,
      version: 2,
      actorId: "u",
      actorName: "",
      targets: [],
    });
    expect(good.events).toHaveLength(1);
  });

  it("closeAll ends every stream (the channel went quiet) and forgets them", () => {
    const hub = new ReportEventHub();
    const [one, two] = [recorder(), recorder()];
    hub.subscribe(A, one.subscriber);
    hub.subscribe(B, two.subscriber);
    hub.closeAll();
    expect([one.closed(), two.closed()]).toEqual([1, 1]);
    expect(hub.subscriberCount()).toBe(0);
  });
});

describe("ReportEventHub: presence", () => {
  it("lists who is where, tells the streams when someone arrives or moves, not on a bare heartbeat", () => {
    const hub = new ReportEventHub();
    const stream = recorder();
    hub.subscribe(A, stream.subscriber);
    hub.deliver(here("c1", "s2"));
    hub.deliver(here("c2", "s3", "requests.new.natural"));
    hub.deliver(here("c1", "s2"));
    expect(stream.events).toHaveLength(2);
    hub.deliver(here("c1", "s3"));
    expect(stream.events).toHaveLength(3);
    expect(stream.events.at(-1)).toEqual({
      kind: "presence",
      reportId: A,
      users: [
        { clientId: "c1", userId: "user-c1", name: "填报员c1", section: "s3", cell: null },
        {
          clientId: "c2",
          userId: "user-c2",
          name: "填报员c2",
          section: "s3",
          cell: "requests.new.natural",
        },
      ],
    });
  });

  it("a tab that leaves is gone at once; one that falls silent is swept out after the time-to-live", () => {
    let now = 1_000;
    const hub = new ReportEventHub({ presenceTtlMs: 30_000, now: () => now });
    const stream = recorder();
    hub.subscribe(A, stream.subscriber);
    hub.deliver(here("c1", "s1"));
    hub.deliver(here("c2", "s2"));
    hub.deliver({ kind: "gone", reportId: A, clientId: "c1" });
    expect(hub.presence(A).map((u) => u.clientId)).toEqual(["c2"]);
    now += 29_999;
    hub.sweep();
    expect(hub.presence(A).map((u) => u.clientId)).toEqual(["c2"]);
    const heard = stream.events.length;
    now += 1;
    expect(hub.presence(A)).toEqual([]);
    hub.sweep();
    expect(stream.events).toHaveLength(heard + 1);
    expect(stream.events.at(-1)).toEqual({ kind: "presence", reportId: A, users: [] });
  });

  it("a goodbye from a tab it never heard of changes nothing and tells nobody", () => {
    const hub = new ReportEventHub();
    const stream = recorder();
    hub.subscribe(A, stream.subscriber);
    hub.deliver({ kind: "gone", reportId: A, clientId: "nobody" });
    expect(stream.events).toEqual([]);
  });
});
