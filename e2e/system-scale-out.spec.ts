// Scale-out: two `next start` instances of the same build share one PostgreSQL behind a
// round-robin proxy. Twenty editors save their own reports through the proxy and straight to each
// instance for a few seconds, while four colleagues contend for one report across both instances.
// No acknowledged save is lost, every 409 carries the server's current state, reads through either
// instance agree, and a browser session works through the proxy with no sticky sessions.
import { expect, test } from "@playwright/test";
import { computeTotals } from "../lib/report/compute-totals";
import { contentSchema, type ReportContent } from "../lib/report/content";
import { fullReport } from "../lib/report/__fixtures__/full-report";
import { createEditors, type SimulatedEditor } from "../scripts/bench/support/editors";
import {
  startRoundRobinProxy,
  type RoundRobinProxy,
} from "../scripts/system/round-robin-proxy.mjs";
import { expectSaved, goToStep, openReport } from "./support/editor-helpers";
import { signIn } from "./support/helpers";
import {
  colleagueCookies,
  leftovers,
  port,
  prismaFor,
  startApp,
  startDatabase,
  type AppInstance,
  type SystemDatabase,
} from "./support/system-support";

const PG_PORT = port(54340);
const APP_PORTS = [port(3101), port(3102)];
const PROXY_PORT = port(3109);
const EDITORS = 20;
const COLLEAGUES = 4;
const RUN_MS = 3000;
const MIN_SAVES_EACH = 3; // everyone goes through the proxy and both instances at least once
const MAX_SAVES_EACH = 40; // bounded by count as well as by time

let db: SystemDatabase;
let apps: AppInstance[] = [];
let proxy: RoundRobinProxy | null = null;

test.describe.configure({ mode: "serial", timeout: 240_000 });
// The browser goes through the proxy.
test.use({ baseURL: `http://127.0.0.1:${PROXY_PORT}` });

test.beforeAll(async () => {
  test.setTimeout(240_000);
  db = await startDatabase("scale-out", PG_PORT);
  apps = await Promise.all(APP_PORTS.map((port) => startApp(port, db.url)));
  proxy = await startRoundRobinProxy({ port: PROXY_PORT, targets: apps.map((a) => a.url) });
});

test.afterAll(async () => {
  await proxy?.close();
  await Promise.all(apps.map((a) => a.stop()));
  await db?.stop();
  expect(leftovers(), "no process of this test may outlive it").toEqual([]);
});

interface Ack {
  version: number;
  content: ReportContent;
}

async function put(
  base: string,
  editor: { reportId: string; cookie: string },
  version: number,
  content: ReportContent,
) {
  const response = await fetch(`${base}/api/reports/${editor.reportId}/content`, {
    method: "PUT",
    headers: { "content-type": "application/json", cookie: editor.cookie },
    body: JSON.stringify({ version, content }),
  });
  return { status: response.status, body: (await response.json()) as Record<string, unknown> };
}

async function read(base: string, editor: { reportId: string; cookie: string }) {
  const response = await fetch(`${base}/api/reports/${editor.reportId}/content`, {
    headers: { cookie: editor.cookie },
  });
  expect(response.status).toBe(200);
  return (await response.json()) as { version: number; content: ReportContent };
}

/** The content as the client owns it: the year and the kind of unit belong to the report record, and the server sets them. */
function clientPart(content: ReportContent) {
  const { year: _year, isPeoplesGovernment: _kind, ...meta } = content.meta;
  return { ...content, meta };
}

/** What a keystroke-and-pause changes: a narrative and a figure, totals recomputed as the editor does. */
function edited(base: ReportContent, who: string, n: number): ReportContent {
  const content = structuredClone(base);
  content.narratives.s1 = `${who} 第${n}次保存：本年度我单位认真贯彻落实《中华人民共和国政府信息公开条例》。`;
  content.tables["20.5"].licensing.decisions = 1000 + n;
  return computeTotals(content);
}

