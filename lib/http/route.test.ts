import { describe, expect, it } from "vitest";
import { z } from "zod";
import { ConflictError, NotFoundError, TooManyRequestsError } from "@/lib/errors";
import { route } from "./route";

// Public routes (auth: false) exercise everything of the edge but the session, which the integration and
// system tests cover with a real database.
const Input = z.object({
  version: z.number().int().min(1, "版本号无效。"),
  note: z.string().optional(),
});
const echo = route({ auth: false, input: Input, maxBytes: 1024 }, async ({ input }) => ({
  got: input,
}));

function post(body: BodyInit | null, headers: Record<string, string> = {}, init: RequestInit = {}) {
  return echo(
    new Request("http://app.example/api/x", {
      method: "POST",
      headers: { host: "app.example", "content-type": "application/json", ...headers },
      body,
      ...init,
    }),
  );
}

/** A body of `total` bytes sent without a length, and how much of it was pulled. */
function chunked(total: number) {
  let pulled = 0;
  let cancelled = false;
  const stream = new ReadableStream<Uint8Array>({
    pull(controller) {
      if (pulled >= total) return controller.close();
      const chunk = new Uint8Array(Math.min(256, total - pulled)).fill(0x20);
      pulled += chunk.length;
      controller.enqueue(chunk);
    },
    cancel() {
      cancelled = true;
    },
  });
  return { stream, pulled: () => pulled, cancelled: () => cancelled };
}

describe("route(): the one edge", () => {
  it("parses the JSON body with the schema and answers the handler's value as JSON, private and not stored", async () => {
    const answer = await post(JSON.stringify({ version: 3, note: "好" }));
    expect(answer.status).toBe(200);
    expect(await answer.json()).toEqual({ got: { version: 3, note: "好" } });
    expect(answer.headers.get("cache-control")).toBe("private, no-store");
  });

  it("a wrong shape is a 400 naming the field, in Chinese (zod's own defaults included)", async () => {
    const wrongType = await post(JSON.stringify({ version: "3" }));
    expect(wrongType.status).toBe(400);
    expect(await wrongType.json()).toEqual({ error: "请求内容无效（version）：应为数字。" });
    const own = await post(JSON.stringify({ version: 0 }));
    expect(await own.json()).toEqual({ error: "请求内容无效（version）：版本号无效。" });
    const malformed = await post("{");
    expect(await malformed.json()).toEqual({ error: "请求内容不是有效的 JSON。" });
  });

  it("a body matching no shape of a union is told about the closest shape, with its field", async () => {
    const either = route(
      {
        auth: false,
        maxBytes: 1024,
        input: z.union([
          z.object({ baseVersion: z.number(), changes: z.array(z.object({ value: z.number() })) }),
          z.object({ version: z.number().min(1, "版本号无效。"), content: z.unknown() }),
        ]),
      },
      async () => ({}),
    );
    const send = (body: unknown) =>
      either(
        new Request("http://app.example/api/x", {
          method: "POST",
          headers: { host: "app.example", "content-type": "application/json" },
          body: JSON.stringify(body),
        }),
      ).then((r) => r.json());
    expect(await send({ version: 0, content: {} })).toEqual({
      error: "请求内容无效（version）：版本号无效。",
    });
    expect(await send({ baseVersion: 2, changes: [{ value: "x" }] })).toEqual({
      error: "请求内容无效（changes.0.value）：应为数字。",
    });
  });

  it("a body that is not JSON is a 415 before anything is read", async () => {
    for (const type of ["text/plain", "multipart/form-data; boundary=x", ""]) {
      const answer = await post(JSON.stringify({ version: 1 }), { "content-type": type });
      expect(answer.status, type).toBe(415);
      expect(answer.headers.get("cache-control")).toBe("private, no-store");
    }
    expect(
      (
        await post(JSON.stringify({ version: 1 }), {
          "content-type": "application/merge-patch+json",
        })
      ).status,
    ).toBe(200);
  });

  it("a body over the cap is a 413, declared or counted as it arrives without a length; the rest is read and dropped, not cut", async () => {
    const declared = await post("x".repeat(2048));
    expect(declared.status).toBe(413);
    expect(await declared.json()).toEqual({ error: "请求内容过大（上限 1 KB）。" });
    const body = chunked(64 * 1024);
    const streamed = await post(body.stream, {}, { duplex: "half" } as RequestInit);
    expect(streamed.status).toBe(413);
    expect(await streamed.json()).toEqual({ error: "请求内容过大（上限 1 KB）。" });
    // Read to its end so the connection stays usable, and nothing of it was parsed.
    expect(body.pulled()).toBe(64 * 1024);
    expect(body.cancelled()).toBe(false);
  });

  it("state changes from another site are refused: a foreign Origin, or Sec-Fetch-Site: cross-site", async () => {
    const foreign = await post(JSON.stringify({ version: 1 }), { origin: "https://evil.example" });
    expect(foreign.status).toBe(403);
    expect(await foreign.json()).toEqual({ error: "拒绝跨站请求。" });
    const crossSite = await post(JSON.stringify({ version: 1 }), {
      "sec-fetch-site": "cross-site",
    });
    expect(crossSite.status).toBe(403);
    expect(
      (
        await post(JSON.stringify({ version: 1 }), {
          origin: "http://app.example",
          "sec-fetch-site": "same-origin",
        })
      ).status,
    ).toBe(200);
  });

  it("an error says its own status, with what the client needs beside the message; anything else is a 500 that reveals nothing", async () => {
    const call = (error: unknown) =>
      route({ auth: false }, async () => Promise.reject(error))(
        new Request("http://app.example/api/x"),
      );
    const conflict = await call(
      new ConflictError("报告已被他人修改。", { current: { version: 7 } }),
    );
    expect(conflict.status).toBe(409);
    expect(await conflict.json()).toEqual({ error: "报告已被他人修改。", current: { version: 7 } });
    expect((await call(new NotFoundError())).status).toBe(404);
    const throttled = await call(new TooManyRequestsError("太频繁。", 42));
    expect(throttled.status).toBe(429);
    expect(throttled.headers.get("retry-after")).toBe("42");
    const original = console.error;
    console.error = () => {};
    try {
      const crash = await call(new Error("SELECT secret FROM t"));
      expect(crash.status).toBe(500);
      expect(await crash.json()).toEqual({ error: "服务器出错，请稍后重试。" });
    } finally {
      console.error = original;
    }
  });

  it("path parameters are checked by their schema: a malformed id is a 400", async () => {
    const get = route(
      { auth: false, params: z.object({ id: z.guid("报告编号无效。") }) },
      async ({ params }) => ({ id: params.id }),
    );
    const bad = await get(new Request("http://app.example/api/reports/x"), {
      params: Promise.resolve({ id: "x" }),
    });
    expect(bad.status).toBe(400);
    expect(await bad.json()).toEqual({ error: "请求内容无效（id）：报告编号无效。" });
    const id = "3f0e4c1a-1b2c-4d5e-8f90-123456789abc";
    expect(
      await (
        await get(new Request("http://app.example/api/reports/x"), {
          params: Promise.resolve({ id }),
        })
      ).json(),
    ).toEqual({ id });
  });
});
