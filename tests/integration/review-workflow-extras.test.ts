import { beforeAll, describe, expect, it } from "vitest";
import { ForbiddenError, InputError, NotFoundError } from "@/lib/auth/errors";
import { db } from "@/lib/db/client";
import type { Prisma } from "@/lib/db/generated/client";
import { sendReminders } from "@/lib/district/send-reminders";
import { listNotifications } from "@/lib/notifications/list-notifications";
import { markNotificationsRead } from "@/lib/notifications/mark-notifications-read";
import { getPublishedReport } from "@/lib/public/get-published-report";
import { listPublishedReports } from "@/lib/public/list-published-reports";
import { computeTotals } from "@/lib/report/compute-totals";
import { parseReportContent, type ReportContent } from "@/lib/report/content";
import { addReviewComment } from "@/lib/reports/add-review-comment";
import { approveReport } from "@/lib/reports/approve-report";
import { LIFECYCLE } from "@/lib/reports/lifecycle";
import { countReviewInbox, listReviewInbox } from "@/lib/reports/list-review-inbox";
import { publishReport } from "@/lib/reports/publish-report";
import { reopenForCorrection } from "@/lib/reports/reopen-for-correction";
import { resubmissionChanges } from "@/lib/reports/resubmission-changes";
import { returnReport } from "@/lib/reports/return-report";
import { saveDraft } from "@/lib/reports/save-draft";
import { submitReport } from "@/lib/reports/submit-report";
import { REVIEW_STARTED, withdrawReport } from "@/lib/reports/withdraw-report";
import {
  completeContent,
  createOrganization,
  createReport,
  createUserWithRoles,
} from "./support/fixtures";
import { contextFor, seededDatabase } from "./support/seeded";

// A district of its own (so no other test file's reports or reminders meet these), with one unit.
let district: Awaited<ReturnType<typeof createOrganization>>;
let unit: Awaited<ReturnType<typeof createOrganization>>;
let reportId: string;
const FIRST_TEXT = "更正测试：最初发布的文字。";
const CORRECTED_TEXT = "更正测试：更正后的文字。";

beforeAll(async () => {
  await seededDatabase();
  district = await createOrganization("撤回更正测试区人民政府");
  unit = await createOrganization("撤回更正测试街道", { parent: district.name });
  await createUserWithRoles("extras-editor", [{ organizationId: unit.id, role: "EDITOR" }]);
  await createUserWithRoles("extras-reviewer", [{ organizationId: district.id, role: "REVIEWER" }]);
  await createUserWithRoles("extras-admin", [{ organizationId: district.id, role: "ADMIN" }]);
  reportId = (await createReport(unit.id, completeContent(unit, 2025, FIRST_TEXT))).id;
});

const report = () => db().report.findUniqueOrThrow({ where: { id: reportId } });
const as = contextFor;
const contentOf = async () => parseReportContent((await report()).content).data as ReportContent;
const kinds = async (account: string) =>
  (await listNotifications(await as(account))).items.map((n) => n.kind);

async function edit(change: (c: ReportContent) => void) {
  const current = await report();
  const content = structuredClone(current.content) as unknown as ReportContent;
  change(content);
  await saveDraft(await as("extras-editor"), reportId, {
    version: current.version,
    content: computeTotals(content) as unknown as Prisma.InputJsonValue,
  });
}

describe("submission: 待审核 notification and inbox, and 撤回 before review starts", () => {
  it("a submission tells the district's reviewers (not the submitter) and fills their inbox", async () => {
    await submitReport(await as("extras-editor"), reportId, (await report()).version);
    expect(await kinds("extras-reviewer")).toEqual(["SUBMITTED"]);
    expect(await kinds("extras-editor")).toEqual([]);
    const reviewer = await as("extras-reviewer");
    expect(await listReviewInbox(reviewer)).toMatchObject([
      { reportId, unit: unit.name, year: 2025, resubmission: false, ownSubmission: false },
    ]);
    expect(await countReviewInbox(reviewer)).toBe(1);
    // An editor has no inbox; a reviewer of another district does not see this one.
    expect(await listReviewInbox(await as("extras-editor"))).toEqual([]);
    expect(
      (await listReviewInbox(await as("pingfang-reviewer"))).map((i) => i.reportId),
    ).not.toContain(reportId);
  });

  it("only the unit's editors and admins may withdraw; another unit's editor does not find it", async () => {
    const version = (await report()).version;
    await expect(
      withdrawReport(await as("xinwei-editor"), reportId, { version }),
    ).rejects.toBeInstanceOf(NotFoundError);
    await expect(
      withdrawReport(await as("extras-reviewer"), reportId, { version }),
    ).rejects.toThrow(ForbiddenError);
    const result = await withdrawReport(
      await as("extras-editor"),
      reportId,
      { version },
      {
        ip: "10.0.0.9",
      },
    );
    expect(result.version).toBe(version + 1);
    expect((await report()).status).toBe("DRAFT");
    expect(
      await db().auditLog.count({
        where: { reportId, action: "REPORT_WITHDRAWN", ip: "10.0.0.9" },
      }),
    ).toBe(1);
  });

  it("a draft cannot be withdrawn (said in Chinese), nor a submission a reviewer has commented on", async () => {
    const editor = await as("extras-editor");
    await expect(
      withdrawReport(editor, reportId, { version: (await report()).version }),
    ).rejects.toThrow(LIFECYCLE.withdraw.refused);
    await submitReport(editor, reportId, (await report()).version);
    await addReviewComment(await as("extras-reviewer"), reportId, {
      target: "requests.new.natural",
      body: "请核对本年新收申请数。",
    });
    const version = (await report()).version;
    await expect(withdrawReport(editor, reportId, { version })).rejects.toThrow(REVIEW_STARTED);
    expect((await report()).status).toBe("SUBMITTED");
    expect((await report()).version).toBe(version);
  });
});

