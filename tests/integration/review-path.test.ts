import { beforeAll, describe, expect, it } from "vitest";
import { ForbiddenError, InputError, NotFoundError } from "@/lib/auth/errors";
import { db } from "@/lib/db/client";
import type { ReportContent } from "@/lib/report/content";
import { addReviewComment } from "@/lib/reports/add-review-comment";
import { approveReport } from "@/lib/reports/approve-report";
import { compareSnapshots } from "@/lib/reports/compare-snapshots";
import { deleteReviewComment } from "@/lib/reports/delete-review-comment";
import { InvalidStateError } from "@/lib/reports/errors";
import { getReportHistory } from "@/lib/reports/get-report-history";
import { listReviewComments } from "@/lib/reports/list-review-comments";
import { publishReport } from "@/lib/reports/publish-report";
import { returnReport } from "@/lib/reports/return-report";
import { saveDraft } from "@/lib/reports/save-draft";
import { submitReport } from "@/lib/reports/submit-report";
import {
  completeContent,
  createOrganization,
  createReport,
  createUserWithRoles,
} from "./support/fixtures";
import { contextFor, seededDatabase } from "./support/seeded";

let org: Awaited<ReturnType<typeof createOrganization>>;
let reportId: string;

beforeAll(async () => {
  await seededDatabase();
  org = await createOrganization("审核流程测试街道", { parent: "哈尔滨市平房区人民政府" });
  await createUserWithRoles("flow-editor", [{ organizationId: org.id, role: "EDITOR" }]);
  // A unit's own reviewer who also edits: may submit, but not review what they submitted.
  await createUserWithRoles("flow-both", [
    { organizationId: org.id, role: "EDITOR" },
    { organizationId: org.id, role: "REVIEWER" },
  ]);
  reportId = (await createReport(org.id, completeContent(org, 2025, "审核流程测试的第一段文字。")))
    .id;
});

const report = () => db().report.findUniqueOrThrow({ where: { id: reportId } });
const audit = (action: string) =>
  db().auditLog.findMany({ where: { reportId, action }, orderBy: { createdAt: "asc" } });

