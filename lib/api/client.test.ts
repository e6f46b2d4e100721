import { afterEach, describe, expect, it, vi } from "vitest";
import { fileNameOf, requestFile, requestJson } from "./client";

function answer(status: number, body: unknown, headers: Record<string, string> = {}) {
  vi.stubGlobal(
    "fetch",
    vi.fn(async () => new Response(JSON.stringify(body), { status, headers })),
  );
}

afterEach(() => vi.unstubAllGlobals());

describe("requestJson", () => {
  it("gives the use case's result on success, sending JSON", async () => {
    answer(200, { version: 4 });
    await expect(requestJson("POST", "/api/x", { version: 3 })).resolves.toEqual({
      ok: true,
      data: { version: 4 },
    });
    const [, init] = vi.mocked(fetch).mock.calls[0];
    expect(init?.body).toBe('{"version":3}');
    expect(new Headers(init?.headers).get("content-type")).toBe("application/json");
  });

  it("gives the server's Chinese message and the refusal's fields", async () => {
    answer(422, { error: "报告还有 2 处错误，不能提交。", findings: [{ ruleId: "A1" }] });
    await expect(requestJson("POST", "/api/x", {})).resolves.toEqual({
      ok: false,
      status: 422,
      error: "报告还有 2 处错误，不能提交。",
      details: { findings: [{ ruleId: "A1" }] },
    });
  });

  it("says the session ended on 401, and names the status when the body says nothing", async () => {
    answer(401, { error: "unauthorized" });
    expect(await requestJson("GET", "/api/x")).toMatchObject({
      status: 401,
      error: "登录已过期，请重新登录后再试。",
    });
    vi.stubGlobal(
      "fetch",
      vi.fn(async () => new Response("<html>", { status: 502 })),
    );
    expect(await requestJson("GET", "/api/x")).toMatchObject({
      status: 502,
      error: "操作失败（服务器返回 502）。",
    });
  });

  it("reports a network failure as status 0, and sends a form as it is", async () => {
    vi.stubGlobal(
      "fetch",
      vi.fn(async () => {
        throw new TypeError("Failed to fetch");
      }),
    );
    const form = new FormData();
    form.set("text", "一、总体情况");
    expect(await requestJson("POST", "/api/import", form)).toMatchObject({ ok: false, status: 0 });
    expect(vi.mocked(fetch).mock.calls[0][1]?.body).toBe(form);
  });
});

describe("requestFile", () => {
  it("gives the file and the name from Content-Disposition", async () => {
    vi.stubGlobal(
      "fetch",
      vi.fn(
        async () =>
          new Response("PK", {
            headers: {
              "content-disposition": `attachment; filename="download.docx"; filename*=UTF-8''${encodeURIComponent("友协街道2026年报告.docx")}`,
            },
          }),
      ),
    );
    const file = await requestFile("/api/reports/r/export?format=docx");
    expect(file.ok && file.fileName).toBe("友协街道2026年报告.docx");
    expect(file.ok && (await file.blob.text())).toBe("PK");
  });

  it("falls back to the plain filename", () => {
    expect(fileNameOf('attachment; filename="a.pdf"')).toBe("a.pdf");
    expect(fileNameOf(null)).toBeNull();
  });
});