describe("a resubmission shows what changed and which comments were answered", () => {
  it("退回 tells the editor, with the overall comment", async () => {
    await addReviewComment(await as("extras-reviewer"), reportId, {
      target: "s5",
      body: "第五部分请补充说明。",
    });
    await returnReport(await as("extras-reviewer"), reportId, {
      version: (await report()).version,
      comment: "请按意见修改。",
    });
    const { items, unread } = await listNotifications(await as("extras-editor"));
    expect(unread).toBe(1);
    expect(items[0]).toMatchObject({ kind: "RETURNED", message: "请按意见修改。", read: false });
    expect(items[0].text).toContain("退回");
  });

  it("the editor changes the commented cell only; the reviewer sees that cell and one of two comments answered", async () => {
    const before = await contentOf();
    const old = Number(before.tables.requests.new.natural);
    // One more request received and carried over to next year: the table still balances.
    await edit((c) => {
      c.tables.requests.new.natural = old + 1;
      c.tables.requests.carryover.natural = Number(c.tables.requests.carryover.natural) + 1;
    });
    await submitReport(await as("extras-editor"), reportId, (await report()).version);
    expect((await report()).status).toBe("SUBMITTED");
    const changes = await resubmissionChanges(await as("extras-reviewer"), await report());
    expect(changes).not.toBeNull();
    expect(changes!.cells.map((c) => c.key).sort()).toEqual([
      "requests.carryover.natural",
      "requests.new.natural",
    ]);
    const cell = changes!.cells.find((c) => c.key === "requests.new.natural")!;
    expect([cell.a, cell.b]).toEqual([String(old), String(old + 1)]);
    expect(changes!.texts).toEqual([]);
    expect(changes!.answered).toEqual([
      expect.objectContaining({ body: "请核对本年新收申请数。", changed: true }),
      expect.objectContaining({ body: "第五部分请补充说明。", changed: false }),
    ]);
    expect((await listReviewInbox(await as("extras-reviewer")))[0].resubmission).toBe(true);
  });

  it("通过 tells the editor; marking read clears the count", async () => {
    await approveReport(await as("extras-reviewer"), reportId, {
      version: (await report()).version,
    });
    const editor = await as("extras-editor");
    expect((await listNotifications(editor)).items[0].kind).toBe("APPROVED");
    await markNotificationsRead(editor, "all");
    expect((await listNotifications(editor)).unread).toBe(0);
  });
});

