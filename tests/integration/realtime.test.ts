// The realtime path against a real PostgreSQL: NOTIFY heard by two listener connections (two app
// instances), nothing heard from a rolled-back transaction, a listener that reconnects after its
// connection is killed, and the events stream and presence route end to end with real sessions.
import { afterAll, beforeAll, describe, expect, it, vi } from "vitest";
import { SESSION_COOKIE } from "@/lib/auth/session-token";
import { createSession } from "@/lib/auth/sessions";
import { db } from "@/lib/db/client";
import { ChannelListener } from "@/lib/realtime/listener";
import { publishPresence, publishReportSaved } from "@/lib/realtime/publish";
import {
  parseChannelMessage,
  REPORT_EVENTS_CHANNEL,
  type ChannelMessage,
} from "@/lib/realtime/report-events";
import {
  completeContent,
  createOrganization,
  createReport,
  createUserWithRoles,
} from "./support/fixtures";

const request = vi.hoisted(() => ({ cookies: new Map<string, string>() }));
vi.mock("next/headers", () => ({
  cookies: async () => ({
    get: (name: string) =>
      request.cookies.has(name) ? { name, value: request.cookies.get(name)! } : undefined,
    getAll: () => [...request.cookies].map(([name, value]) => ({ name, value })),
    has: (name: string) => request.cookies.has(name),
    set: (name: string, value: string) => void request.cookies.set(name, value),
    delete: (name: string) => void request.cookies.delete(name),
  }),
  headers: async () => new Headers({ "x-real-ip": "192.0.2.10" }),
}));

/** A listener whose messages can be awaited one by one, as an app instance would hear them. */
function instance() {
  const heard: ChannelMessage[] = [];
  const waiters: Array<() => void> = [];
  let ups = 0;
  let downs = 0;
  const changed = () => waiters.splice(0).forEach((w) => w());
  const listener = new ChannelListener({
    connectionString: process.env.DATABASE_URL!,
    channel: REPORT_EVENTS_CHANNEL,
    initialDelayMs: 50,
    onMessage: (payload) => {
      const message = parseChannelMessage(payload);
      if (message) heard.push(message);
      changed();
    },
    onUp: () => {
      ups += 1;
      changed();
    },
    onDown: () => {
      downs += 1;
      changed();
    },
  });
  const until = async (done: () => boolean) => {
    while (!done()) await new Promise<void>((resolve) => waiters.push(resolve));
  };
  return {
    listener,
    heard,
    ups: () => ups,
    downs: () => downs,
    /** The next message after the first `count` heard. */
    nth: async (count: number) => {
      await until(() => heard.length > count);
      return heard[count];
    },
    until,
  };
}

let reportId = "";
let editor = { id: "", displayName: "" };
let colleague = { id: "", displayName: "" };
const first = instance();
const second = instance();

beforeAll(async () => {
  const district = await createOrganization("实时测试区人民政府");
  const unit = await createOrganization("实时测试街道办事处", { parent: district.name });
  editor = await createUserWithRoles("realtime-editor", [
    { organizationId: unit.id, role: "EDITOR" },
  ]);
  colleague = await createUserWithRoles("realtime-editor-2", [
    { organizationId: unit.id, role: "EDITOR" },
  ]);
  await createUserWithRoles("realtime-stranger", [{ organizationId: district.id, role: "EDITOR" }]);
  const other = await createOrganization("实时测试另一街道办事处", { parent: district.name });
  await createUserWithRoles("realtime-outsider", [{ organizationId: other.id, role: "EDITOR" }]);
  reportId = (await createReport(unit.id, completeContent(unit, 2025))).id;
  first.listener.start();
  second.listener.start();
  expect(await first.listener.ready(30_000)).toBe(true);
  expect(await second.listener.ready(30_000)).toBe(true);
});

afterAll(async () => {
  await first.listener.stop();
  await second.listener.stop();
});

