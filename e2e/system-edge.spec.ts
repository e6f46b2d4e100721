// The edge every route handler goes through (lib/http/route.ts) and the bounded import, against a real
// `next start` of the e2e build on its own PostgreSQL:
// - a 0.9 MB DOCX whose document.xml inflates to 256 MB is refused (400, in Chinese) while the server
//   stays under 600 MB and /api/health keeps answering, and so is a legal-sized body of 300,000
//   paragraphs (a job that still runs out of time or heap costs one worker: lib/workers/worker-pool.test.ts);
// - a 30 MB chunked body is refused with 413 before anything parses it; a body that is not JSON gets 415;
// - a cross-site request (Sec-Fetch-Site) is refused; every authenticated API answer is private, no-store;
// - imports are limited per user (429 with Retry-After).
// Durations and memory are recorded in the test's annotations, never asserted as times.
import { readdirSync, readFileSync } from "node:fs";
import { expect, test } from "@playwright/test";
import { inflatingDocx } from "../lib/import/__fixtures__/inflating-docx";
import { createEditors, type SimulatedEditor } from "../scripts/bench/support/editors";
import {
  leftovers,
  port,
  prismaFor,
  startApp,
  startDatabase,
  type AppInstance,
  type SystemDatabase,
} from "./support/system-support";

const PG_PORT = port(54346);
const APP_PORT = port(3107);
const MB = 1024 * 1024;

let db: SystemDatabase;
let app: AppInstance | null = null;
let editor: SimulatedEditor;
let editorId: string;

test.describe.configure({ mode: "serial", timeout: 180_000 });

test.beforeAll(async () => {
  test.setTimeout(180_000);
  db = await startDatabase("edge", PG_PORT);
  app = await startApp(APP_PORT, db.url);
  [editor] = await createEditors(db.url, 1, "edge");
  const prisma = prismaFor(db.url);
  try {
    editorId = (await prisma.user.findUniqueOrThrow({ where: { account: "edge-bench-0" } })).id;
  } finally {
    await prisma.$disconnect();
  }
});

test.afterAll(async () => {
  await app?.stop();
  await db?.stop();
  expect(leftovers()).toEqual([]);
});

// ——— helpers ———

/** Resident memory of the app's whole process group (next start and its worker threads), in MB. */
function groupRssMb(pgid: number): number {
  let kb = 0;
  for (const entry of readdirSync("/proc")) {
    if (!/^\d+$/.test(entry)) continue;
    try {
      // Field 5 of /proc/<pid>/stat is the process group; the command name (field 2) may hold spaces.
      const stat = readFileSync(`/proc/${entry}/stat`, "utf8");
      const fields = stat.slice(stat.lastIndexOf(")") + 2).split(" ");
      if (Number(fields[2]) !== pgid) continue;
      const rss = /VmRSS:\s+(\d+) kB/.exec(readFileSync(`/proc/${entry}/status`, "utf8"));
      kb += rss ? Number(rss[1]) : 0;
    } catch {
      // the process ended while we looked
    }
  }
  return Math.round(kb / 1024);
}

function upload(fileName: string, bytes: Uint8Array, cookie = editor.cookie): Promise<Response> {
  const form = new FormData();
  form.set("file", new Blob([bytes as BlobPart]), fileName);
  return fetch(`${app!.url}/api/import`, { method: "POST", headers: { cookie }, body: form });
}

/**
 * Runs `work` while asking /api/health again and again and sampling the server's memory, until the work
 * is done (at least one health answer either way). Every answer and the peak are returned, not judged.
 */
async function whileWatching<T>(work: Promise<T>) {
  const health: { status: number; ok: unknown; ms: number }[] = [];
  let peakMb = groupRssMb(app!.pid()!);
  let done = false;
  void work.finally(() => (done = true)).catch(() => {});
  do {
    const started = Date.now();
    const answer = await fetch(`${app!.url}/api/health`);
    const body = (await answer.json()) as { ok?: unknown };
    health.push({ status: answer.status, ok: body.ok, ms: Date.now() - started });
    peakMb = Math.max(peakMb, groupRssMb(app!.pid()!));
    await new Promise((r) => setTimeout(r, 100));
  } while (!done);
  return { result: await work, health, peakMb };
}

function note(type: string, description: string) {
  test.info().annotations.push({ type, description });
  console.log(`[edge] ${type}: ${description}`);
}

function chunked(totalBytes: number, fill: string): ReadableStream<Uint8Array> {
  const chunk = new TextEncoder().encode(
    fill.repeat(Math.ceil((64 * 1024) / fill.length)).slice(0, 64 * 1024),
  );
  let sent = 0;
  return new ReadableStream({
    pull(controller) {
      if (sent >= totalBytes) return controller.close();
      controller.enqueue(chunk);
      sent += chunk.length;
    },
  });
}

// ——— the tests ———

