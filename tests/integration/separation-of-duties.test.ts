// Separation of duties: nobody gives themselves a role; nobody is reviewer and writer of the same
// unit's report (through roles on one unit or on units above and below each other); whoever wrote any
// part of the content cannot approve it, whatever roles they hold now; every save is recorded and shown
// in the history; submitting keeps who wrote the report.
import { beforeAll, describe, expect, it } from "vitest";
import { ForbiddenError } from "@/lib/auth/errors";
import { db } from "@/lib/db/client";
import { ConflictError } from "@/lib/errors";
import { approveReport } from "@/lib/reports/approve-report";
import { getReportHistory } from "@/lib/reports/get-report-history";
import { saveDraft } from "@/lib/reports/save-draft";
import { submitReport } from "@/lib/reports/submit-report";
import { assignRole } from "@/lib/users/assign-role";
import {
  completeContent,
  createOrganization,
  createReport,
  createUserWithRoles,
} from "./support/fixtures";
import { contextFor, seededDatabase } from "./support/seeded";

let district: Awaited<ReturnType<typeof createOrganization>>;
let street: Awaited<ReturnType<typeof createOrganization>>;
let sibling: Awaited<ReturnType<typeof createOrganization>>;

beforeAll(async () => {
  await seededDatabase();
  district = await createOrganization("职责分离测试区人民政府");
  street = await createOrganization("职责分离测试街道", { parent: "职责分离测试区人民政府" });
  sibling = await createOrganization("职责分离测试另一街道", { parent: "职责分离测试区人民政府" });
  await createUserWithRoles("sod-admin", [{ organizationId: district.id, role: "ADMIN" }]);
  await createUserWithRoles("sod-second-admin", [{ organizationId: district.id, role: "ADMIN" }]);
  await createUserWithRoles("sod-editor", [{ organizationId: street.id, role: "EDITOR" }]);
  await createUserWithRoles("sod-reviewer", [{ organizationId: district.id, role: "REVIEWER" }]);
  await createUserWithRoles("sod-other-reviewer", [
    { organizationId: district.id, role: "REVIEWER" },
  ]);
  await createUserWithRoles("sod-person", [{ organizationId: street.id, role: "EDITOR" }]);
});

const userId = async (account: string) =>
  (await db().user.findUniqueOrThrow({ where: { account } })).id;

describe("roles", () => {
  it("nobody assigns a role to themselves, not even an admin of the whole tree", async () => {
    const admin = await contextFor("sod-admin");
    await expect(
      assignRole(admin, {
        userId: admin.user.userId,
        organizationId: district.id,
        role: "REVIEWER",
      }),
    ).rejects.toThrow("不能给自己分配角色");
    await expect(
      assignRole(admin, { userId: admin.user.userId, organizationId: street.id, role: "EDITOR" }),
    ).rejects.toBeInstanceOf(ForbiddenError);
    expect(await db().membership.count({ where: { userId: admin.user.userId } })).toBe(1);
  });

  it("REVIEWER never sits with EDITOR or ADMIN on one unit or on units above and below each other; side by side is fine", async () => {
    const admin = await contextFor("sod-second-admin");
    const person = await userId("sod-person"); // an editor of the street
    // Reviewer of the street itself, or of the district above it: refused, with the reason.
    await expect(
      assignRole(admin, { userId: person, organizationId: street.id, role: "REVIEWER" }),
    ).rejects.toBeInstanceOf(ConflictError);
    await expect(
      assignRole(admin, { userId: person, organizationId: district.id, role: "REVIEWER" }),
    ).rejects.toThrow("审核员不能审核自己能够填写的报告");
    // Reviewer of the neighbouring street: it cannot review its own street's report, so allowed.
    await assignRole(admin, { userId: person, organizationId: sibling.id, role: "REVIEWER" });
    // A district reviewer cannot become an editor below, nor an admin (who may edit) of the district.
    const reviewer = await userId("sod-reviewer");
    await expect(
      assignRole(admin, { userId: reviewer, organizationId: street.id, role: "EDITOR" }),
    ).rejects.toBeInstanceOf(ConflictError);
    await expect(
      assignRole(admin, { userId: reviewer, organizationId: district.id, role: "ADMIN" }),
    ).rejects.toBeInstanceOf(ConflictError);
    expect(
      await db().membership.findMany({ where: { userId: person }, select: { role: true } }),
    ).toHaveLength(2);
  });
});

