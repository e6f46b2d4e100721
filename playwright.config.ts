import { existsSync, rmSync } from "node:fs";
import { chromium, defineConfig } from "@playwright/test";

const port = Number(process.env.E2E_PORT ?? 3100);
const ownDatabase = !process.env.E2E_DATABASE_URL;
// A second run beside the default one sets E2E_PG_PORT: its own server and data directory.
const ownPgPort = Number(process.env.E2E_PG_PORT ?? 54336);
const ownPgData = ownPgPort === 54336 ? ".data/e2e-postgres" : `.data/e2e-postgres-${ownPgPort}`;
// Without a database from `npm test`, the web server runs its own, fresh each run. Workers load this
// file too (with TEST_WORKER_INDEX set) while the server runs, so only the main process wipes it.
if (ownDatabase && !process.env.TEST_WORKER_INDEX)
  rmSync(ownPgData, { recursive: true, force: true });
// One session key for the web server, the app instances the system tests start (production servers
// refuse to run without one) and the sessions those tests write into their databases. A test key.
process.env.SESSION_SECRET ||= "nianbao-e2e-session-secret-for-tests-only";

/** Playwright's own Chromium when it has been installed; otherwise the system's (apt-get install chromium). */
function chromiumExecutable(): string | undefined {
  try {
    const own = chromium.executablePath();
    if (own && existsSync(own)) return undefined;
  } catch {
    // not installed
  }
  for (const candidate of [
    process.env.CHROMIUM_PATH,
    "/usr/bin/chromium",
    "/usr/bin/chromium-browser",
  ]) {
    if (candidate && existsSync(candidate)) return candidate;
  }
  return undefined;
}

export default defineConfig({
  testDir: "e2e",
  fullyParallel: false,
  workers: 1,
  retries: 0,
  timeout: 60_000,
  expect: { timeout: 10_000 },
  reporter: process.env.PLAYWRIGHT_JSON_OUTPUT_NAME ? [["list"], ["json"]] : [["list"]],
  use: {
    baseURL: `http://localhost:${port}`,
    locale: "zh-CN",
    timezoneId: "Asia/Shanghai",
    viewport: { width: 1280, height: 800 },
    trace: "off",
    screenshot: "only-on-failure",
    launchOptions: {
      executablePath: chromiumExecutable(),
      // Root in a container, and a network that refuses everything but loopback.
      args: [
        "--no-sandbox",
        "--disable-gpu",
        "--disable-quic",
        "--no-first-run",
        "--disable-background-networking",
        "--disable-component-update",
        "--disable-sync",
        "--disable-dev-shm-usage",
      ],
    },
  },
  projects: [{ name: "chromium", use: { browserName: "chromium" } }],
  webServer: {
    // The production build, through the same start script users run (migrate, seed, build if stale).
    command: "node scripts/start.mjs",
    url: `http://127.0.0.1:${port}/api/health`,
    timeout: 300_000,
    reuseExistingServer: false,
    stdout: "pipe",
    stderr: "pipe",
    env: {
      PORT: String(port),
      NIANBAO_QUIET: "1",
      NIANBAO_DIST_DIR: process.env.E2E_DIST_DIR ?? ".next-e2e",
      // The specs sign in as the demo accounts, on the embedded database or on npm test's DATABASE_URL.
      NIANBAO_DEMO: "1",
      ...(process.env.E2E_DATABASE_URL ? { DATABASE_URL: process.env.E2E_DATABASE_URL } : {}),
      ...(process.env.E2E_DATABASE_URL
        ? {}
        : { NIANBAO_PG_DATA: ownPgData, NIANBAO_PG_PORT: String(ownPgPort) }),
    },
  },
});
