import { existsSync } from "node:fs";
import { chromium, type Browser, type Page } from "playwright";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { fullReport } from "@/lib/report/__fixtures__/full-report";
import { renderHtml, renderPortalFragment } from "./html";

/**
 * The HTML as a browser draws it (Debian's Chromium, through playwright). A portal editor that drops
 * `<style>` must still show the tables with their borders, the title centred and the closing on the
 * right; with the stylesheet, print sets 28 characters a line and never splits a number, and a phone
 * scrolls the wide table 四 in its own box instead of stacking one character a line.
 */
const executablePath = ["/usr/bin/chromium", "/usr/bin/chromium-browser"].find((p) =>
  existsSync(p),
);
if (!executablePath)
  console.warn("[lib/export] Chromium is not installed: skipping the in-browser HTML checks");

const report = fullReport("2021");
let browser: Browser;

async function open(html: string, width = 1000): Promise<Page> {
  const page = await browser.newPage({ viewport: { width, height: 900 } });
  await page.setContent(html);
  return page;
}

/** A bare portal page: the fragment pasted into it, every `<style>` dropped, classes kept or not alike. */
function pastedWithoutStyle(): string {
  const fragment = renderPortalFragment(report).replace(/<style>[\s\S]*?<\/style>/g, "");
  return `<!DOCTYPE html><html><head><meta charset="utf-8"></head><body><div class="portal-article">${fragment}</div></body></html>`;
}

describe.skipIf(!executablePath)("the report in Chromium", { timeout: 120_000 }, () => {
  beforeAll(async () => {
    browser = await chromium.launch({
      executablePath,
      args: ["--no-sandbox", "--disable-gpu", "--disable-dev-shm-usage"],
    });
  });
  afterAll(async () => {
    await browser?.close();
  });

  it("pasted without its stylesheet keeps table borders, the centred title and the right-aligned closing", async () => {
    const page = await open(pastedWithoutStyle());
    expect(await page.locator("style").count()).toBe(0);
    const cells = await page.locator("table td, table th").evaluateAll((els) =>
      els.map((el) => {
        const s = getComputedStyle(el);
        return [s.borderTopStyle, s.borderTopWidth, s.borderLeftStyle, s.borderLeftColor].join(" ");
      }),
    );
    expect(cells.length).toBeGreaterThan(200);
    for (const border of new Set(cells))
      expect(border).toMatch(/^solid [\d.]+px solid rgb\(0, 0, 0\)$/);
    const tables = await page
      .locator("table")
      .evaluateAll((els) => els.map((el) => getComputedStyle(el).borderCollapse));
    expect(tables).toEqual(["collapse", "collapse", "collapse"]);
    expect(await page.locator("h1").evaluate((el) => getComputedStyle(el).textAlign)).toBe(
      "center",
    );
    const closing = await page
      .locator(".closing p")
      .evaluateAll((els) =>
        els.map((el) => [getComputedStyle(el).textAlign, el.getBoundingClientRect().right]),
      );
    expect(closing.map(([align]) => align)).toEqual(["right", "right"]);
    // Paragraphs keep their two-character indent.
    const indent = await page
      .locator("section p")
      .first()
      .evaluate(
        (el) =>
          parseFloat(getComputedStyle(el).textIndent) / parseFloat(getComputedStyle(el).fontSize),
      );
    expect(indent).toBeCloseTo(2, 1);
    await page.close();
  });

  it("prints 28 characters a line in the 156 mm text block, numbers and years whole", async () => {
    const long =
      "本年度我区认真贯彻落实政府信息公开条例要求持续深化政务公开工作不断提升政府透明度和公信力".repeat(
        3,
      );
    const withText = { ...report, preface: `${long}，2022年共发布信息12500条。` };
    const page = await open(renderHtml(withText));
    await page.emulateMedia({ media: "print" });
    await page.setViewportSize({ width: Math.round((156 / 25.4) * 96), height: 900 });
    const perLine = await page
      .locator("article > p")
      .first()
      .evaluate((p) => {
        const text = p.firstChild as Text;
        const range = document.createRange();
        const tops = new Map<number, number>();
        for (let i = 0; i < text.length; i++) {
          range.setStart(text, i);
          range.setEnd(text, i + 1);
          const top = Math.round(range.getBoundingClientRect().top);
          tops.set(top, (tops.get(top) ?? 0) + 1);
        }
        return [...tops.values()];
      });
    // First line: two characters of indent, then 26; full lines after it: 28.
    expect(perLine[0]).toBe(26);
    expect(perLine[1]).toBe(28);
    // A number is never split across lines.
    const numberLines = await page
      .locator("article > p")
      .first()
      .evaluate((p) => {
        const text = p.firstChild as Text;
        const at = text.data.indexOf("12500");
        const range = document.createRange();
        range.setStart(text, at);
        range.setEnd(text, at + 5);
        return new Set([...range.getClientRects()].map((r) => Math.round(r.top))).size;
      });
    expect(numberLines).toBe(1);
    const style = await page.locator("article").evaluate((el) => getComputedStyle(el).wordBreak);
    expect(style).toBe("normal");
    const rows = await page
      .locator("tbody tr")
      .first()
      .evaluate((el) => getComputedStyle(el).breakInside);
    expect(rows).toBe("avoid");
    const keep = await page
      .locator("tr.keep")
      .first()
      .evaluate((el) => getComputedStyle(el).breakAfter);
    expect(keep).toBe("avoid");
    await page.close();
  });

  it("on a 375 px phone, 四 scrolls in its own box and no header is set one character a line", async () => {
    const page = await open(renderHtml(report), 375);
    const appeals = page.locator("section").nth(3).locator(".table-scroll");
    const box = await appeals.evaluate((el) => ({
      client: el.clientWidth,
      scroll: el.scrollWidth,
      overflow: getComputedStyle(el).overflowX,
    }));
    expect(box.overflow).toBe("auto");
    expect(box.scroll).toBeGreaterThan(box.client);
    // The page itself does not scroll sideways.
    expect(await page.evaluate(() => document.documentElement.scrollWidth)).toBeLessThanOrEqual(
      375,
    );
    const narrowest = await appeals
      .locator("th")
      .evaluateAll((els) =>
        Math.min(
          ...els.map(
            (el) => el.getBoundingClientRect().width / parseFloat(getComputedStyle(el).fontSize),
          ),
        ),
      );
    expect(narrowest).toBeGreaterThanOrEqual(2);
    await page.close();
  });
});