describe("the review path: submit → return with comments → resubmit → approve → publish", () => {
  it("submitting records the transition, a snapshot and an audit row together", async () => {
    const editor = await contextFor("flow-editor");
    const before = await report();
    const result = await submitReport(editor, reportId, before.version, { ip: "10.0.0.8" });
    expect(result).toEqual({ version: before.version + 1, snapshot: 1 });
    const after = await report();
    expect(after.status).toBe("SUBMITTED");
    const transitions = await db().reportTransition.findMany({ where: { reportId } });
    expect(transitions).toMatchObject([
      { fromStatus: "DRAFT", toStatus: "SUBMITTED", actorId: editor.user.userId },
    ]);
    const snapshots = await db().reportSnapshot.findMany({ where: { reportId } });
    expect(snapshots).toMatchObject([
      { number: 1, status: "SUBMITTED", reportVersion: after.version },
    ]);
    expect(snapshots[0].content).toEqual(before.content);
    expect(await audit("REPORT_SUBMITTED")).toMatchObject([
      { actorAccount: "flow-editor", organizationId: org.id, ip: "10.0.0.8" },
    ]);
  });

  it("a submitted report cannot be edited or submitted again", async () => {
    const editor = await contextFor("flow-editor");
    const current = await report();
    await expect(
      saveDraft(editor, reportId, { version: current.version, content: current.content }),
    ).rejects.toBeInstanceOf(InvalidStateError);
    await expect(submitReport(editor, reportId, current.version)).rejects.toBeInstanceOf(
      InvalidStateError,
    );
  });

  it("an editor never reviews; the district's reviewer comments on a cell and a section", async () => {
    const editor = await contextFor("flow-editor");
    await expect(
      addReviewComment(editor, reportId, { target: "requests.new.natural", body: "x" }),
    ).rejects.toBeInstanceOf(ForbiddenError);
    await expect(
      approveReport(editor, reportId, { version: (await report()).version }),
    ).rejects.toBeInstanceOf(ForbiddenError);
    // The district admin may publish and manage, but does not review.
    await expect(
      approveReport(await contextFor("pingfang-admin"), reportId, {
        version: (await report()).version,
      }),
    ).rejects.toBeInstanceOf(ForbiddenError);

    const reviewer = await contextFor("pingfang-reviewer");
    await expect(
      addReviewComment(reviewer, reportId, { target: "no.such.cell", body: "x" }),
    ).rejects.toBeInstanceOf(InputError);
    await expect(
      addReviewComment(reviewer, reportId, { target: "s1", body: "   " }),
    ).rejects.toBeInstanceOf(InputError);
    await addReviewComment(reviewer, reportId, {
      target: "requests.new.natural",
      body: "自然人申请数与台账不符，请核对。",
    });
    await addReviewComment(reviewer, reportId, {
      target: "narrative.s1",
      body: "请补充政策解读的情况。",
    });
    const mistaken = await addReviewComment(reviewer, reportId, { target: "s5", body: "写错了" });
    await deleteReviewComment(reviewer, reportId, mistaken.id);

    // Pending comments are the reviewer's until sent: the editor does not see them yet.
    expect(await listReviewComments(editor, await report())).toEqual([]);
    const pending = await listReviewComments(reviewer, await report());
    expect(pending.map((c) => [c.target, c.state, c.targetLabel])).toEqual([
      ["requests.new.natural", "pending", "一、本年新收政府信息公开申请数量 — 自然人"],
      ["narrative.s1", "pending", "一、总体情况（正文）"],
    ]);
  });

  it("returning needs a comment and sends the pending ones; the editor then sees them where they apply", async () => {
    const reviewer = await contextFor("pingfang-reviewer");
    const version = (await report()).version;
    await expect(
      returnReport(reviewer, reportId, { version: version - 1, comment: "x" }),
    ).rejects.toBeInstanceOf(InvalidStateError);
    const result = await returnReport(
      reviewer,
      reportId,
      { version, comment: "请按意见修改后重新提交。" },
      { ip: "10.0.0.9" },
    );
    expect(result).toEqual({ version: version + 1, comments: 2 });
    expect((await report()).status).toBe("RETURNED");

    const editor = await contextFor("flow-editor");
    const open = await listReviewComments(editor, await report());
    expect(open.map((c) => [c.target, c.state, c.body])).toEqual([
      ["requests.new.natural", "open", "自然人申请数与台账不符，请核对。"],
      ["narrative.s1", "open", "请补充政策解读的情况。"],
    ]);
    const history = await getReportHistory(editor, reportId);
    expect(history.transitions.at(-1)).toMatchObject({
      from: "SUBMITTED",
      to: "RETURNED",
      comment: "请按意见修改后重新提交。",
      actor: "平房区审核员",
    });
    expect(history.transitions.at(-1)!.comments).toHaveLength(2);
    expect(await audit("REPORT_RETURNED")).toMatchObject([
      { actorAccount: "pingfang-reviewer", ip: "10.0.0.9" },
    ]);
  });

  it("the editor revises and resubmits; the answered comments close and a second snapshot is kept", async () => {
    const editor = await contextFor("flow-editor");
    const current = await report();
    const content = structuredClone(current.content) as unknown as ReportContent;
    content.narratives.s1 = content.narratives.s1.replace(
      "审核流程测试的第一段文字。",
      "审核流程测试的第一段文字，已补充政策解读。",
    );
    const saved = await saveDraft(editor, reportId, { version: current.version, content });
    await submitReport(editor, reportId, saved.version);
    expect(await listReviewComments(editor, await report())).toEqual([]);
    const closed = await db().reviewComment.findMany({ where: { reportId } });
    expect(closed.every((c) => c.resolvedAt && c.transitionId)).toBe(true);

    const diff = await compareSnapshots(editor, reportId, 1, 2);
    expect(diff.cells).toEqual([]);
    expect(diff.texts.map((t) => t.key)).toEqual(["narrative.s1"]);
    expect(
      diff.texts[0].pieces
        .filter((p) => p.kind === "ins")
        .map((p) => p.text)
        .join(""),
    ).toContain("已补充政策解读");
  });

  it("a reviewer cannot review what they submitted themselves", async () => {
    const both = await createOrganization("自审测试街道", { parent: "哈尔滨市平房区人民政府" });
    await createUserWithRoles("self-reviewer", [
      { organizationId: both.id, role: "EDITOR" },
      { organizationId: both.id, role: "REVIEWER" },
    ]);
    const own = await createReport(both.id, completeContent(both, 2025));
    const ctx = await contextFor("self-reviewer");
    const { version } = await submitReport(ctx, own.id, own.version);
    await expect(approveReport(ctx, own.id, { version })).rejects.toThrow("不能审核自己提交的报告");
    await expect(
      approveReport(await contextFor("pingfang-reviewer"), own.id, { version }),
    ).resolves.toMatchObject({ snapshot: 2 });
  });

  it("two reviewers at once: exactly one of 通过 and 退回 wins", async () => {
    const reviewer = await contextFor("pingfang-reviewer");
    const other = await createUserWithRoles("second-reviewer", [
      {
        organizationId: (
          await db().organization.findUniqueOrThrow({ where: { name: "哈尔滨市平房区人民政府" } })
        ).id,
        role: "REVIEWER",
      },
    ]);
    const { version } = await report();
    const results = await Promise.allSettled([
      approveReport(reviewer, reportId, { version }),
      returnReport(await contextFor(other.account), reportId, { version, comment: "再核对一次" }),
    ]);
    expect(results.filter((r) => r.status === "fulfilled")).toHaveLength(1);
    const rejected = results.find((r) => r.status === "rejected") as PromiseRejectedResult;
    expect(rejected.reason).toBeInstanceOf(InvalidStateError);
    const after = await report();
    expect(after.version).toBe(version + 1);
    // Whatever won, exactly one transition left SUBMITTED at this version.
    const left = await db().reportTransition.count({
      where: { reportId, fromStatus: "SUBMITTED" },
    });
    expect(left).toBe(2);
    if (after.status === "RETURNED") {
      // The return won: submit again, and approve for the rest of the path.
      const editor = await contextFor("flow-editor");
      const again = await submitReport(editor, reportId, after.version);
      await approveReport(reviewer, reportId, { version: again.version });
    }
    expect((await report()).status).toBe("APPROVED");
  });

  it("an approved report is read-only; approval keeps a snapshot", async () => {
    const editor = await contextFor("flow-editor");
    const approved = await report();
    await expect(
      saveDraft(editor, reportId, { version: approved.version, content: approved.content }),
    ).rejects.toBeInstanceOf(InvalidStateError);
    const snapshots = await db().reportSnapshot.findMany({
      where: { reportId },
      orderBy: { number: "asc" },
    });
    expect(snapshots.at(-1)).toMatchObject({ status: "APPROVED", reportVersion: approved.version });
    expect(await audit("REPORT_APPROVED")).toHaveLength(1);
  });

  it("marking published takes a URL and a date; editors may not, the district's reviewer may", async () => {
    const editor = await contextFor("flow-editor");
    const reviewer = await contextFor("pingfang-reviewer");
    const { version } = await report();
    const input = { version, url: "https://www.hrbpf.gov.cn/gk/2025.html", date: "2026-01-20" };
    await expect(publishReport(editor, reportId, input)).rejects.toBeInstanceOf(ForbiddenError);
    await expect(
      publishReport(reviewer, reportId, { ...input, url: "javascript:alert(1)" }),
    ).rejects.toBeInstanceOf(InputError);
    await expect(
      publishReport(reviewer, reportId, { ...input, date: "2025-12-31" }),
    ).rejects.toThrow("年度结束之后");
    await expect(
      publishReport(reviewer, reportId, { ...input, date: "2026-02-30" }),
    ).rejects.toBeInstanceOf(InputError);
    await publishReport(reviewer, reportId, input);
    const published = await report();
    expect(published).toMatchObject({ status: "PUBLISHED", publishedUrl: input.url });
    expect(published.publishedOn?.toISOString().slice(0, 10)).toBe("2026-01-20");
    const history = await getReportHistory(editor, reportId);
    expect(history.transitions.map((t) => `${t.from}→${t.to}`).at(-1)).toBe("APPROVED→PUBLISHED");
    await expect(
      publishReport(reviewer, reportId, { ...input, version: published.version }),
    ).rejects.toBeInstanceOf(InvalidStateError);
  });

  it("a version no report can have is stale (409), not a server error", async () => {
    const unit = await createOrganization("版本号测试街道", { parent: "哈尔滨市平房区人民政府" });
    await createUserWithRoles("version-editor", [{ organizationId: unit.id, role: "EDITOR" }]);
    const own = await createReport(unit.id, completeContent(unit, 2025));
    await expect(
      submitReport(await contextFor("version-editor"), own.id, 2 ** 40),
    ).rejects.toBeInstanceOf(InvalidStateError);
    await submitReport(await contextFor("version-editor"), own.id, own.version);
    await expect(
      approveReport(await contextFor("pingfang-reviewer"), own.id, { version: 2 ** 40 }),
    ).rejects.toBeInstanceOf(InvalidStateError);
  });

  it("none of it exists for another unit's editor", async () => {
    const stranger = await contextFor("xinwei-editor");
    await expect(getReportHistory(stranger, reportId)).rejects.toBeInstanceOf(NotFoundError);
    await expect(compareSnapshots(stranger, reportId, 1, 2)).rejects.toBeInstanceOf(NotFoundError);
    await expect(
      addReviewComment(stranger, reportId, { target: "s1", body: "x" }),
    ).rejects.toBeInstanceOf(NotFoundError);
  });
});
