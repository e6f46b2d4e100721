// Cell history beyond the editor's 修改记录: the version comparison names who changed each cell and
// text between two versions, and applying an import to a draft is kept like any other save (cell
// history, the save record, the notice to open editors).
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { db } from "@/lib/db/client";
import type { ReportContent } from "@/lib/report/content";
import { ChannelListener } from "@/lib/realtime/listener";
import {
  parseChannelMessage,
  REPORT_EVENTS_CHANNEL,
  type ChannelMessage,
} from "@/lib/realtime/report-events";
import { applyImport } from "@/lib/reports/apply-import";
import { compareSnapshots } from "@/lib/reports/compare-snapshots";
import { listCellHistory } from "@/lib/reports/list-cell-history";
import { returnReport } from "@/lib/reports/return-report";
import { savePatch } from "@/lib/reports/save-patch";
import { submitReport } from "@/lib/reports/submit-report";
import {
  completeContent,
  createOrganization,
  createReport,
  createUserWithRoles,
} from "./support/fixtures";
import { contextFor, seededDatabase } from "./support/seeded";

type Ctx = Awaited<ReturnType<typeof contextFor>>;
let org: Awaited<ReturnType<typeof createOrganization>>;
let alice: Ctx;
let bob: Ctx;

const LICENSING = "20.5.licensing.decisions";
const ALICE = "history-alice 测试用户";
const BOB = "history-bob 测试用户";

/** The notices an app instance hears, awaited one by one. */
const heard: ChannelMessage[] = [];
let wake: () => void = () => {};
let listener: ChannelListener;

beforeAll(async () => {
  await seededDatabase();
  listener = new ChannelListener({
    connectionString: process.env.DATABASE_URL!,
    channel: REPORT_EVENTS_CHANNEL,
    initialDelayMs: 50,
    onMessage: (payload) => {
      const message = parseChannelMessage(payload);
      if (message) heard.push(message);
      wake();
    },
  });
  listener.start();
  expect(await listener.ready(30_000)).toBe(true);
  org = await createOrganization("修改记录测试街道", { parent: "哈尔滨市平房区人民政府" });
  await createUserWithRoles("history-alice", [{ organizationId: org.id, role: "EDITOR" }]);
  await createUserWithRoles("history-bob", [{ organizationId: org.id, role: "EDITOR" }]);
  alice = await contextFor("history-alice");
  bob = await contextFor("history-bob");
});

afterAll(async () => {
  await listener.stop();
});

const versionOf = async (id: string) =>
  (await db().report.findUniqueOrThrow({ where: { id } })).version;

describe("the version comparison", () => {
  it("names who changed each cell and text between the two versions, from the cell history", async () => {
    const id = (await createReport(org.id, completeContent(org, 2041))).id;
    let version = (
      await savePatch(alice, id, { baseVersion: 1, changes: [{ target: LICENSING, value: 41 }] })
    ).version;
    version = (await submitReport(alice, id, version)).version;
    const reviewer = await contextFor("pingfang-reviewer");
    version = (await returnReport(reviewer, id, { version, comment: "请补充。" })).version;

    // Between the first and the second submission: Bob and then Alice change the cell, Bob the text.
    for (const [ctx, change] of [
      [bob, { target: LICENSING, value: 42 }],
      [alice, { target: LICENSING, value: 43 }],
      [bob, { target: "narrative.s1", value: "鲍勃补充的总体情况。" }],
      [alice, { target: "meta.phone", value: "0451-55550000" }],
    ] as const) {
      version = (await savePatch(ctx, id, { baseVersion: version, changes: [change] })).version;
    }
    // A field changed by a save of which no cell history is kept (as before it was recorded).
    await db().reportCellChange.deleteMany({ where: { reportId: id, target: "meta.phone" } });
    await submitReport(alice, id, version);

    const diff = await compareSnapshots(alice, id, 1, 2);
    const cell = diff.cells.find((c) => c.key === LICENSING);
    expect(cell).toMatchObject({ a: "41", b: "43" });
    expect(cell!.changedBy).toMatchObject({ names: [BOB, ALICE], count: 2 });
    expect(diff.cells.find((c) => c.key === "meta.phone")!.changedBy).toBeNull();
    expect(diff.texts.find((t) => t.key === "narrative.s1")!.changedBy).toMatchObject({
      names: [BOB],
      count: 1,
    });
    // The same two versions asked the other way round name the same people.
    const reversed = await compareSnapshots(alice, id, 2, 1);
    expect(reversed.cells.find((c) => c.key === LICENSING)!.changedBy!.names).toEqual([BOB, ALICE]);
  });
});

describe("applying an import to a draft", () => {
  it("is kept like a normal save: one cell history row per changed target, the save record, and the notice", async () => {
    const id = (await createReport(org.id, completeContent(org, 2042))).id;
    const draft = (await db().report.findUniqueOrThrow({ where: { id } }))
      .content as unknown as ReportContent;
    const source = structuredClone(draft);
    source.tables["20.5"].licensing.decisions = 999;
    source.narratives.s2 = "从已发布报告导入的主动公开情况。";
    const before = heard.length;

    const saved = await applyImport(alice, id, { version: 1, source, sections: ["s2"] });
    expect(saved.version).toBe(2);

    const rows = await db().reportCellChange.findMany({
      where: { reportId: id },
      orderBy: { target: "asc" },
    });
    expect(rows.map((r) => [r.target, r.reportVersion, r.actorId, r.newValue])).toEqual([
      [LICENSING, 2, alice.user.userId, 999],
      ["narrative.s2", 2, alice.user.userId, "从已发布报告导入的主动公开情况。"],
    ]);
    expect(await listCellHistory(bob, id, LICENSING)).toEqual([
      expect.objectContaining({
        actorName: ALICE,
        oldValue: draft.tables["20.5"].licensing.decisions,
        newValue: 999,
      }),
    ]);
    const edits = await db().reportEdit.findMany({ where: { reportId: id } });
    expect(edits.map((e) => [e.reportVersion, e.actorId, [...e.targets].sort()])).toEqual([
      [2, alice.user.userId, ["narratives.s2", "tables.20.5"]],
    ]);

    while (!heard.slice(before).some((m) => m.kind === "saved" && m.reportId === id))
      await new Promise<void>((resolve) => (wake = resolve));
    expect(heard.slice(before).find((m) => m.kind === "saved" && m.reportId === id)).toMatchObject({
      version: 2,
      actorName: ALICE,
      targets: expect.arrayContaining([LICENSING, "narrative.s2"]),
    });
    expect(await versionOf(id)).toBe(2);
  });
});
