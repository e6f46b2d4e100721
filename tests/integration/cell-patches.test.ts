import { beforeAll, describe, expect, it } from "vitest";
import { ForbiddenError, NotFoundError } from "@/lib/auth/errors";
import { db } from "@/lib/db/client";
import { computeTotals } from "@/lib/report/compute-totals";
import { parseReportContent, type ReportContent } from "@/lib/report/content";
import { FIGURE_BINDINGS_TARGET } from "@/lib/report/narrative-bindings";
import { applyChanges } from "@/lib/report/patch";
import { InvalidStateError } from "@/lib/reports/errors";
import { listCellHistory } from "@/lib/reports/list-cell-history";
import { listChangesSince } from "@/lib/reports/list-changes-since";
import { foldCellHistory } from "@/lib/reports/patches/fold-cell-history";
import { saveDraft } from "@/lib/reports/save-draft";
import { savePatch } from "@/lib/reports/save-patch";
import { ValidationError } from "@/lib/errors";
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

const NATURAL = "requests.new.natural";
const LICENSING = "20.5.licensing.decisions";

beforeAll(async () => {
  await seededDatabase();
  org = await createOrganization("单元格保存测试街道", { parent: "哈尔滨市平房区人民政府" });
  await createUserWithRoles("patch-alice", [{ organizationId: org.id, role: "EDITOR" }]);
  await createUserWithRoles("patch-bob", [{ organizationId: org.id, role: "EDITOR" }]);
  alice = await contextFor("patch-alice");
  bob = await contextFor("patch-bob");
});

async function newDraft(year: number) {
  const report = await createReport(org.id, completeContent(org, year));
  return report.id;
}
const contentOf = async (id: string) =>
  (await db().report.findUniqueOrThrow({ where: { id } })).content as unknown as ReportContent;

describe("a save sends what changed", () => {
  it("changes to different cells merge silently, and each save hands back the colleague's changes", async () => {
    const id = await newDraft(2030);
    const a = await savePatch(alice, id, {
      baseVersion: 1,
      changes: [{ target: LICENSING, value: 41 }],
    });
    expect(a).toMatchObject({ version: 2, applied: [LICENSING], changes: [], conflicts: [] });

    // Bob started from version 1 too and typed in 三: no conflict, and he learns of Alice's figure.
    const b = await savePatch(bob, id, {
      baseVersion: 1,
      changes: [{ target: NATURAL, value: 7 }],
    });
    expect(b.version).toBe(3);
    expect(b.conflicts).toEqual([]);
    expect(b.changes).toEqual([
      expect.objectContaining({ target: LICENSING, value: 41, actorName: "patch-alice 测试用户" }),
    ]);

    const content = await contentOf(id);
    expect(content.tables["20.5"].licensing.decisions).toBe(41);
    expect(content.tables.requests.new.natural).toBe(7);
    // The total is derived on the server from the cells, never sent.
    const total = content.tables.requests.new.total as number;
    const typed = ["natural", "commercial", "research", "nonprofit", "legal", "other"]
      .map((k) => content.tables.requests.new[k])
      .reduce<number>((sum, v) => sum + (typeof v === "number" ? v : 0), 0);
    expect(total).toBe(typed);
  });

  it("only a cell the colleague changed since the base conflicts, with both values and the colleague's name; the rest is written", async () => {
    const id = await newDraft(2031);
    await savePatch(alice, id, { baseVersion: 1, changes: [{ target: NATURAL, value: 11 }] });
    const b = await savePatch(bob, id, {
      baseVersion: 1,
      changes: [
        { target: NATURAL, value: 12 },
        { target: "narrative.s1", value: "鲍勃写的总体情况。" },
      ],
    });
    expect(b.applied).toEqual(["narrative.s1"]);
    expect(b.conflicts).toEqual([
      expect.objectContaining({
        target: NATURAL,
        mine: 12,
        theirs: 11,
        actorName: "patch-alice 测试用户",
      }),
    ]);
    const content = await contentOf(id);
    expect(content.tables.requests.new.natural).toBe(11);
    expect(content.narratives.s1).toBe("鲍勃写的总体情况。");

    // Bob chooses his value: sent again from the version he now holds, it is written.
    const chosen = await savePatch(bob, id, {
      baseVersion: b.version,
      changes: [{ target: NATURAL, value: 12 }],
    });
    expect(chosen.conflicts).toEqual([]);
    expect((await contentOf(id)).tables.requests.new.natural).toBe(12);
  });

  it("the same value typed by both is no conflict; one's own earlier save is no conflict", async () => {
    const id = await newDraft(2032);
    await savePatch(alice, id, { baseVersion: 1, changes: [{ target: NATURAL, value: 5 }] });
    const same = await savePatch(bob, id, {
      baseVersion: 1,
      changes: [{ target: NATURAL, value: 5 }],
    });
    expect(same).toMatchObject({ version: 2, applied: [], conflicts: [] });
    const own = await savePatch(alice, id, {
      baseVersion: 1,
      changes: [{ target: NATURAL, value: 6 }],
    });
    expect(own).toMatchObject({ version: 3, applied: [NATURAL], conflicts: [] });
  });

  it("refuses computed totals, unknown targets and values of the wrong kind, naming them", async () => {
    const id = await newDraft(2033);
    await expect(
      savePatch(alice, id, {
        baseVersion: 1,
        changes: [{ target: "requests.new.total", value: 3 }],
      }),
    ).rejects.toThrow(ValidationError);
    await expect(
      savePatch(alice, id, { baseVersion: 1, changes: [{ target: "meta.year", value: "2020" }] }),
    ).rejects.toThrow("不是可填写的单元格或字段");
    await expect(
      savePatch(alice, id, {
        baseVersion: 1,
        changes: [{ target: "meta.issuedDate", value: "明天" }],
      }),
    ).rejects.toThrow("成文日期");
    expect((await db().report.findUniqueOrThrow({ where: { id } })).version).toBe(1);
  });

  it("a submitted report takes no patch; the whole-report save still refuses a stale version", async () => {
    const id = await newDraft(2034);
    await saveDraft(alice, id, { version: 1, content: await contentOf(id) });
    await expect(
      saveDraft(bob, id, { version: 1, content: await contentOf(id) }),
    ).rejects.toMatchObject({
      status: 409,
    });
    await db().report.update({ where: { id }, data: { status: "SUBMITTED" } });
    await expect(
      savePatch(alice, id, { baseVersion: 2, changes: [{ target: NATURAL, value: 1 }] }),
    ).rejects.toThrow(InvalidStateError);
  });

  it("concurrent patches to different cells all land, each once in the history", async () => {
    const id = await newDraft(2035);
    const cells = ["natural", "commercial", "research", "nonprofit", "legal", "other"];
    await Promise.all(
      cells.map((column, i) =>
        savePatch(i % 2 ? alice : bob, id, {
          baseVersion: 1,
          changes: [{ target: `requests.new.${column}`, value: 100 + i }],
        }),
      ),
    );
    const content = await contentOf(id);
    cells.forEach((column, i) => expect(content.tables.requests.new[column]).toBe(100 + i));
    expect(content.tables.requests.new.total).toBe(cells.reduce((s, _, i) => s + 100 + i, 0));
    expect((await db().report.findUniqueOrThrow({ where: { id } })).version).toBe(7);
    expect(await db().reportCellChange.count({ where: { reportId: id } })).toBe(6);
  });
});

