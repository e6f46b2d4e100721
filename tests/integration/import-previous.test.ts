import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { NotFoundError } from "@/lib/auth/errors";
import { runTogetherRows } from "@/lib/import/__fixtures__/layouts/run-together";
import { previousOf } from "@/lib/report/__fixtures__/full-report";
import { previousForDraft, readPublishedReport } from "@/lib/reports/read-published-report";
import { importPool } from "@/lib/workers/import-pool";
import {
  completeContent,
  createOrganization,
  createReport,
  createUserWithRoles,
} from "./support/fixtures";
import { contextFor, seededDatabase } from "./support/seeded";

type Ctx = Awaited<ReturnType<typeof contextFor>>;
let editor: Ctx;
let stranger: Ctx;
let draftId: string;
let firstDraftId: string;
let published: Uint8Array;

beforeAll(async () => {
  await seededDatabase();
  const org = await createOrganization("导入上年报告测试街道", {
    parent: "哈尔滨市平房区人民政府",
  });
  const other = await createOrganization("导入上年报告无关街道", {
    parent: "哈尔滨市平房区人民政府",
  });
  await createUserWithRoles("import-prev-editor", [{ organizationId: org.id, role: "EDITOR" }]);
  await createUserWithRoles("import-prev-stranger", [{ organizationId: other.id, role: "EDITOR" }]);
  editor = await contextFor("import-prev-editor");
  stranger = await contextFor("import-prev-stranger");
  const thisYear = completeContent(org, 2031);
  const lastYear = previousOf(thisYear);
  lastYear.meta = { ...lastYear.meta, organization: org.fullName };
  await createReport(org.id, lastYear, "APPROVED");
  draftId = (await createReport(org.id, thisYear)).id;
  firstDraftId = (await createReport(org.id, completeContent(org, 2026))).id;
  // The published report copied from a PDF: 规章's figures run together as `1012`.
  published = new TextEncoder().encode(runTogetherRows(thisYear));
}, 120_000);

afterAll(() => importPool().close());

describe("从已发布报告导入 with the unit's report of the year before", { timeout: 120_000 }, () => {
  it("last year's report from the database settles figures that ran together", async () => {
    const previous = await previousForDraft(editor, draftId);
    expect(previous?.meta.year).toBe(2030);
    const read = await readPublishedReport(
      editor,
      { fileName: "本年报告.txt", bytes: published },
      { previous },
    );
    expect(read.content.tables["20.1"].rules).toEqual({ issued: 1, repealed: 0, effective: 12 });
    const alone = await readPublishedReport(editor, { fileName: "本年报告.txt", bytes: published });
    expect(alone.content.tables["20.1"].rules.issued).toBeNull();
  });

  it("a draft without last year's report in the system reads without one", async () => {
    expect(await previousForDraft(editor, firstDraftId)).toBeNull();
  });

  it("another unit's draft is not found: its last year's report is never read", async () => {
    await expect(previousForDraft(stranger, draftId)).rejects.toBeInstanceOf(NotFoundError);
  });
});