test("a DOCX that inflates to 256 MB is refused in Chinese; the server stays under 600 MB and /api/health answers throughout", async () => {
  const bomb = await inflatingDocx(256 * MB);
  expect(bomb.length).toBeLessThan(2 * MB);
  const before = groupRssMb(app!.pid()!);
  const started = Date.now();
  const { result: answer, health, peakMb } = await whileWatching(upload("年报.docx", bomb));
  const body = (await answer.json()) as { error: string };
  note(
    "bomb",
    `${(bomb.length / MB).toFixed(2)} MB 的文件（正文解压后 256 MB）：${answer.status}，用时 ${Date.now() - started} ms；内存 ${before} → 峰值 ${peakMb} MB；健康检查 ${health.length} 次，最长 ${Math.max(...health.map((h) => h.ms))} ms`,
  );

  expect(answer.status).toBe(400);
  expect(body.error).toBe("无法读取该 DOCX 文件：DOCX文件的正文解压后超过 20 MB 上限，无法读取");
  expect(answer.headers.get("cache-control")).toBe("private, no-store");
  expect(
    health.every((h) => h.status === 200 && h.ok === true),
    JSON.stringify(health),
  ).toBe(true);
  expect(peakMb).toBeLessThan(600);

  // And the server still reads an honest file afterwards.
  const honest = await upload(
    "年报.txt",
    new TextEncoder().encode(
      readFileSync("prisma/seed-data/samples/2021-hulan-district.txt", "utf8"),
    ),
  );
  expect(honest.status).toBe(200);
  expect(((await honest.json()) as { cellsRead: number }).cellsRead).toBeGreaterThan(100);
});

test("a DOCX under the size cap but with 300,000 paragraphs is refused before it is parsed; the server stays under 600 MB", async () => {
  // Just under the 20 MB cap: short paragraphs that would cost the parser more heap than a worker has.
  const heavy = await inflatingDocx(19 * MB);
  const started = Date.now();
  const { result: answer, health, peakMb } = await whileWatching(upload("很长的年报.docx", heavy));
  const body = (await answer.json()) as { error: string };
  note(
    "heavy",
    `正文 19 MB 的文件：${answer.status}「${body.error}」，用时 ${Date.now() - started} ms；内存峰值 ${peakMb} MB；健康检查 ${health.length} 次，最长 ${Math.max(...health.map((h) => h.ms))} ms`,
  );
  expect(answer.status).toBe(400);
  expect(body.error).toBe(
    "无法读取该 DOCX 文件：DOCX文件的正文元素过多（超过 30 万个），不像是一份年度报告，无法读取",
  );
  expect(
    health.every((h) => h.status === 200 && h.ok === true),
    JSON.stringify(health),
  ).toBe(true);
  expect(peakMb).toBeLessThan(600);
});

test("a 30 MB chunked body is refused with 413 before it is parsed, on the upload and on a JSON route", async () => {
  const started = Date.now();
  const toImport = await fetch(`${app!.url}/api/import`, {
    method: "POST",
    headers: { cookie: editor.cookie, "content-type": "multipart/form-data; boundary=x" },
    body: chunked(30 * MB, "--x\r\n"),
    duplex: "half",
  } as RequestInit);
  expect(toImport.status).toBe(413);
  expect(((await toImport.json()) as { error: string }).error).toBe("请求内容过大（上限 10 MB）。");

  const toSave = await fetch(`${app!.url}/api/reports/${editor.reportId}/content`, {
    method: "PUT",
    headers: { cookie: editor.cookie, "content-type": "application/json" },
    body: chunked(30 * MB, '{"version":1,"content":"'),
    duplex: "half",
  } as RequestInit);
  expect(toSave.status).toBe(413);
  expect(((await toSave.json()) as { error: string }).error).toBe("请求内容过大（上限 1 MB）。");
  note("chunked", `两个 30 MB 的分块请求：${Date.now() - started} ms`);
});

test("a body that is not JSON gets 415 on a JSON route, and JSON gets 415 on the upload; nothing is saved", async () => {
  const before = (await (
    await fetch(`${app!.url}/api/reports/${editor.reportId}/content`, {
      headers: { cookie: editor.cookie },
    })
  ).json()) as { version: number; content: unknown };
  for (const contentType of ["text/plain", "application/x-www-form-urlencoded", null]) {
    const answer = await fetch(`${app!.url}/api/reports/${editor.reportId}/content`, {
      method: "PUT",
      headers: { cookie: editor.cookie, ...(contentType ? { "content-type": contentType } : {}) },
      body: JSON.stringify({ version: before.version, content: before.content }),
    });
    expect(answer.status, String(contentType)).toBe(415);
    expect(((await answer.json()) as { error: string }).error).toBe(
      "请求内容应为 JSON（Content-Type: application/json）。",
    );
  }
  const json = await fetch(`${app!.url}/api/import`, {
    method: "POST",
    headers: { cookie: editor.cookie, "content-type": "application/json" },
    body: JSON.stringify({ text: "一、总体情况" }),
  });
  expect(json.status).toBe(415);
  expect(((await json.json()) as { error: string }).error).toBe(
    "请求内容应为上传的表单（Content-Type: multipart/form-data）。",
  );
  const after = (await (
    await fetch(`${app!.url}/api/reports/${editor.reportId}/content`, {
      headers: { cookie: editor.cookie },
    })
  ).json()) as { version: number };
  expect(after.version).toBe(before.version);
});