describe("writing a report and approving it", () => {
  it("an admin who edited a unit's draft cannot approve it, even after becoming a reviewer; another reviewer can, and the snapshot is what was approved", async () => {
    const report = await createReport(street.id, completeContent(street, 2025));
    const editor = await contextFor("sod-editor");
    const admin = await contextFor("sod-admin");
    // The district's admin edits the street's draft (allowed: a district office often drafts for a unit).
    const byAdmin = completeContent(street, 2025, "区政府管理员代为修改的文字。");
    const saved = await saveDraft(admin, report.id, { version: report.version, content: byAdmin });
    // The unit's editor submits; the report still names its last author.
    await submitReport(editor, report.id, saved.version);
    const submitted = await db().report.findUniqueOrThrow({ where: { id: report.id } });
    expect(submitted.updatedById).toBe(admin.user.userId);
    const transition = await db().reportTransition.findFirstOrThrow({
      where: { reportId: report.id, toStatus: "SUBMITTED" },
    });
    expect(transition.actorId).toBe(editor.user.userId);

    // Later the admin holds REVIEWER too (legacy data, set directly: assignRole would refuse it) —
    // having written the content, it still may not approve.
    await db().membership.create({
      data: { userId: admin.user.userId, organizationId: street.id, role: "REVIEWER" },
    });
    const adminAsReviewer = await contextFor("sod-admin");
    await expect(
      approveReport(adminAsReviewer, report.id, { version: submitted.version }),
    ).rejects.toThrow("您修改过这份报告的内容，不能审核它");

    const reviewer = await contextFor("sod-other-reviewer");
    const approved = await approveReport(reviewer, report.id, { version: submitted.version });
    const snapshot = await db().reportSnapshot.findFirstOrThrow({
      where: { reportId: report.id, number: approved.snapshot },
    });
    expect((snapshot.content as { narratives: { s1: string } }).narratives.s1).toContain(
      "区政府管理员代为修改的文字。",
    );
  });

  it("every save is recorded with who, when and the parts it changed, and the history lists them", async () => {
    const report = await createReport(sibling.id, completeContent(sibling, 2024));
    const admin = await contextFor("sod-admin");
    const base = completeContent(sibling, 2024);
    let version = report.version;
    // 1. the preface; 2. a cell of a table; 3. nothing at all; 4. two sections' texts.
    version = (
      await saveDraft(admin, report.id, {
        version,
        content: { ...base, preface: `${base.preface}（修改）` },
      })
    ).version;
    const withCell = {
      ...base,
      preface: `${base.preface}（修改）`,
      tables: {
        ...base.tables,
        "20.5": {
          ...base.tables["20.5"],
          licensing: { ...base.tables["20.5"].licensing, decisions: 99 },
        },
      },
    };
    version = (await saveDraft(admin, report.id, { version, content: withCell })).version;
    version = (await saveDraft(admin, report.id, { version, content: withCell })).version;
    const withTexts = {
      ...withCell,
      narratives: { ...withCell.narratives, s1: "新的第一部分。", s6: "新的第六部分。" },
    };
    version = (await saveDraft(admin, report.id, { version, content: withTexts })).version;

    const edits = await db().reportEdit.findMany({
      where: { reportId: report.id },
      orderBy: { createdAt: "asc" },
    });
    expect(edits.map((e) => [e.actorId, e.reportVersion, [...e.targets].sort()])).toEqual([
      [admin.user.userId, 2, ["preface"]],
      [admin.user.userId, 3, ["tables.20.5"]],
      [admin.user.userId, 4, []],
      [admin.user.userId, 5, ["narratives.s1", "narratives.s6"]],
    ]);
    expect(version).toBe(5);
    const history = await getReportHistory(admin, report.id);
    expect(history.edits).toHaveLength(4);
    expect(history.edits[0]).toMatchObject({
      actor: "sod-admin 测试用户（sod-admin）",
      parts: ["开头（前言）"],
    });
    expect(history.edits[1].parts).toEqual([expect.stringMatching(/^二、.*（表格）$/)]);
    expect(history.edits[2].parts).toEqual([]);
    expect(history.edits[3].parts).toEqual([
      expect.stringMatching(/^一、.*（文字）$/),
      expect.stringMatching(/^六、.*（文字）$/),
    ]);
  });
});