describe("a save writes only the parts it touches", () => {
  it("leaves every untouched part as it was, recomputes the touched table's totals, and writes texts, cover fields and figure bindings", async () => {
    const id = await newDraft(2039);
    const before = await contentOf(id);
    const saved = await savePatch(alice, id, {
      baseVersion: 1,
      changes: [
        { target: NATURAL, value: 1234 },
        { target: "narrative.s3", value: "三的新文字。" },
        { target: "meta.phone", value: "0451-99990000" },
        { target: "preface", value: "新的前言。" },
      ],
    });
    expect(saved.applied).toHaveLength(4);
    const after = await contentOf(id);
    const expected = computeTotals(
      applyChanges(before, [
        { target: NATURAL, value: 1234 },
        { target: "narrative.s3", value: "三的新文字。" },
        { target: "meta.phone", value: "0451-99990000" },
        { target: "preface", value: "新的前言。" },
      ]),
    );
    expect(after).toEqual(expected);
    // Nothing the save did not touch moved: the other tables, texts and fields are the stored ones.
    expect(after.tables["20.5"]).toEqual(before.tables["20.5"]);
    expect(after.narratives.s1).toBe(before.narratives.s1);
    expect(after.fees).toEqual(before.fees);
    expect(parseReportContent(after).success).toBe(true);
    const edit = await db().reportEdit.findFirstOrThrow({ where: { reportId: id } });
    expect([...edit.targets].sort()).toEqual(
      ["meta", "narratives.s3", "preface", "tables.requests"].sort(),
    );

    // Figure bindings set, then cleared: the key is gone rather than null.
    const binding = JSON.stringify([
      {
        section: "s3",
        start: 0,
        end: 4,
        expr: { op: "sum", cells: [NATURAL] },
        text: "1234",
      },
    ]);
    const bound = await savePatch(alice, id, {
      baseVersion: saved.version,
      changes: [{ target: FIGURE_BINDINGS_TARGET, value: binding }],
    });
    expect(bound.applied).toEqual([FIGURE_BINDINGS_TARGET]);
    expect((await contentOf(id)).figureBindings).toEqual(JSON.parse(binding));
    await savePatch(alice, id, {
      baseVersion: bound.version,
      changes: [{ target: FIGURE_BINDINGS_TARGET, value: null }],
    });
    expect("figureBindings" in (await contentOf(id))).toBe(false);
  });

  it("a report the caller may not see is not found; one they may see but not edit is refused, and nothing is written", async () => {
    const id = await newDraft(2040);
    const other = await createOrganization("别的街道", { parent: "哈尔滨市平房区人民政府" });
    await createUserWithRoles("patch-carol", [{ organizationId: other.id, role: "EDITOR" }]);
    const carol = await contextFor("patch-carol");
    const patch = { baseVersion: 1, changes: [{ target: NATURAL, value: 3 }] };
    await expect(savePatch(carol, id, patch)).rejects.toThrow(NotFoundError);
    await expect(savePatch(alice, "not-a-report-id", patch)).rejects.toThrow(NotFoundError);
    await expect(savePatch(await contextFor("pingfang-reviewer"), id, patch)).rejects.toThrow(
      ForbiddenError,
    );
    expect((await db().report.findUniqueOrThrow({ where: { id } })).version).toBe(1);
    expect(await db().reportCellChange.count({ where: { reportId: id } })).toBe(0);
  });
});