test("a cross-site request (Sec-Fetch-Site) is refused; the same request from our own page is not", async () => {
  const current = (await (
    await fetch(`${app!.url}/api/reports/${editor.reportId}/content`, {
      headers: { cookie: editor.cookie },
    })
  ).json()) as { version: number; content: unknown };
  const save = (site: string) =>
    fetch(`${app!.url}/api/reports/${editor.reportId}/content`, {
      method: "PUT",
      headers: {
        cookie: editor.cookie,
        "content-type": "application/json",
        "sec-fetch-site": site,
      },
      body: JSON.stringify({ version: current.version, content: current.content }),
    });
  const crossSite = await save("cross-site");
  expect(crossSite.status).toBe(403);
  expect(((await crossSite.json()) as { error: string }).error).toBe("拒绝跨站请求。");
  const form = new FormData();
  form.set("text", "一、总体情况");
  const crossUpload = await fetch(`${app!.url}/api/import`, {
    method: "POST",
    headers: { cookie: editor.cookie, "sec-fetch-site": "cross-site" },
    body: form,
  });
  expect(crossUpload.status).toBe(403);
  expect((await save("same-origin")).status).toBe(200);
});

test("every authenticated API answer is Cache-Control: private, no-store — data, files and refusals alike", async () => {
  const base = app!.url;
  const cookie = editor.cookie;
  const current = await fetch(`${base}/api/reports/${editor.reportId}/content`, {
    headers: { cookie },
  });
  const { version, content } = (await current.clone().json()) as {
    version: number;
    content: unknown;
  };
  const answers: [string, Response][] = [
    ["GET content", current],
    [
      "GET export",
      await fetch(`${base}/api/reports/${editor.reportId}/export?format=html`, {
        headers: { cookie },
      }),
    ],
    [
      "PUT stale version (409)",
      await fetch(`${base}/api/reports/${editor.reportId}/content`, {
        method: "PUT",
        headers: { cookie, "content-type": "application/json" },
        body: JSON.stringify({ version: version + 1000, content }),
      }),
    ],
    [
      "GET another id (400)",
      await fetch(`${base}/api/reports/not-a-report/content`, { headers: { cookie } }),
    ],
    [
      "GET unknown report (404)",
      await fetch(`${base}/api/reports/00000000-0000-4000-8000-000000000000/content`, {
        headers: { cookie },
      }),
    ],
    [
      "GET district list (404 for an editor)",
      await fetch(`${base}/api/district/overview?format=csv`, { headers: { cookie } }),
    ],
    ["GET content signed out (401)", await fetch(`${base}/api/reports/${editor.reportId}/content`)],
  ];
  const statuses = answers.map(([what, answer]) => `${what}: ${answer.status}`);
  note("cache-control", statuses.join("；"));
  expect(answers.map(([, a]) => a.status)).toEqual([200, 200, 409, 400, 404, 404, 401]);
  for (const [what, answer] of answers)
    expect(answer.headers.get("cache-control"), what).toBe("private, no-store");
});

test("imports are limited per user: past 30 a minute the answer is 429 with Retry-After, in Chinese", async () => {
  // The allowance spent, this minute and the next (the window is counted in whole minutes), as thirty
  // uploads would have spent it — without depending on how fast thirty uploads run here.
  const prisma = prismaFor(db.url);
  try {
    const minute = Math.floor(Date.now() / 60_000) * 60_000;
    for (const bucket of [minute, minute + 60_000]) {
      const where = {
        kind_key_bucket: { kind: "import:user", key: editorId, bucket: new Date(bucket) },
      };
      await prisma.rateLimitBucket.upsert({
        where,
        create: { ...where.kind_key_bucket, count: 30 },
        update: { count: 30 },
      });
    }
  } finally {
    await prisma.$disconnect();
  }
  const form = new FormData();
  form.set("text", "一、总体情况");
  const answer = await fetch(`${app!.url}/api/import`, {
    method: "POST",
    headers: { cookie: editor.cookie },
    body: form,
  });
  expect(answer.status).toBe(429);
  expect(Number(answer.headers.get("retry-after"))).toBeGreaterThan(0);
  expect(((await answer.json()) as { error: string }).error).toMatch(
    /^导入过于频繁（每分钟最多 30 次），请 \d+ 秒后再试。$/,
  );
  // Someone else is not affected.
  const [other] = await createEditors(db.url, 1, "edge-other");
  const theirs = await fetch(`${app!.url}/api/import`, {
    method: "POST",
    headers: { cookie: other.cookie },
    body: form,
  });
  expect(theirs.status).toBe(200);
});