describe("LISTEN/NOTIFY between instances", () => {
  it("a save published by one instance is heard by both listeners, with the actor's name read in the same statement", async () => {
    const before = [first.heard.length, second.heard.length];
    await publishReportSaved(db(), {
      reportId,
      version: 2,
      actorId: editor.id,
      targets: ["requests.new.natural", "narrative.s1"],
    });
    const expected = {
      kind: "saved",
      reportId,
      version: 2,
      actorId: editor.id,
      actorName: editor.displayName,
      targets: ["requests.new.natural", "narrative.s1"],
    };
    expect(await first.nth(before[0])).toEqual(expected);
    expect(await second.nth(before[1])).toEqual(expected);
  });

  it("a notice sent in a transaction that rolls back is never heard; the committed one after it is", async () => {
    const before = first.heard.length;
    await expect(
      db().$transaction(async (tx) => {
        await publishReportSaved(tx, { reportId, version: 99, actorId: editor.id, targets: [] });
        throw new Error("rolled back");
      }),
    ).rejects.toThrow("rolled back");
    await db().$transaction(async (tx) => {
      await publishReportSaved(tx, { reportId, version: 3, actorId: editor.id, targets: [] });
    });
    expect(await first.nth(before)).toMatchObject({ kind: "saved", version: 3 });
  });

  it("a save with more targets than fit in a NOTIFY still goes out, without its targets", async () => {
    const before = first.heard.length;
    const targets = Array.from({ length: 600 }, (_, i) => `requests.r${i}.natural`);
    await publishReportSaved(db(), { reportId, version: 4, actorId: editor.id, targets });
    expect(await first.nth(before)).toMatchObject({ kind: "saved", version: 4, targets: [] });
  });

  it("a listener whose connection is killed reconnects by itself and hears again", async () => {
    const pid = first.listener.backendPid();
    expect(pid).not.toBeNull();
    const ups = first.ups();
    await db().$queryRaw`SELECT pg_terminate_backend(${pid}::int)`;
    await first.until(() => first.downs() >= 1 && first.ups() > ups);
    expect(first.listener.live).toBe(true);
    expect(first.listener.backendPid()).not.toBe(pid);
    const before = first.heard.length;
    await publishPresence(db(), { kind: "gone", reportId, clientId: "after-reconnect" });
    expect(await first.nth(before)).toEqual({
      kind: "gone",
      reportId,
      clientId: "after-reconnect",
    });
  });
});

describe("GET /api/reports/[id]/events and POST …/presence", () => {
  async function actAs(account: string | null) {
    request.cookies.clear();
    if (!account) return;
    const user = await db().user.findUniqueOrThrow({ where: { account } });
    request.cookies.set(SESSION_COOKIE, (await createSession(user.id)).token);
  }
  const params = () => ({ params: Promise.resolve({ id: reportId }) });

  async function readUntil(reader: ReadableStreamDefaultReader<Uint8Array>, until: string) {
    const decoder = new TextDecoder();
    let text = "";
    while (!text.includes(until)) {
      const { value, done } = await reader.read();
      if (done) throw new Error(`stream ended before “${until}”: ${text}`);
      text += decoder.decode(value, { stream: true });
    }
    return text;
  }

  it("streams the version, then a colleague's arrival and section, relayed through the channel", async () => {
    const { GET } = await import("@/app/api/reports/[id]/events/route");
    const { POST } = await import("@/app/api/reports/[id]/presence/route");
    await actAs("realtime-editor");
    const abort = new AbortController();
    const response = await GET(
      new Request(`http://localhost/api/reports/${reportId}/events?client=tab-editor-1`, {
        headers: { host: "localhost" },
        signal: abort.signal,
      }),
      params(),
    );
    expect(response.status).toBe(200);
    expect(response.headers.get("content-type")).toContain("text/event-stream");
    const current = await db().report.findUniqueOrThrow({ where: { id: reportId } });
    const reader = response.body!.getReader();
    expect(await readUntil(reader, '"kind":"presence"')).toContain(
      `"kind":"ready","version":${current.version}`,
    );

    await actAs("realtime-editor-2");
    const answer = await POST(
      new Request(`http://localhost/api/reports/${reportId}/presence`, {
        method: "POST",
        headers: { host: "localhost", "content-type": "application/json" },
        body: JSON.stringify({ clientId: "tab-colleague-1", section: "s3", cell: null }),
      }),
      params(),
    );
    expect(answer.status).toBe(200);
    expect(await answer.json()).toMatchObject({ version: current.version, you: colleague.id });
    const text = await readUntil(reader, "tab-colleague-1");
    expect(text).toContain(`"name":"${colleague.displayName}","section":"s3","cell":null`);
    abort.abort();
  });

  it("refuses a signed-out caller, another unit's editor, and a malformed place", async () => {
    const { GET } = await import("@/app/api/reports/[id]/events/route");
    const { POST } = await import("@/app/api/reports/[id]/presence/route");
    const stream = () =>
      GET(
        new Request(`http://localhost/api/reports/${reportId}/events?client=tab-x-0001`, {
          headers: { host: "localhost" },
        }),
        params(),
      );
    const presence = (body: unknown) =>
      POST(
        new Request(`http://localhost/api/reports/${reportId}/presence`, {
          method: "POST",
          headers: { host: "localhost", "content-type": "application/json" },
          body: JSON.stringify(body),
        }),
        params(),
      );
    await actAs(null);
    expect((await stream()).status).toBe(401);
    await actAs("realtime-outsider");
    expect((await stream()).status).toBe(404);
    expect((await presence({ clientId: "tab-x-0001", section: "s1", cell: null })).status).toBe(
      404,
    );
    await actAs("realtime-editor");
    const bad = await presence({ clientId: "tab-x-0001", section: "s9", cell: "<script>" });
    expect(bad.status).toBe(400);
    expect((await bad.json()).error).toContain("请求内容无效");
  });
});