describe("colleagues' changes and cell history", () => {
  it("changes since a version are the colleague's latest values, without one's own", async () => {
    const id = await newDraft(2036);
    await savePatch(alice, id, { baseVersion: 1, changes: [{ target: NATURAL, value: 1 }] });
    await savePatch(alice, id, { baseVersion: 2, changes: [{ target: NATURAL, value: 2 }] });
    await savePatch(bob, id, {
      baseVersion: 3,
      changes: [{ target: "narrative.s2", value: "二" }],
    });
    const forBob = await listChangesSince(bob, id, 1);
    expect(forBob.version).toBe(4);
    expect(forBob.changes.map((c) => [c.target, c.value])).toEqual([[NATURAL, 2]]);
    const forAlice = await listChangesSince(alice, id, 3);
    expect(forAlice.changes.map((c) => [c.target, c.value, c.actorName])).toEqual([
      ["narrative.s2", "二", "patch-bob 测试用户"],
    ]);
  });

  it("lists both people's changes to a cell in order, with the values before and after", async () => {
    const id = await newDraft(2037);
    const before = (await contentOf(id)).tables.requests.new.natural;
    await savePatch(alice, id, { baseVersion: 1, changes: [{ target: NATURAL, value: 21 }] });
    await savePatch(bob, id, { baseVersion: 2, changes: [{ target: NATURAL, value: 22 }] });
    await saveDraft(alice, id, {
      version: 3,
      content: { ...(await contentOf(id)), tables: withNatural(await contentOf(id), 23) },
    });
    const history = await listCellHistory(alice, id, NATURAL);
    expect(history.map((h) => [h.actorName, h.oldValue, h.newValue])).toEqual([
      ["patch-alice 测试用户", before, 21],
      ["patch-bob 测试用户", 21, 22],
      ["patch-alice 测试用户", 22, 23],
    ]);
  });

  it("folds changes older than the retention window beyond the last few of each target into one row", async () => {
    const id = await newDraft(2038);
    let version = 1;
    for (let i = 1; i <= 8; i++) {
      const actor = i % 2 ? alice : bob;
      version = (
        await savePatch(actor, id, {
          baseVersion: version,
          changes: [{ target: NATURAL, value: i }],
        })
      ).version;
    }
    await savePatch(alice, id, {
      baseVersion: version,
      changes: [{ target: LICENSING, value: 9 }],
    });
    // Five of the cell's changes are made old; the last three stay recent.
    const rows = await db().reportCellChange.findMany({
      where: { reportId: id, target: NATURAL },
      orderBy: { reportVersion: "asc" },
    });
    const oldDate = new Date(Date.now() - 200 * 24 * 3600 * 1000);
    await db().reportCellChange.updateMany({
      where: { id: { in: rows.slice(0, 5).map((r) => r.id) } },
      data: { createdAt: oldDate },
    });
    const original = rows[0].oldValue;
    const removed = await foldCellHistory(id, new Date(), { keepDays: 90, keepPerTarget: 2 });
    expect(removed).toBe(4);

    const history = await listCellHistory(alice, id, NATURAL);
    expect(history.map((h) => [h.oldValue, h.newValue, h.foldedCount])).toEqual([
      [original, 5, 5],
      [5, 6, 1],
      [6, 7, 1],
      [7, 8, 1],
    ]);
    expect(history[0].firstAt).toBe(oldDate.toISOString());
    // Other targets and the report itself are untouched; folding again finds nothing.
    expect(await listCellHistory(alice, id, LICENSING)).toHaveLength(1);
    expect((await contentOf(id)).tables.requests.new.natural).toBe(8);
    expect(await foldCellHistory(id, new Date(), { keepDays: 90, keepPerTarget: 2 })).toBe(0);
    // A client whose base is older than the folded changes still meets the colleague's last change.
    const stale = await savePatch(alice, id, {
      baseVersion: 1,
      changes: [{ target: NATURAL, value: 99 }],
    });
    expect(stale.conflicts.map((c) => c.target)).toEqual([NATURAL]);
  });
});

function withNatural(content: ReportContent, value: number): ReportContent["tables"] {
  const tables = structuredClone(content.tables);
  tables.requests.new.natural = value;
  return tables;
}