describe("更正: an admin reopens a published report; the public page keeps the published version until the correction replaces it", () => {
  it("publishing keeps a PUBLISHED snapshot; the public page shows it", async () => {
    await publishReport(await as("extras-admin"), reportId, {
      version: (await report()).version,
      url: "https://www.example.gov.cn/2025.html",
      date: "2026-01-20",
    });
    const pub = await getPublishedReport(unit.slug, 2025);
    expect(pub?.content.narratives.s1).toContain(FIRST_TEXT);
    expect(pub?.current.note).toBeNull();
    expect(pub?.earlier).toEqual([]);
  });

  it("only an admin may reopen, only a published report, with a reason — refused in Chinese", async () => {
    const version = (await report()).version;
    for (const account of ["extras-editor", "extras-reviewer"])
      await expect(
        reopenForCorrection(await as(account), reportId, { version, reason: "数字有误" }),
      ).rejects.toThrow("只有管理员可以更正已发布的报告。");
    await expect(
      reopenForCorrection(await as("xinwei-editor"), reportId, { version, reason: "x" }),
    ).rejects.toBeInstanceOf(NotFoundError);
    await expect(
      reopenForCorrection(await as("extras-admin"), reportId, { version, reason: "  " }),
    ).rejects.toBeInstanceOf(InputError);
  });

  it("reopened: a draft again, the public page still shows what was published, and it is audited", async () => {
    await reopenForCorrection(await as("extras-admin"), reportId, {
      version: (await report()).version,
      reason: "第一部分文字有误",
    });
    expect((await report()).status).toBe("DRAFT");
    await expect(
      reopenForCorrection(await as("extras-admin"), reportId, {
        version: (await report()).version,
        reason: "再次更正",
      }),
    ).rejects.toThrow(LIFECYCLE.correct.refused);
    expect((await getPublishedReport(unit.slug, 2025))?.content.narratives.s1).toContain(
      FIRST_TEXT,
    );
    expect((await listPublishedReports(unit.slug))?.reports).toMatchObject([
      { year: 2025, corrected: false },
    ]);
    expect(
      await db().auditLog.findFirst({
        where: { reportId, action: "REPORT_REOPENED_FOR_CORRECTION" },
        select: { detail: true },
      }),
    ).toMatchObject({ detail: { reason: "第一部分文字有误" } });
  });

  it("the correction is reviewed, then published only with a note; the old version stays public as superseded", async () => {
    await edit((c) => {
      c.narratives.s1 = c.narratives.s1.replace(FIRST_TEXT, CORRECTED_TEXT);
    });
    await submitReport(await as("extras-editor"), reportId, (await report()).version);
    await approveReport(await as("extras-reviewer"), reportId, {
      version: (await report()).version,
    });
    const admin = await as("extras-admin");
    const input = {
      version: (await report()).version,
      url: "https://www.example.gov.cn/2025.html",
      date: "2026-02-01",
    };
    await expect(publishReport(admin, reportId, input)).rejects.toThrow("请填写更正说明");
    await publishReport(admin, reportId, { ...input, note: "更正了第一部分的文字。" });
    const current = await getPublishedReport(unit.slug, 2025);
    expect(current?.content.narratives.s1).toContain(CORRECTED_TEXT);
    expect(current?.superseded).toBe(false);
    expect(current?.current).toMatchObject({
      note: "更正了第一部分的文字。",
      publishedOn: "2026-02-01",
    });
    expect(current?.earlier).toHaveLength(1);
    const old = await getPublishedReport(unit.slug, 2025, current!.earlier[0].number);
    expect(old?.superseded).toBe(true);
    expect(old?.shown.publishedOn).toBe("2026-01-20");
    expect(old?.content.narratives.s1).toContain(FIRST_TEXT);
    // A number that names no publication (a submission's snapshot) is not found.
    expect(await getPublishedReport(unit.slug, 2025, 1)).toBeNull();
    expect((await listPublishedReports(unit.slug))?.reports).toMatchObject([
      { year: 2025, corrected: true, publishedOn: "2026-02-01" },
    ]);
    expect(
      await db().auditLog.count({ where: { reportId, action: "REPORT_CORRECTION_PUBLISHED" } }),
    ).toBe(1);
  });
});

describe("催办: the district reminds its late units in one click", () => {
  it("a late unit's editor gets a REMINDER; a second click the same day sends nothing; editors cannot send", async () => {
    // 2024: the deadline (31 January 2025) has passed, and the unit has no 2024 report.
    const reviewer = await as("extras-reviewer");
    const first = await sendReminders(
      reviewer,
      { districtId: district.id, year: 2024 },
      { ip: "10.0.0.7" },
    );
    expect(first).toMatchObject({ reminded: [unit.name], notified: 1, alreadyReminded: [] });
    const reminder = (await listNotifications(await as("extras-editor"))).items[0];
    expect(reminder).toMatchObject({ kind: "REMINDER", read: false, href: "/reports" });
    expect(reminder.text).toContain("催办");
    const again = await sendReminders(reviewer, { districtId: district.id, year: 2024 });
    expect(again).toMatchObject({ reminded: [], alreadyReminded: [unit.name] });
    expect(
      await db().auditLog.count({
        where: { action: "REMINDERS_SENT", organizationId: district.id },
      }),
    ).toBe(1);
    await expect(
      sendReminders(await as("extras-editor"), { districtId: district.id, year: 2024 }),
    ).rejects.toBeInstanceOf(NotFoundError);
    await expect(
      sendReminders(await as("pingfang-reviewer"), { districtId: district.id, year: 2024 }),
    ).rejects.toBeInstanceOf(NotFoundError);
  });

  it("a unit whose report is already with the reviewers, or on time, is not late", async () => {
    // 2025 is published (and its deadline is 31 January 2026, also past): nothing to remind.
    const result = await sendReminders(await as("extras-reviewer"), {
      districtId: district.id,
      year: 2025,
    });
    expect(result.reminded).toEqual([]);
    // A year whose deadline is still ahead reminds nobody.
    const ahead = await sendReminders(await as("extras-reviewer"), {
      districtId: district.id,
      year: 2026,
    });
    expect(ahead).toMatchObject({ reminded: [], alreadyReminded: [], nobodyToTell: [] });
  });
});
