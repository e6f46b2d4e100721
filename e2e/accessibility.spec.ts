import AxeBuilder from "@axe-core/playwright";
import { expect, test, type Page } from "@playwright/test";
import { signIn } from "./support/helpers";

// WCAG 2.1 AA (the criteria GB/T 37668 follows), checked by axe on every page a role can reach: each
// demo role signs in and follows the app's own links from the report list; the public 年报专栏 is
// checked signed out. The editor is checked on each of its steps, since only one is on screen at a
// time. A violation is reported with the page, the rule and the elements that break it.

const WCAG_AA = ["wcag2a", "wcag2aa", "wcag21a", "wcag21aa"];
const MAX_PAGES = 40;

/** One page per route: ids and years in a path stand for every id and year. */
function route(path: string): string {
  return path
    .replace(/[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}/g, ":id")
    .replace(/\/\d{4}(?=\/|$)/g, "/:year");
}

/** Links that leave the pages: downloads, the API, signing out. */
function isPage(path: string): boolean {
  return !/^\/(api|_next)\//.test(path) && !/\.(docx|html|pdf|xlsx|csv|zip)$/.test(path);
}

async function violations(page: Page, where: string): Promise<string[]> {
  const result = await new AxeBuilder({ page }).withTags(WCAG_AA).analyze();
  return result.violations.map(
    (v) =>
      `${where} — ${v.id}（${v.help}）：${v.nodes
        .slice(0, 5)
        .map((n) => n.target.join(" "))
        .join("；")}`,
  );
}

async function checkEditorSteps(page: Page, where: string): Promise<string[]> {
  const found: string[] = [];
  const steps = page.getByRole("navigation", { name: "报告各部分" }).getByRole("button");
  const count = await steps.count();
  for (let i = 0; i < count; i++) {
    const step = steps.nth(i);
    const name = (await step.textContent()) ?? String(i);
    await step.click();
    await expect(step).toHaveAttribute("aria-current", "step");
    found.push(...(await violations(page, `${where} 「${name}」`)));
  }
  return found;
}

/** Visits every route reachable by links from `start`, checking each once. */
async function crawl(page: Page, start: string[]): Promise<{ checked: string[]; found: string[] }> {
  const queue = [...start];
  const seen = new Set(start.map(route));
  const checked: string[] = [];
  const found: string[] = [];
  while (queue.length && checked.length < MAX_PAGES) {
    const path = queue.shift()!;
    const response = await page.goto(path);
    expect(response?.status(), path).toBeLessThan(400);
    await page.waitForLoadState("load");
    checked.push(path);
    const editor = page.getByRole("form", { name: "年度报告编辑" });
    if (await editor.isVisible()) found.push(...(await checkEditorSteps(page, path)));
    else found.push(...(await violations(page, path)));
    // Taken from the page visited: a page that has not navigated yet is about:blank, of no origin.
    const origin = new URL(page.url()).origin;
    const hrefs = await page
      .locator("a[href]")
      .evaluateAll((links) => links.map((a) => (a as HTMLAnchorElement).href));
    for (const href of hrefs) {
      const url = new URL(href);
      if (url.origin !== origin || !isPage(url.pathname)) continue;
      const key = route(url.pathname);
      if (seen.has(key)) continue;
      seen.add(key);
      queue.push(url.pathname + url.search);
    }
  }
  return { checked, found };
}

test.describe("accessibility (WCAG 2.1 AA, axe)", () => {
  test.describe.configure({ timeout: 600_000 });

  test("the public pages, signed out", async ({ page }) => {
    const { checked, found } = await crawl(page, ["/login", "/gk/youxie"]);
    expect(checked).toContain("/gk/youxie");
    expect(checked.some((p) => /^\/gk\/youxie\/\d{4}$/.test(p))).toBe(true);
    expect(found).toEqual([]);
  });

  for (const account of ["youxie-editor", "pingfang-reviewer", "pingfang-admin"]) {
    test(`every page ${account} reaches`, async ({ page }) => {
      await signIn(page, account);
      const { checked, found } = await crawl(page, ["/reports"]);
      expect(checked.length).toBeGreaterThan(3);
      expect(found).toEqual([]);
    });
  }
});
