// Every route handler, server action and page of the app, found from the file tree, refuses a signed-out
// caller and a caller from an unrelated organisation — 401/404 (or a redirect to /login, or notFound()),
// never 403 for another organisation's report, and never any of that report's data in what it returns.
// A new route, action or page without an entry in EXPECTED fails this test: decide what it must do.
import { readdirSync, readFileSync } from "node:fs";
import path from "node:path";
import { isValidElement } from "react";
import { beforeAll, describe, expect, it, vi } from "vitest";
import { SESSION_COOKIE } from "@/lib/auth/session-token";
import { createSession } from "@/lib/auth/sessions";
import { db } from "@/lib/db/client";
import { addReviewComment } from "@/lib/reports/add-review-comment";
import { submitReport } from "@/lib/reports/submit-report";
import {
  completeContent,
  createOrganization,
  createReport,
  createUserWithRoles,
} from "./support/fixtures";
import { contextFor, seededDatabase } from "./support/seeded";

// The request's cookies and headers, as next/headers hands them to the code under test. Nothing else is
// replaced: sessions, access and reports come from the real database.
const request = vi.hoisted(() => ({
  cookies: new Map<string, string>(),
  headers: new Headers({ "x-real-ip": "192.0.2.10" }),
}));
vi.mock("next/headers", () => ({
  cookies: async () => ({
    get: (name: string) =>
      request.cookies.has(name) ? { name, value: request.cookies.get(name)! } : undefined,
    getAll: () => [...request.cookies].map(([name, value]) => ({ name, value })),
    has: (name: string) => request.cookies.has(name),
    set: (name: string, value: string) => void request.cookies.set(name, value),
    delete: (name: string) => void request.cookies.delete(name),
  }),
  headers: async () => request.headers,
}));
// Revalidation needs Next's render context; were an action ever to get that far for a stranger, what it
// returned would still be checked below.
vi.mock("next/cache", () => ({ revalidatePath: () => {}, revalidateTag: () => {} }));

const ROOT = path.resolve(__dirname, "../..");

function walk(dir: string): string[] {
  return readdirSync(path.join(ROOT, dir), { withFileTypes: true }).flatMap((entry) => {
    const rel = path.posix.join(dir, entry.name);
    if (entry.isDirectory())
      return entry.name === "node_modules" || entry.name === "generated" ? [] : walk(rel);
    return /\.(ts|tsx)$/.test(entry.name) && !/\.test\.tsx?$/.test(entry.name) ? [rel] : [];
  });
}

