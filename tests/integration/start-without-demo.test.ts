// What `npm start` does to a real database (DATABASE_URL): migrations, and no demo accounts — their
// password is published in the README. The demo comes only on request (NIANBAO_DEMO=1). A production
// server without SESSION_SECRET refuses to start, saying why.
import { spawnSync } from "node:child_process";
import path from "node:path";
import pg from "pg";
import { afterAll, beforeAll, describe, expect, inject, it } from "vitest";
// @ts-expect-error — plain ESM script without types
import { prepareDatabase } from "../../scripts/db/prepare-database.mjs";

const ROOT = path.resolve(__dirname, "../..");
const base = new URL(inject("databaseUrl"));
const urls = { real: "", demo: "" };

async function admin<T>(work: (client: pg.Client) => Promise<T>): Promise<T> {
  const client = new pg.Client({ connectionString: base.toString() });
  await client.connect();
  try {
    return await work(client);
  } finally {
    await client.end();
  }
}

async function count(url: string, sql: string): Promise<number> {
  const client = new pg.Client({ connectionString: url });
  await client.connect();
  try {
    return Number((await client.query(sql)).rows[0].n);
  } finally {
    await client.end();
  }
}

beforeAll(async () => {
  for (const name of ["real", "demo"] as const) {
    const database = `${base.pathname.slice(1)}_start_${name}`;
    await admin(async (client) => {
      await client.query(
        `DROP DATABASE IF EXISTS ${client.escapeIdentifier(database)} WITH (FORCE)`,
      );
      await client.query(`CREATE DATABASE ${client.escapeIdentifier(database)}`);
    });
    const url = new URL(base);
    url.pathname = `/${database}`;
    urls[name] = url.toString();
  }
});

afterAll(async () => {
  await admin(async (client) => {
    for (const url of Object.values(urls))
      if (url)
        await client.query(
          `DROP DATABASE IF EXISTS ${client.escapeIdentifier(new URL(url).pathname.slice(1))} WITH (FORCE)`,
        );
  });
});

const SECRET = "integration-test-session-secret-0123456789";

describe("npm start against DATABASE_URL", () => {
  it("migrates and creates no demo account, no demo unit, no report", async () => {
    const lines: string[] = [];
    const prepared = await prepareDatabase(
      { DATABASE_URL: urls.real, SESSION_SECRET: SECRET },
      (line: string) => lines.push(line),
    );
    expect(prepared).toMatchObject({ demo: false, sessionSecret: SECRET, database: null });
    expect(lines.join("\n")).toContain("未写入演示数据");
    expect(
      await count(urls.real, `SELECT count(*) AS n FROM "_prisma_migrations"`),
    ).toBeGreaterThan(0);
    expect(await count(urls.real, `SELECT count(*) AS n FROM "User"`)).toBe(0);
    expect(await count(urls.real, `SELECT count(*) AS n FROM "Organization"`)).toBe(0);
    expect(await count(urls.real, `SELECT count(*) AS n FROM "Report"`)).toBe(0);
    // Started again (as every deployment restarts): still none.
    await prepareDatabase({ DATABASE_URL: urls.real, SESSION_SECRET: SECRET });
    expect(await count(urls.real, `SELECT count(*) AS n FROM "User"`)).toBe(0);
  });

  it("refuses without SESSION_SECRET before touching the database", async () => {
    await expect(prepareDatabase({ DATABASE_URL: urls.demo })).rejects.toThrow(
      "生产环境必须设置 SESSION_SECRET",
    );
    expect(
      await count(urls.demo, `SELECT count(*) AS n FROM pg_tables WHERE tablename = 'User'`),
    ).toBe(0);
  });

  it("seeds the demo only when asked (NIANBAO_DEMO=1)", async () => {
    const prepared = await prepareDatabase({
      DATABASE_URL: urls.demo,
      SESSION_SECRET: SECRET,
      NIANBAO_DEMO: "1",
    });
    expect(prepared.demo).toBe(true);
    expect(
      await count(urls.demo, `SELECT count(*) AS n FROM "User" WHERE "account" = 'pingfang-admin'`),
    ).toBe(1);
  });
});

describe("the production server", () => {
  it("refuses to start without SESSION_SECRET, saying what to set", () => {
    const env: NodeJS.ProcessEnv = { ...process.env, NODE_ENV: "production", PORT: "1" };
    delete env.SESSION_SECRET;
    const result = spawnSync(process.execPath, [path.join(ROOT, "scripts/server/serve.mjs")], {
      cwd: ROOT,
      env,
      encoding: "utf8",
      timeout: 30_000,
    });
    expect(result.status).toBe(1);
    expect(result.stderr).toContain("无法启动：生产环境必须设置 SESSION_SECRET");
  });

  it("refuses a TRUSTED_PROXIES entry it cannot read", () => {
    const env: NodeJS.ProcessEnv = {
      ...process.env,
      NODE_ENV: "production",
      PORT: "1",
      SESSION_SECRET: SECRET,
      TRUSTED_PROXIES: "10.0.0.0/40",
    };
    const result = spawnSync(process.execPath, [path.join(ROOT, "scripts/server/serve.mjs")], {
      cwd: ROOT,
      env,
      encoding: "utf8",
      timeout: 30_000,
    });
    expect(result.status).toBe(1);
    expect(result.stderr).toContain("TRUSTED_PROXIES 中有无效的地址或网段：“10.0.0.0/40”");
  });
});