test("two instances behind a proxy: concurrent editors lose no acknowledged save and read the same state", async () => {
  test.setTimeout(180_000);
  const prisma = prismaFor(db.url);
  try {
    const editors = await createEditors(db.url, EDITORS, "scale");
    const [shared] = await createEditors(db.url, 1, "shared");
    const colleagues = (
      await colleagueCookies(prisma, shared.reportId, COLLEAGUES, "shared-colleague")
    ).map((cookie) => ({ reportId: shared.reportId, cookie }));
    const bases = [proxy!.url, ...apps.map((a) => a.url)];
    // Warm both instances (first requests load the route code) before the clock starts.
    const [warm] = await createEditors(db.url, 1, "warm");
    for (const [i, app] of apps.entries()) {
      expect(
        (await put(app.url, warm, warm.version + i, edited(fullReport("2021", 2025), "预热", i)))
          .status,
      ).toBe(200);
      await read(app.url, warm);
    }
    const initial = new Map<string, ReportContent>();
    for (const [i, editor] of [...editors, shared].entries()) {
      const seen = await read(bases[i % bases.length], editor);
      expect(seen.version).toBe(editor.version);
      initial.set(editor.reportId, seen.content);
    }
    const stopAt = Date.now() + RUN_MS;
    const going = (i: number) => i < MIN_SAVES_EACH || (Date.now() < stopAt && i < MAX_SAVES_EACH);

    // ——— each editor alone on their own report: proxy, instance 1, instance 2 in turn ———
    const own = new Map<string, Ack[]>();
    const failures: string[] = [];
    const soloEditor = async (editor: SimulatedEditor, n: number) => {
      const acks: Ack[] = [];
      own.set(editor.reportId, acks);
      let version = editor.version;
      // As the editor page does: start from the report as the server has it.
      const base = initial.get(editor.reportId)!;
      for (let i = 0; going(i); i++) {
        const content = edited(base, `编辑${n}`, i);
        const { status, body } = await put(bases[(n + i) % bases.length], editor, version, content);
        if (status !== 200) {
          failures.push(`编辑${n} 第${i}次：${status} ${JSON.stringify(body).slice(0, 200)}`);
          return;
        }
        expect(body.version).toBe(version + 1);
        version = body.version as number;
        acks.push({ version, content });
        // Read-after-write through the other instance: it sees this save at once (one database, no cache).
        if (i % 3 === 2) {
          const other = apps[(n + i + 1) % apps.length].url;
          const seen = await read(other, editor);
          expect(seen.version).toBe(version);
          expect(seen.content.narratives.s1).toBe(content.narratives.s1);
        }
      }
    };

    // ——— four colleagues on one report, alternating between the two instances directly ———
    const sharedAcks: (Ack & { by: number })[] = [];
    const conflicts: { sent: number; current: { version: number; content: ReportContent } }[] = [];
    const colleague = async (editor: { reportId: string; cookie: string }, n: number) => {
      let version = shared.version;
      let base = initial.get(shared.reportId)!;
      for (let i = 0; going(i); i++) {
        const content = edited(base, `同事${n}`, i);
        const { status, body } = await put(
          apps[(n + i) % apps.length].url,
          editor,
          version,
          content,
        );
        if (status === 200) {
          expect(body.version).toBe(version + 1);
          version = body.version as number;
          sharedAcks.push({ version, content, by: n });
        } else if (status === 409) {
          // The conflict hands over the server's current version and content: continue from there.
          const current = body.current as { version: number; content: ReportContent };
          expect(typeof body.error).toBe("string");
          expect(current.version).toBeGreaterThan(version);
          expect(contentSchema("2021").safeParse(current.content).success).toBe(true);
          conflicts.push({ sent: version, current });
          version = current.version;
          base = current.content;
        } else {
          failures.push(`同事${n} 第${i}次：${status} ${JSON.stringify(body).slice(0, 200)}`);
          return;
        }
      }
    };

    await Promise.all([...editors.map(soloEditor), ...colleagues.map(colleague)]);
    expect(failures).toEqual([]);

    // Both instances did real work, through the proxy and directly.
    const counts = proxy!.counts();
    for (const app of apps) expect(counts[`127.0.0.1:${app.port}`]).toBeGreaterThan(0);
    const totalOwn = [...own.values()].reduce((sum, acks) => sum + acks.length, 0);
    test.info().annotations.push({
      type: "load",
      description: `${RUN_MS / 1000} 秒：${EDITORS} 人各自保存 ${totalOwn} 次（经代理 ${JSON.stringify(counts)}），${COLLEAGUES} 人同改一份报告成功 ${sharedAcks.length} 次、冲突 ${conflicts.length} 次`,
    });
    console.log(`[scale-out] ${test.info().annotations.at(-1)!.description}`);
    for (const acks of own.values()) expect(acks.length).toBeGreaterThanOrEqual(MIN_SAVES_EACH);

    // ——— every acknowledged save is in the database ———
    const rows = await prisma.report.findMany({
      where: { id: { in: [...own.keys(), shared.reportId] } },
      select: { id: true, version: true, content: true },
    });
    const byId = new Map(rows.map((r) => [r.id, r]));
    for (const editor of editors) {
      const acks = own.get(editor.reportId)!;
      const row = byId.get(editor.reportId)!;
      expect(row.version).toBe(editor.version + acks.length);
      if (acks.length)
        expect(clientPart(row.content as unknown as ReportContent)).toEqual(
          clientPart(acks.at(-1)!.content),
        );
    }

    // On the shared report: one acknowledgement per version, none lost, the last one stored.
    const versions = sharedAcks.map((a) => a.version).sort((a, b) => a - b);
    expect(new Set(versions).size).toBe(versions.length);
    expect(versions).toEqual(versions.map((_, i) => shared.version + 1 + i));
    const sharedRow = byId.get(shared.reportId)!;
    expect(sharedRow.version).toBe(shared.version + sharedAcks.length);
    expect(clientPart(sharedRow.content as unknown as ReportContent)).toEqual(
      clientPart(sharedAcks.find((a) => a.version === sharedRow.version)!.content),
    );
    expect(sharedAcks.length).toBeGreaterThan(0);
    // Each 409 carried a state the server really had: an acknowledged save (or the initial draft).
    for (const { current } of conflicts) {
      const ack = sharedAcks.find((a) => a.version === current.version);
      expect(clientPart(current.content)).toEqual(
        clientPart(ack ? ack.content : initial.get(shared.reportId)!),
      );
      if (!ack) expect(current.version).toBe(shared.version);
    }

    // ——— reads through either instance and the proxy agree with the database ———
    for (const editor of [...editors, ...colleagues.slice(0, 1)]) {
      const seen = await Promise.all(
        [...apps.map((a) => a.url), proxy!.url, proxy!.url].map((base) => read(base, editor)),
      );
      const row = byId.get(editor.reportId)!;
      for (const s of seen) {
        expect(s.version).toBe(row.version);
        expect(s.content).toEqual(row.content);
      }
    }
  } finally {
    await prisma.$disconnect();
  }
});

