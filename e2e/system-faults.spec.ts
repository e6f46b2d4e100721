// Faults. Each group has its own PostgreSQL and app instance, so that stopping them disturbs
// no other test:
// - PostgreSQL stopped while an editor types in the browser: the page keeps the edits (离线，已在本机暂存),
//   and once PostgreSQL is back it saves them by itself (已保存) — they are in the database.
// - the app process killed (-9) while a batch of saves is in flight: after a restart every report is a
//   valid whole — the last acknowledged save or the one in flight, never a mixture.
// - bodies over 1 MB are refused with 413, malformed JSON and wrong shapes with 400, all in Chinese.
import { expect, test, type Response } from "@playwright/test";
import { computeTotals } from "../lib/report/compute-totals";
import { contentSchema, type ReportContent } from "../lib/report/content";
import { createEditors, type SimulatedEditor } from "../scripts/bench/support/editors";
import { expectSaved, goToStep, openReport } from "./support/editor-helpers";
import { signIn } from "./support/helpers";
import {
  leftovers,
  port,
  prismaFor,
  startApp,
  startDatabase,
  type AppInstance,
  type SystemDatabase,
} from "./support/system-support";

test.describe.configure({ mode: "serial", timeout: 180_000 });

type Editor = Pick<SimulatedEditor, "reportId" | "cookie">;

async function put(
  base: string,
  editor: Editor,
  body: string,
  headers: Record<string, string> = {},
) {
  const response = await fetch(`${base}/api/reports/${editor.reportId}/content`, {
    method: "PUT",
    headers: { "content-type": "application/json", cookie: editor.cookie, ...headers },
    body,
  });
  const text = await response.text();
  let json: Record<string, unknown> | null = null;
  try {
    json = JSON.parse(text) as Record<string, unknown>;
  } catch {
    // checked by the caller
  }
  return { status: response.status, json, text };
}

async function read(base: string, editor: Editor) {
  const response = await fetch(`${base}/api/reports/${editor.reportId}/content`, {
    headers: { cookie: editor.cookie },
  });
  expect(response.status).toBe(200);
  return (await response.json()) as { version: number; content: ReportContent };
}

/** The content as the client owns it: the year and the kind of unit belong to the report record. */
function clientPart(content: ReportContent) {
  const { year: _year, isPeoplesGovernment: _kind, ...meta } = content.meta;
  return { ...content, meta };
}

test.describe("PostgreSQL stopped and restarted while an editor types", () => {
  const PG_PORT = port(54341);
  const APP_PORT = port(3103);
  let db: SystemDatabase;
  let app: AppInstance | null = null;
  test.use({ baseURL: `http://127.0.0.1:${APP_PORT}` });

  test.beforeAll(async () => {
    test.setTimeout(180_000);
    db = await startDatabase("faults-outage", PG_PORT);
    app = await startApp(APP_PORT, db.url);
  });

  test.afterAll(async () => {
    await app?.stop();
    await db?.stop();
    expect(leftovers()).toEqual([]);
  });

  test("the page keeps the edits while the database is down and saves them by itself when it is back", async ({
    page,
  }) => {
    const saves: number[] = [];
    page.on("response", (response: Response) => {
      if (response.request().method() === "PUT" && response.url().endsWith("/content"))
        saves.push(response.status());
    });
    await signIn(page, "youxie-editor");
    await openReport(page, /友协街道办事处/, 2025);
    await goToStep(page, /一、总体情况/);
    const box = page.getByRole("textbox", { name: "一、总体情况", exact: true });
    const status = page.getByTestId("save-status");
    await box.fill("停库之前保存的文字。");
    await expectSaved(page);

    await db.stop();
    const typed = "停库之前保存的文字。数据库停止期间继续输入的文字，不能丢。";
    await box.fill(typed);
    await expect(status).toHaveText("离线，已在本机暂存", { timeout: 30_000 });
    // The server answered, with an error status — not a hang, and not a 4xx that would stop the retries.
    expect(saves.some((s) => s >= 500)).toBe(true);
    expect(saves.filter((s) => s >= 400 && s < 500)).toEqual([]);
    const kept = await page.evaluate(() =>
      Object.keys(localStorage)
        .filter((k) => k.startsWith("nianbao:unsent:"))
        .map((k) => localStorage.getItem(k) ?? ""),
    );
    expect(kept).toHaveLength(1);
    expect(kept[0]).toContain("数据库停止期间继续输入的文字");

    await db.restart();
    // Nobody touches the page: the retries save the text once PostgreSQL is back.
    await expect(status).toHaveText("已保存", { timeout: 60_000 });
    await expect(box).toHaveValue(typed);
    expect(
      await page.evaluate(
        () => Object.keys(localStorage).filter((k) => k.startsWith("nianbao:unsent:")).length,
      ),
    ).toBe(0);

    const prisma = prismaFor(db.url);
    try {
      const org = await prisma.organization.findUniqueOrThrow({ where: { slug: "youxie" } });
      const report = await prisma.report.findUniqueOrThrow({
        where: { organizationId_year: { organizationId: org.id, year: 2025 } },
      });
      expect((report.content as unknown as ReportContent).narratives.s1).toBe(typed);
    } finally {
      await prisma.$disconnect();
    }
    // And a reload shows it from the server.
    await page.reload();
    await goToStep(page, /一、总体情况/);
    await expect(page.getByRole("textbox", { name: "一、总体情况", exact: true })).toHaveValue(
      typed,
    );
  });
});