const USE_SERVER_DIRECTIVE = /^(?:\s|\/\/[^\n]*\n|\/\*[\s\S]*?\*\/)*["']use server["']/;
const HTTP_METHODS = ["GET", "HEAD", "POST", "PUT", "PATCH", "DELETE", "OPTIONS"];

interface Entry {
  file: string;
  name: string;
  kind: "route" | "action" | "page";
}

/** Every route handler method, server action and page/layout in the tree. */
async function discover(): Promise<{ entries: Entry[]; inlineActions: string[] }> {
  const files = [...walk("app"), ...walk("lib"), ...walk("components")];
  const entries: Entry[] = [];
  const inlineActions: string[] = [];
  for (const file of files) {
    const source = readFileSync(path.join(ROOT, file), "utf8");
    const isRoute = /^app\/.*\/route\.tsx?$/.test(file);
    const isAction = USE_SERVER_DIRECTIVE.test(source);
    const isPage = /^app\/(.*\/)?(page|layout)\.tsx$/.test(file);
    if (!isAction && /["']use server["']/.test(source)) inlineActions.push(file);
    if (!isRoute && !isAction && !isPage) continue;
    const exported = (await import(path.join(ROOT, file))) as Record<string, unknown>;
    for (const [name, value] of Object.entries(exported)) {
      if (typeof value !== "function") continue;
      if (isRoute && HTTP_METHODS.includes(name)) entries.push({ file, name, kind: "route" });
      else if (isAction) entries.push({ file, name, kind: "action" });
      else if (isPage && name === "default") entries.push({ file, name, kind: "page" });
    }
  }
  return { entries, inlineActions };
}

// ——— the data that must never reach a stranger ———

const SECRET_TEXT = `权限测试专用文字-${Math.random().toString(36).slice(2)}`;
const SECRET_COMMENT = `权限测试专用意见-${Math.random().toString(36).slice(2)}`;
const ORG_NAME = "权限测试街道办事处";

interface Fixture {
  reportId: string;
  organizationId: string;
  editorId: string;
  membershipId: string;
  commentId: string;
}
let fx: Fixture;

beforeAll(async () => {
  await seededDatabase();
  const org = await createOrganization(ORG_NAME, { parent: "哈尔滨市平房区人民政府" });
  const editor = await createUserWithRoles("surface-editor", [
    { organizationId: org.id, role: "EDITOR" },
  ]);
  const outside = await createOrganization("权限测试外区人民政府");
  // Reviewers and admins have two-step verification set up (outside the demo they must, and would
  // otherwise be sent to set it up from every entry: tests/integration/second-factor.test.ts).
  const outsider = await createUserWithRoles(
    "surface-outsider",
    ["EDITOR", "REVIEWER", "ADMIN"].map((role) => ({
      organizationId: outside.id,
      role: role as "EDITOR",
    })),
  );
  const district = await db().organization.findUniqueOrThrow({
    where: { name: "哈尔滨市平房区人民政府" },
  });
  const reviewer = await createUserWithRoles("surface-reviewer", [
    { organizationId: district.id, role: "REVIEWER" },
  ]);
  await db().user.updateMany({
    where: { id: { in: [outsider.id, reviewer.id] } },
    data: { totpEnabledAt: new Date() },
  });
  const report = await createReport(org.id, completeContent(org, 2025, SECRET_TEXT));
  // Submitted, with a history, a snapshot and a reviewer's comment: every route has something to find.
  await submitReport(await contextFor("surface-editor"), report.id, report.version);
  const comment = await addReviewComment(await contextFor("pingfang-reviewer"), report.id, {
    target: "requests.new.natural",
    body: SECRET_COMMENT,
  });
  const membership = await db().membership.findFirstOrThrow({ where: { userId: editor.id } });
  fx = {
    reportId: report.id,
    organizationId: org.id,
    editorId: editor.id,
    membershipId: membership.id,
    commentId: comment.id,
  };
});

function secrets(): string[] {
  return [SECRET_TEXT, SECRET_COMMENT, ORG_NAME, fx.reportId, "surface-editor"];
}

// ——— calling each entry ———

type Outcome =
  | "status:200"
  | "status:400"
  | "status:401"
  | "status:404"
  | "status:409"
  | "redirect:/login"
  | "redirect:/login?expired=1"
  | "redirect:/reports"
  | "notFound"
  | "rendered"
  | "returned";

interface Expectation {
  /** Called as a signed-out visitor. */
  anonymous: Outcome;
  /** Called by a user of an unrelated organisation (a sibling unit's editor; another district's admin). */
  unrelated: Outcome | Outcome[];
  call: (fn: (...args: never[]) => unknown, fx: Fixture) => unknown;
}

const jsonRequest = (method: string, url: string, body?: unknown) =>
  new Request(`http://localhost${url}`, {
    method,
    headers: {
      host: "localhost",
      ...(body === undefined ? {} : { "content-type": "application/json" }),
    },
    body: body === undefined ? undefined : JSON.stringify(body),
  });
const route =
  (
    method: string,
    url: (f: Fixture) => string,
    body?: (f: Fixture) => unknown,
    params?: (f: Fixture) => Record<string, string>,
  ) =>
  (fn: (...args: never[]) => unknown, f: Fixture) =>
    (fn as (r: Request, c: { params: Promise<Record<string, string>> }) => unknown)(
      jsonRequest(method, url(f), body?.(f)),
      { params: Promise.resolve(params?.(f) ?? { id: f.reportId }) },
    );
const action =
  (args: (f: Fixture) => unknown[]) => (fn: (...args: never[]) => unknown, f: Fixture) =>
    (fn as (...a: unknown[]) => unknown)(...args(f));
const form = (values: Record<string, string>) => {
  const data = new FormData();
  for (const [k, v] of Object.entries(values)) data.set(k, v);
  return data;
};
/** A multipart upload of a small report file with the given fields, as the batch check's page sends it. */
const upload =
  (url: string, fields: (f: Fixture) => Record<string, string>) =>
  (fn: (...args: never[]) => unknown, f: Fixture) => {
    const data = form(fields(f));
    data.set(
      "file",
      new File(["一、总体情况\n2025年，本单位依法公开政府信息。"], "2025年度报告.txt"),
    );
    return (fn as (r: Request) => unknown)(
      new Request(`http://localhost${url}`, {
        method: "POST",
        headers: { host: "localhost" },
        body: data,
      }),
    );
  };
const page =
  (
    params: (f: Fixture) => Record<string, string> = () => ({}),
    searchParams: Record<string, string> = {},
  ) =>
  (fn: (...args: never[]) => unknown, f: Fixture) =>
    (fn as (p: unknown) => unknown)({
      params: Promise.resolve(params(f)),
      searchParams: Promise.resolve(searchParams),
      children: "子页面",
    });
const reportParams = (f: Fixture) => ({ id: f.reportId });
/** A public page of the fixture's unit, addressed by its slug as the public URL has it. */
const publicPage =
  (params: (f: Fixture) => Record<string, string>) =>
  async (fn: (...args: never[]) => unknown, f: Fixture) => {
    const { slug } = await db().organization.findUniqueOrThrow({ where: { id: f.organizationId } });
    return (fn as (p: unknown) => unknown)({
      params: Promise.resolve({ org: slug, ...params(f) }),
    });
  };

/** What each entry must do. Keyed `<file>#<export>`; the test fails on any entry missing here or left over. */
const EXPECTED: Record<string, Expectation> = {
  // Route handlers
  "app/api/health/route.ts#GET": {
    anonymous: "status:200",
    unrelated: "status:200",
    call: route("GET", () => "/api/health"),
  },
  "app/api/import/route.ts#POST": {
    // Reads an uploaded file and saves nothing: any signed-in user may; no report is involved.
    anonymous: "status:401",
    unrelated: "status:400",
    call: (fn) =>
      (fn as (r: Request) => unknown)(
        new Request("http://localhost/api/import", {
          method: "POST",
          headers: { host: "localhost" },
          body: form({ text: "" }),
        }),
      ),
  },
  "app/api/reports/[id]/events/route.ts#GET": {
    anonymous: "status:401",
    unrelated: "status:404",
    call: route("GET", (f) => `/api/reports/${f.reportId}/events?client=surface-tab-1`),
  },
  "app/api/reports/[id]/presence/route.ts#POST": {
    anonymous: "status:401",
    unrelated: "status:404",
    call: route(
      "POST",
      (f) => `/api/reports/${f.reportId}/presence`,
      () => ({ clientId: "surface-tab-1", section: "s1", cell: null }),
    ),
  },
  "app/api/reports/[id]/content/route.ts#GET": {
    anonymous: "status:401",
    unrelated: "status:404",
    call: route("GET", (f) => `/api/reports/${f.reportId}/content`),
  },
  "app/api/reports/[id]/content/route.ts#PUT": {
    anonymous: "status:401",
    unrelated: "status:404",
    call: route(
      "PUT",
      (f) => `/api/reports/${f.reportId}/content`,
      () => ({ version: 2, content: { format: "2021" } }),
    ),
  },
  "app/api/reports/[id]/changes/route.ts#GET": {
    anonymous: "status:401",
    unrelated: "status:404",
    call: route("GET", (f) => `/api/reports/${f.reportId}/changes?since=1`),
  },
  "app/api/reports/[id]/cell-history/route.ts#GET": {
    anonymous: "status:401",
    unrelated: "status:404",
    call: route("GET", (f) => `/api/reports/${f.reportId}/cell-history?target=narrative.s1`),
  },
  "app/api/reports/[id]/submit/route.ts#POST": {
    anonymous: "status:401",
    unrelated: "status:404",
    call: route(
      "POST",
      (f) => `/api/reports/${f.reportId}/submit`,
      () => ({ version: 2 }),
    ),
  },
  "app/api/reports/[id]/export/route.ts#GET": {
    anonymous: "status:401",
    unrelated: "status:404",
    call: route("GET", (f) => `/api/reports/${f.reportId}/export?format=docx`),
  },
  "app/api/reports/[id]/import/route.ts#POST": {
    anonymous: "status:401",
    unrelated: "status:404",
    call: route(
      "POST",
      (f) => `/api/reports/${f.reportId}/import`,
      () => ({ version: 2, source: {}, sections: ["s1"] }),
    ),
  },
  "app/api/reports/[id]/comments/route.ts#POST": {
    anonymous: "status:401",
    unrelated: "status:404",
    call: route(
      "POST",
      (f) => `/api/reports/${f.reportId}/comments`,
      () => ({ target: "s1", body: "意见" }),
    ),
  },
  "app/api/reports/[id]/comments/[commentId]/route.ts#DELETE": {
    anonymous: "status:401",
    unrelated: "status:404",
    call: route(
      "DELETE",
      (f) => `/api/reports/${f.reportId}/comments/${f.commentId}`,
      undefined,
      (f) => ({ id: f.reportId, commentId: f.commentId }),
    ),
  },
  "app/api/reports/[id]/return/route.ts#POST": {
    anonymous: "status:401",
    unrelated: "status:404",
    call: route(
      "POST",
      (f) => `/api/reports/${f.reportId}/return`,
      () => ({ version: 2, comment: "退回" }),
    ),
  },
  "app/api/reports/[id]/approve/route.ts#POST": {
    anonymous: "status:401",
    unrelated: "status:404",
    call: route(
      "POST",
      (f) => `/api/reports/${f.reportId}/approve`,
      () => ({ version: 2 }),
    ),
  },
  "app/api/reports/[id]/publish/route.ts#POST": {
    anonymous: "status:401",
    unrelated: "status:404",
    call: route(
      "POST",
      (f) => `/api/reports/${f.reportId}/publish`,
      () => ({ version: 2, url: "https://www.example.gov.cn/", date: "2026-01-20" }),
    ),
  },
  // 撤回 and 更正: report transitions like the others — another unit's report does not exist.
  "app/api/reports/[id]/withdraw/route.ts#POST": {
    anonymous: "status:401",
    unrelated: "status:404",
    call: route(
      "POST",
      (f) => `/api/reports/${f.reportId}/withdraw`,
      () => ({ version: 2 }),
    ),
  },
  "app/api/reports/[id]/correct/route.ts#POST": {
    anonymous: "status:401",
    unrelated: "status:404",
    call: route(
      "POST",
      (f) => `/api/reports/${f.reportId}/correct`,
      () => ({ version: 2, reason: "更正" }),
    ),
  },
  // Notifications: the caller's own only; marking "all" read touches nobody else's.
  "app/api/notifications/read/route.ts#POST": {
    anonymous: "status:401",
    unrelated: "status:200",
    call: route(
      "POST",
      () => "/api/notifications/read",
      () => ({ all: true }),
    ),
  },
  // District pages: only a district's reviewers and admins have one; to anyone else it does not exist.
  "app/api/district/remind/route.ts#POST": {
    anonymous: "status:401",
    unrelated: "status:404",
    call: route(
      "POST",
      () => "/api/district/remind",
      () => ({ year: 2025 }),
    ),
  },
  "app/api/district/overview/route.ts#GET": {
    anonymous: "status:401",
    unrelated: "status:404",
    call: route("GET", () => "/api/district/overview?format=csv&year=2025"),
  },
  "app/api/district/rollup/route.ts#GET": {
    anonymous: "status:401",
    unrelated: "status:404",
    call: route("GET", (f) => `/api/district/rollup?year=2025&picked=1&unit=${f.organizationId}`),
  },
  "app/api/district/approved/route.ts#GET": {
    anonymous: "status:401",
    unrelated: "status:404",
    call: route("GET", () => "/api/district/approved?year=2025"),
  },
  "app/api/district/approved/zip/route.ts#POST": {
    anonymous: "status:401",
    unrelated: "status:404",
    call: route(
      "POST",
      () => "/api/district/approved/zip",
      (f) => ({ year: 2025, reportIds: [f.reportId] }),
    ),
  },
  // 批量检查: a report file checked for the district (nothing stored), and recorded for one of its units.
  "app/api/district/batch-check/route.ts#POST": {
    anonymous: "status:401",
    unrelated: "status:404",
    call: upload("/api/district/batch-check", () => ({})),
  },
  "app/api/district/batch-check/apply/route.ts#POST": {
    anonymous: "status:401",
    unrelated: "status:404",
    call: upload("/api/district/batch-check/apply", (f) => ({ organizationId: f.organizationId })),
  },

  // Server actions
  "app/login/actions.ts#signInAction": {
    // Public by nature; it answers only about the credentials it was given.
    anonymous: "returned",
    unrelated: "returned",
    call: action(() => [{}, form({ account: "nobody-at-all", password: "wrong-password" })]),
  },
  "app/(app)/sign-out-action.ts#signOutAction": {
    anonymous: "redirect:/login",
    unrelated: "redirect:/login",
    call: action(() => []),
  },
  "app/(app)/reports/actions.ts#createNextDraftAction": {
    anonymous: "status:401",
    unrelated: "status:404",
    call: action((f) => [{ organizationId: f.organizationId, year: 2019, basedOnPrevious: false }]),
  },
  "app/(app)/reports/actions.ts#deleteUntouchedDraftAction": {
    anonymous: "status:401",
    unrelated: "status:404",
    call: action((f) => [{ reportId: f.reportId }]),
  },
  "app/login/actions.ts#verifySecondFactorAction": {
    // Only a pending sign-in (password right, code to come) is verified; anyone else starts again.
    anonymous: "redirect:/login?expired=1",
    unrelated: "redirect:/login?expired=1",
    call: action(() => [{}, form({ code: "123456" })]),
  },
  "app/two-step/setup/actions.ts#confirmSecondFactorAction": {
    // The caller's own setup: without a secret shown first (the page), there is nothing to confirm.
    anonymous: "status:401",
    unrelated: ["status:409", "status:400"],
    call: action(() => ["123456"]),
  },
  "app/(app)/account/security/actions.ts#renewRecoveryCodesAction": {
    anonymous: "status:401",
    unrelated: "status:409",
    call: action(() => [{ code: "123456" }]),
  },
  "app/(app)/account/security/actions.ts#disableSecondFactorAction": {
    anonymous: "status:401",
    unrelated: ["status:409", "status:403" as Outcome],
    call: action(() => [{ password: "not-my-password" }]),
  },
  "app/(app)/account/security/actions.ts#signOutEverywhereAction": {
    // Ends the caller's own sessions (the session made for this call included).
    anonymous: "redirect:/login",
    unrelated: "redirect:/login",
    call: action(() => []),
  },
  "app/(app)/account/password/actions.ts#changePasswordAction": {
    // Acts on the caller's own account only: a stranger's wrong "current password" is simply wrong.
    anonymous: "status:401",
    unrelated: "status:400",
    call: action(() => [
      {},
      form({
        currentPassword: "not-my-password",
        newPassword: "new-password-1",
        confirmPassword: "new-password-1",
      }),
    ]),
  },
  "app/(app)/admin/users/actions.ts#createUserAction": {
    anonymous: "status:401",
    unrelated: "status:404",
    call: action((f) => [
      {
        account: "surface-intruder",
        displayName: "入侵者",
        password: "initial-pass-1",
        organizationId: f.organizationId,
        role: "ADMIN",
      },
    ]),
  },
  "app/(app)/admin/users/actions.ts#assignRoleAction": {
    anonymous: "status:401",
    unrelated: "status:404",
    call: action((f) => [{ userId: f.editorId, organizationId: f.organizationId, role: "ADMIN" }]),
  },
  "app/(app)/admin/users/actions.ts#removeRoleAction": {
    anonymous: "status:401",
    unrelated: "status:404",
    call: action((f) => [{ membershipId: f.membershipId }]),
  },
  "app/(app)/admin/users/actions.ts#resetSecondFactorAction": {
    anonymous: "status:401",
    unrelated: "status:404",
    call: action((f) => [{ userId: f.editorId }]),
  },
  "app/(app)/admin/users/actions.ts#resetPasswordAction": {
    anonymous: "status:401",
    unrelated: "status:404",
    call: action((f) => [{ userId: f.editorId, password: "taken-over-1" }]),
  },

  // Pages and layouts
  "app/page.tsx#default": {
    anonymous: "redirect:/login",
    unrelated: "redirect:/reports",
    call: page(),
  },
  "app/login/page.tsx#default": {
    anonymous: "rendered",
    unrelated: "redirect:/reports",
    call: page(),
  },
  "app/layout.tsx#default": { anonymous: "rendered", unrelated: "rendered", call: page() },
  "app/(app)/layout.tsx#default": {
    anonymous: "redirect:/login",
    unrelated: "rendered",
    call: page(),
  },
  "app/(app)/reports/page.tsx#default": {
    anonymous: "redirect:/login",
    unrelated: "rendered",
    call: page(),
  },
  "app/(app)/reports/[id]/page.tsx#default": {
    anonymous: "redirect:/login",
    unrelated: "notFound",
    call: page(reportParams),
  },
  "app/(app)/reports/[id]/import/page.tsx#default": {
    anonymous: "redirect:/login",
    unrelated: "notFound",
    call: page(reportParams),
  },
  "app/(app)/reports/[id]/preview/page.tsx#default": {
    anonymous: "redirect:/login",
    unrelated: "notFound",
    call: page(reportParams),
  },
  "app/(app)/reports/[id]/history/page.tsx#default": {
    anonymous: "redirect:/login",
    unrelated: "notFound",
    call: page(reportParams),
  },
  "app/(app)/reports/[id]/history/compare/page.tsx#default": {
    anonymous: "redirect:/login",
    unrelated: "notFound",
    call: page(reportParams, { a: "1", b: "1" }),
  },
  // 待审核: only reviewers have an inbox (a reviewer of another district sees only their own units).
  "app/(app)/review/page.tsx#default": {
    anonymous: "redirect:/login",
    unrelated: ["notFound", "rendered"],
    call: page(),
  },
  "app/(app)/notifications/page.tsx#default": {
    anonymous: "redirect:/login",
    unrelated: "rendered",
    call: page(),
  },
  "app/(app)/account/password/page.tsx#default": {
    anonymous: "redirect:/login",
    unrelated: "rendered",
    call: page(),
  },
  // Two-step verification and sessions: the caller's own account only.
  "app/(app)/account/security/page.tsx#default": {
    anonymous: "redirect:/login",
    unrelated: "rendered",
    call: page(),
  },
  "app/login/verify/page.tsx#default": {
    anonymous: "redirect:/login",
    unrelated: "redirect:/login",
    call: page(),
  },
  "app/two-step/setup/page.tsx#default": {
    anonymous: "redirect:/login",
    unrelated: ["rendered", "redirect:/account/security" as Outcome],
    call: page(),
  },
  "app/(app)/district/page.tsx#default": {
    anonymous: "redirect:/login",
    unrelated: "notFound",
    call: page(() => ({}), { year: "2025" }),
  },
  "app/(app)/district/rollup/page.tsx#default": {
    anonymous: "redirect:/login",
    unrelated: "notFound",
    call: page(() => ({}), { year: "2025" }),
  },
  "app/(app)/district/check/page.tsx#default": {
    anonymous: "redirect:/login",
    unrelated: "notFound",
    call: page(),
  },
  "app/(app)/orgs/[id]/history/page.tsx#default": {
    anonymous: "redirect:/login",
    unrelated: "notFound",
    call: page((f) => ({ id: f.organizationId })),
  },
  // Public pages (no sign-in): a unit with nothing PUBLISHED, and its submitted report, do not exist for anyone.
  "app/gk/[org]/page.tsx#default": {
    anonymous: "notFound",
    unrelated: "notFound",
    call: publicPage(() => ({})),
  },
  "app/gk/[org]/[year]/page.tsx#default": {
    anonymous: "notFound",
    unrelated: "notFound",
    call: publicPage(() => ({ year: "2025" })),
  },
  // Admin pages: not there for a non-admin; an admin of another tree sees their own tree only.
  "app/(app)/admin/users/page.tsx#default": {
    anonymous: "redirect:/login",
    unrelated: ["notFound", "rendered"],
    call: page(),
  },
  "app/(app)/admin/audit/page.tsx#default": {
    anonymous: "redirect:/login",
    unrelated: ["notFound", "rendered"],
    call: page(),
  },
};

/** Serialises what a call returned — a Response's body, an action's result, a page's element tree. */
function serialise(value: unknown): string {
  const seen = new WeakSet<object>();
  return (
    JSON.stringify(value, (key, v) => {
      if (key.startsWith("_") || typeof v === "function" || typeof v === "symbol") return undefined;
      if (v && typeof v === "object") {
        if (seen.has(v)) return undefined;
        seen.add(v);
      }
      return v;
    }) ?? ""
  );
}

async function invoke(
  expectation: Expectation,
  fn: (...args: never[]) => unknown,
): Promise<{ outcome: string; body: string }> {
  try {
    const value = await expectation.call(fn, fx);
    if (value instanceof Response)
      return { outcome: `status:${value.status}`, body: await value.text() };
    if (
      value &&
      typeof value === "object" &&
      "ok" in value &&
      (value as { ok: unknown }).ok === false &&
      "status" in value
    ) {
      return { outcome: `status:${(value as { status: number }).status}`, body: serialise(value) };
    }
    return { outcome: isValidElement(value) ? "rendered" : "returned", body: serialise(value) };
  } catch (error) {
    const digest = String((error as { digest?: unknown }).digest ?? "");
    if (digest.startsWith("NEXT_REDIRECT"))
      return { outcome: `redirect:${digest.split(";")[2]}`, body: "" };
    if (digest.startsWith("NEXT_HTTP_ERROR_FALLBACK;404")) return { outcome: "notFound", body: "" };
    throw error;
  }
}

/** A fresh session for the account (sign-out ends it), or none. */
async function actAs(account: string | null) {
  request.cookies.clear();
  if (!account) return;
  const user = await db().user.findUniqueOrThrow({ where: { account } });
  request.cookies.set(SESSION_COOKIE, (await createSession(user.id)).token);
}

const found = await discover();
const keyOf = (e: Entry) => `${e.file}#${e.name}`;

describe("the authorisation surface, found from the file tree", () => {
  it("finds the route handlers, server actions and pages, and every one has an expectation here (and no expectation is stale)", () => {
    expect(
      found.inlineActions,
      'server actions must live in a file that starts with "use server" (one place to enumerate them)',
    ).toEqual([]);
    const discovered = found.entries.map(keyOf).sort();
    expect(discovered.filter((k) => k.includes("/route.ts")).length).toBeGreaterThanOrEqual(12);
    const missing = discovered.filter((k) => !(k in EXPECTED));
    expect(
      missing,
      `add these to EXPECTED in tests/integration/authorization-surface.test.ts: ${missing.join(", ")}`,
    ).toEqual([]);
    expect(
      Object.keys(EXPECTED).filter((k) => !discovered.includes(k)),
      "stale entries in EXPECTED",
    ).toEqual([]);
  });

  it("the harness is real: the report's own editor gets the report through the same calls", async () => {
    await actAs("surface-editor");
    const content = await invoke(
      EXPECTED["app/api/reports/[id]/content/route.ts#GET"],
      (await import("@/app/api/reports/[id]/content/route")).GET as never,
    );
    expect(content.outcome).toBe("status:200");
    expect(content.body).toContain(SECRET_TEXT);
    const pageResult = await invoke(
      EXPECTED["app/(app)/reports/[id]/page.tsx#default"],
      (await import("@/app/(app)/reports/[id]/page")).default as never,
    );
    expect(pageResult.outcome).toBe("rendered");
    expect(pageResult.body).toContain(SECRET_TEXT);
    // The district's reviewer sees the pending comment on the same page.
    await actAs("surface-reviewer");
    expect(
      (
        await invoke(
          EXPECTED["app/(app)/reports/[id]/page.tsx#default"],
          (await import("@/app/(app)/reports/[id]/page")).default as never,
        )
      ).body,
    ).toContain(SECRET_COMMENT);
    // …and finds the submitted report in their 待审核 inbox.
    expect(
      (
        await invoke(
          EXPECTED["app/(app)/review/page.tsx#default"],
          (await import("@/app/(app)/review/page")).default as never,
        )
      ).body,
    ).toContain(ORG_NAME);
  });

  const callers: [string, string | null][] = [
    ["a signed-out visitor", null],
    ["another unit's editor (xinwei-editor)", "xinwei-editor"],
    ["an admin, reviewer and editor of another district (surface-outsider)", "surface-outsider"],
  ];

  for (const entry of found.entries) {
    const key = keyOf(entry);
    for (const [who, account] of callers) {
      it(`${key} — ${who}: refused, and nothing of the report in the answer`, async () => {
        const expectation = EXPECTED[key];
        expect(expectation, `no expectation for ${key}`).toBeDefined();
        const exported = (await import(path.join(ROOT, entry.file))) as Record<
          string,
          (...args: never[]) => unknown
        >;
        await actAs(account);
        const { outcome, body } = await invoke(expectation, exported[entry.name]);
        const allowed = account === null ? [expectation.anonymous] : [expectation.unrelated].flat();
        expect(allowed, `${key} as ${who} answered ${outcome}`).toContain(outcome);
        for (const secret of secrets())
          expect(body, `${key} as ${who} revealed “${secret}”`).not.toContain(secret);
      });
    }
  }

  it("and afterwards the report, its comment and its editor are as they were", async () => {
    const report = await db().report.findUniqueOrThrow({ where: { id: fx.reportId } });
    expect(report.status).toBe("SUBMITTED");
    expect(await db().reviewComment.count({ where: { id: fx.commentId } })).toBe(1);
    expect(await db().membership.count({ where: { userId: fx.editorId } })).toBe(1);
    expect(await db().user.count({ where: { account: "surface-intruder" } })).toBe(0);
    expect(
      await db().organization.count({
        where: { id: fx.organizationId, reports: { some: { year: 2026 } } },
      }),
    ).toBe(0);
  });
});