test("a browser signs in and edits through the proxy, its requests spread over both instances (no sticky sessions)", async ({
  page,
}) => {
  const before = proxy!.counts();
  await signIn(page, "youxie-editor");
  await openReport(page, /友协街道办事处/, 2025);
  await goToStep(page, /一、总体情况/);
  const text = `经负载均衡保存的文字 ${Date.now()}`;
  await page.getByRole("textbox", { name: "一、总体情况", exact: true }).fill(text);
  await expectSaved(page);
  await page.reload();
  await goToStep(page, /一、总体情况/);
  await expect(page.getByRole("textbox", { name: "一、总体情况", exact: true })).toHaveValue(text);

  const after = proxy!.counts();
  for (const app of apps)
    expect(after[`127.0.0.1:${app.port}`]).toBeGreaterThan(before[`127.0.0.1:${app.port}`]);
  const prisma = prismaFor(db.url);
  try {
    const org = await prisma.organization.findUniqueOrThrow({ where: { slug: "youxie" } });
    const report = await prisma.report.findUniqueOrThrow({
      where: { organizationId_year: { organizationId: org.id, year: 2025 } },
    });
    expect((report.content as unknown as ReportContent).narratives.s1).toBe(text);
  } finally {
    await prisma.$disconnect();
  }
});