test.describe("the app process killed mid-save, and bodies it must refuse", () => {
  const PG_PORT = port(54342);
  const APP_PORT = port(3104);
  let db: SystemDatabase;
  let app: AppInstance | null = null;

  test.beforeAll(async () => {
    test.setTimeout(180_000);
    db = await startDatabase("faults-kill", PG_PORT);
    app = await startApp(APP_PORT, db.url);
  });

  test.afterAll(async () => {
    await app?.stop();
    await db?.stop();
    expect(leftovers()).toEqual([]);
  });

  test("oversized bodies get 413, malformed JSON and wrong shapes 400, each with a Chinese message; nothing is saved", async () => {
    const [editor] = await createEditors(db.url, 1, "limits");
    const base = app!.url;
    const before = await read(base, editor);
    const valid = before.content;

    // 2 MB, declared in Content-Length …
    const big = JSON.stringify({
      version: before.version,
      content: { ...valid, preface: "字".repeat(700_000) },
    });
    expect(Buffer.byteLength(big)).toBeGreaterThan(2 * 1024 * 1024);
    const declared = await put(base, editor, big);
    expect(declared.status).toBe(413);
    expect(declared.json?.error).toBe("请求内容过大（上限 1 MB）。");

    // … and streamed without a length (chunked): the body is measured as it is read.
    const streamed = await fetch(`${base}/api/reports/${editor.reportId}/content`, {
      method: "PUT",
      headers: { "content-type": "application/json", cookie: editor.cookie },
      body: new ReadableStream({
        start(controller) {
          const bytes = new TextEncoder().encode(big);
          for (let i = 0; i < bytes.length; i += 64 * 1024)
            controller.enqueue(bytes.subarray(i, i + 64 * 1024));
          controller.close();
        },
      }),
      duplex: "half",
    } as RequestInit);
    expect(streamed.status).toBe(413);
    expect(((await streamed.json()) as { error: string }).error).toBe(
      "请求内容过大（上限 1 MB）。",
    );

    for (const malformed of [
      '{"version": 1, "content": ',
      "not json",
      "",
      "{'version': 1}",
      "\u0000",
    ]) {
      const answer = await put(base, editor, malformed);
      expect(answer.status, malformed).toBe(400);
      expect(answer.json?.error).toBe("请求内容不是有效的 JSON。");
    }

    const wrongShapes: [unknown, string][] = [
      [{ version: "1", content: valid }, "version"],
      [{ version: 0, content: valid }, "version"],
      [
        {
          version: before.version,
          content: { ...valid, meta: { ...valid.meta, issuedDate: "2026年1月18日" } },
        },
        "meta.issuedDate",
      ],
      [
        {
          version: before.version,
          content: { ...valid, narratives: { ...valid.narratives, s3: 42 } },
        },
        "narratives.s3",
      ],
      [
        {
          version: before.version,
          content: {
            ...valid,
            tables: {
              ...valid.tables,
              requests: {
                ...valid.tables.requests,
                new: { ...valid.tables.requests.new, natural: { n: 1 } },
              },
            },
          },
        },
        "tables.requests.new.natural",
      ],
    ];
    for (const [body, field] of wrongShapes) {
      const answer = await put(base, editor, JSON.stringify(body));
      expect(answer.status, field).toBe(400);
      const error = String(answer.json?.error);
      expect(error, field).toContain(`（${field}）`);
      // Chinese throughout: the field's name is the only Latin text.
      expect(error.replace(`（${field}）`, ""), field).not.toMatch(/[A-Za-z]{3,}/);
    }

    // Signed out: 401 with a message, never a 500.
    const anonymous = await put(
      base,
      { reportId: editor.reportId, cookie: "" },
      JSON.stringify({ version: 1, content: valid }),
    );
    expect(anonymous.status).toBe(401);
    expect(typeof anonymous.json?.error).toBe("string");

    const after = await read(base, editor);
    expect(after.version).toBe(before.version);
    expect(after.content).toEqual(before.content);
  });

  test("kill -9 while saves are in flight: after a restart every report is the acknowledged or the in-flight save, whole", async () => {
    const EDITORS = 12;
    const editors = await createEditors(db.url, EDITORS, "kill");
    const base = app!.url;

    // One acknowledged save each: the state a lost in-flight save must fall back to.
    const acked: { version: number; content: ReportContent }[] = [];
    for (const [n, editor] of editors.entries()) {
      const { version, content } = await read(base, editor);
      const mine = computeTotals({ ...structuredClone(content), preface: `已确认的保存 ${n}` });
      const answer = await put(base, editor, JSON.stringify({ version, content: mine }));
      expect(answer.status).toBe(200);
      acked.push({ version: answer.json!.version as number, content: mine });
    }

    // A batch of large saves (long narratives, many cells) goes out; the process dies as the first answer
    // arrives, with the others somewhere between the socket and the database.
    const inFlight = editors.map((editor, n) => {
      const content = structuredClone(acked[n].content);
      content.preface = `进行中的保存 ${n}`;
      for (const key of ["s1", "s2", "s3", "s4", "s5", "s6"] as const)
        content.narratives[key] =
          `第${n}份报告的${key}：${"政府信息公开工作年度报告。".repeat(2000)}`;
      content.tables["20.5"].licensing.decisions = 5000 + n;
      content.tables.requests.new.natural = 100 + n;
      const sent = computeTotals(content);
      const outcome = put(
        base,
        editor,
        JSON.stringify({ version: acked[n].version, content: sent }),
      ).then(
        (answer) => ({
          answered: answer.status,
          version: answer.json?.version as number | undefined,
        }),
        () => ({ answered: 0, version: undefined }),
      );
      return { sent, outcome };
    });
    await Promise.race(inFlight.map((f) => f.outcome));
    await app!.kill("SIGKILL");
    expect(app!.exited()).toBe(true);
    const outcomes = await Promise.all(inFlight.map((f) => f.outcome));
    // Everything answered was a 200; the rest died with the process.
    expect(outcomes.every((o) => o.answered === 200 || o.answered === 0)).toBe(true);

    await app!.restart();
    const prisma = prismaFor(db.url);
    let landed = 0;
    try {
      for (const [n, editor] of editors.entries()) {
        const row = await prisma.report.findUniqueOrThrow({ where: { id: editor.reportId } });
        const stored = row.content as unknown as ReportContent;
        // A whole, valid report …
        expect(contentSchema("2021").safeParse(stored).success).toBe(true);
        // … that is exactly the acknowledged save or exactly the one in flight.
        const { answered, version } = outcomes[n];
        if (answered === 200) {
          expect(row.version).toBe(version);
          expect(clientPart(stored)).toEqual(clientPart(inFlight[n].sent));
        } else {
          expect([acked[n].version, acked[n].version + 1]).toContain(row.version);
          if (row.version !== acked[n].version) landed++;
          expect(clientPart(stored)).toEqual(
            clientPart(row.version === acked[n].version ? acked[n].content : inFlight[n].sent),
          );
        }
        // The restarted instance serves the same, and the editor can go on saving from there.
        const seen = await read(app!.url, editor);
        expect(seen.version).toBe(row.version);
        const next = computeTotals({ ...seen.content, preface: `重启之后的保存 ${n}` });
        const answer = await put(
          app!.url,
          editor,
          JSON.stringify({ version: seen.version, content: next }),
        );
        expect(answer.status).toBe(200);
      }
    } finally {
      await prisma.$disconnect();
    }
    const cut = outcomes.filter((o) => o.answered === 0).length;
    const summary = `kill -9 时 ${EDITORS - cut} 个保存已确认，${cut} 个进行中（其中 ${landed} 个已提交、${cut - landed} 个未写入）`;
    test.info().annotations.push({ type: "kill", description: summary });
    console.log(`[faults] ${summary}`);
  });
});
