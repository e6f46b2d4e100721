// Live updates across app instances: two `next start` instances of the same build share one
// PostgreSQL behind the round-robin proxy (as in the scale-out test). Two editors of 友协街道办事处
// see each other in the editor — who, in which section, in which cell — and a save made through one
// instance appears in a browser connected to the other, carried by LISTEN/NOTIFY. When the event
// stream cannot be had the page says it polls, still shows the colleague's save, and goes live again.
import { expect, test, type Browser, type Page } from "@playwright/test";
import { listCells } from "../lib/report/cells";
import { getFormat } from "../lib/report/formats";
import {
  startRoundRobinProxy,
  type RoundRobinProxy,
} from "../scripts/system/round-robin-proxy.mjs";
import { POLL_SECONDS } from "../components/editor/use-report-events";
import { expectSaved, goToStep } from "./support/editor-helpers";
import { signIn } from "./support/helpers";
import {
  leftovers,
  port,
  startApp,
  startDatabase,
  type AppInstance,
  type SystemDatabase,
} from "./support/system-support";

const PG_PORT = port(54348);
const APP_PORTS = [port(3113), port(3114)];
const PROXY_PORT = port(3115);

// The demo seed's two editors of one unit.
const EDITOR = { account: "youxie-editor", name: "友协街道填报员" };
const COLLEAGUE = { account: "youxie-editor2", name: "友协街道第二填报员" };

// Section titles as the editor shows them, from the format spec.
const sections = getFormat("2021").sections;
const title = (key: string) => {
  const s = sections.find((section) => section.key === key)!;
  return `${s.ordinal}、${s.title}`;
};
const stepButton = (key: string) => new RegExp(`^${title(key)}`);

const isEventStream = (url: URL) => /^\/api\/reports\/[^/]+\/events$/.test(url.pathname);

let db: SystemDatabase;
let apps: AppInstance[] = [];
let proxy: RoundRobinProxy | null = null;

test.describe.configure({ mode: "serial", timeout: 180_000 });

test.beforeAll(async () => {
  test.setTimeout(240_000);
  db = await startDatabase("live-updates", PG_PORT);
  apps = await Promise.all(APP_PORTS.map((p) => startApp(p, db.url)));
  proxy = await startRoundRobinProxy({ port: PROXY_PORT, targets: apps.map((a) => a.url) });
});

test.afterAll(async () => {
  await proxy?.close();
  await Promise.all(apps.map((a) => a.stop()));
  await db?.stop();
  expect(leftovers(), "no process of this test may outlive it").toEqual([]);
});

/** A browser of its own for one person, signed in at `base`, with the 2025 report open. */
async function editorAt(browser: Browser, base: string, account: string): Promise<Page> {
  const context = await browser.newContext({ baseURL: base });
  const page = await context.newPage();
  await signIn(page, account);
  await openEditor(page);
  return page;
}

/**
 * The 2025 report of 友协 from the report list. Two browsers and two instances on a machine shared
 * with other builds: the editor page may take longer than the default wait to render.
 */
async function openEditor(page: Page) {
  await page
    .getByRole("region", { name: /友协街道办事处/ })
    .getByRole("link", { name: "2025年度报告" })
    .click();
  await expect(page.getByRole("form", { name: "年度报告编辑" })).toBeVisible({ timeout: 30_000 });
}

test("two editors of one unit through the proxy: each sees the other, the section they are in and the cell they type in", async ({
  browser,
}) => {
  const mine = await editorAt(browser, proxy!.url, EDITOR.account);
  const theirs = await editorAt(browser, proxy!.url, COLLEAGUE.account);
  try {
    await goToStep(mine, stepButton("s2"));
    await goToStep(theirs, stepButton("s3"));
    await expect(mine.getByTestId("presence")).toContainText(
      `${COLLEAGUE.name} 正在编辑 ${title("s3")}`,
    );
    await expect(theirs.getByTestId("presence")).toContainText(
      `${EDITOR.name} 正在编辑 ${title("s2")}`,
    );

    // The colleague types in a cell of 三; on my page, once I am in 三 too, that cell is marked.
    const cell = listCells("2021").find((c) => c.sectionKey === "s3")!;
    await goToStep(mine, stepButton("s3"));
    await theirs.locator(`[data-cell-id="${cell.id}"]`).focus();
    await expect(mine.locator(`[data-cell-id="${cell.id}"]`)).toHaveAttribute(
      "data-peer-editing",
      COLLEAGUE.name,
    );
    await expect(mine.getByTestId("presence")).toContainText(cell.label);

    // The colleague leaves the report: they leave my list at once, not when their entry expires.
    await theirs.goto("/reports");
    await expect(mine.getByTestId("presence")).toBeHidden();
    await expect(mine.locator(`[data-cell-id="${cell.id}"]`)).not.toHaveAttribute(
      "data-peer-editing",
    );
  } finally {
    await mine.context().close();
    await theirs.context().close();
  }
});

test("a save made through one instance appears in a browser connected to the other", async ({
  browser,
}) => {
  const [first, second] = apps;
  const writer = await editorAt(browser, first.url, EDITOR.account);
  const reader = await editorAt(browser, second.url, COLLEAGUE.account);
  try {
    await expect(reader.getByTestId("presence")).toContainText(EDITOR.name);
    await goToStep(writer, stepButton("s1"));
    await writer
      .getByRole("textbox", { name: title("s1"), exact: true })
      .fill(`经实例一保存、在实例二显示的文字 ${Date.now()}`);
    await expectSaved(writer);
    await expect(reader.getByTestId("colleague-save")).toContainText(
      `${EDITOR.name} 保存了 ${title("s1")} 的修改`,
    );
  } finally {
    await writer.context().close();
    await reader.context().close();
  }
});

test("without the event stream the page says it polls, still hears a colleague's save, and goes live again", async ({
  browser,
}) => {
  const reader = await (async () => {
    const context = await browser.newContext({ baseURL: apps[1].url });
    // The stream is cut (a proxy that does not pass Server-Sent Events) before the page opens.
    await context.route(isEventStream, (route) => route.abort());
    const page = await context.newPage();
    await signIn(page, COLLEAGUE.account);
    await openEditor(page);
    return page;
  })();
  const writer = await editorAt(browser, apps[0].url, EDITOR.account);
  try {
    const notice = reader.getByTestId("realtime-mode");
    await expect(notice).toHaveText(`实时连接已断开，每 ${POLL_SECONDS} 秒刷新`);
    await goToStep(writer, stepButton("s1"));
    await writer
      .getByRole("textbox", { name: title("s1"), exact: true })
      .fill(`轮询时保存的文字 ${Date.now()}`);
    await expectSaved(writer);
    await expect(reader.getByTestId("colleague-save")).toContainText(`${EDITOR.name} 保存了`, {
      timeout: 30_000,
    });
    // The stream is back: the page retries it and the notice goes.
    await reader.context().unroute(isEventStream);
    await expect(notice).toBeHidden({ timeout: 60_000 });
  } finally {
    await writer.context().close();
    await reader.context().close();
  }
});
