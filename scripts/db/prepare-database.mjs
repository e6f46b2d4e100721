// What `npm start` does to the database before it serves: pick the database (DATABASE_URL, or start the
// embedded one), settle the session secret, apply the migrations, and seed the demo — only for the
// embedded database or when NIANBAO_DEMO=1, never by default against a real DATABASE_URL (the demo
// accounts share a published password).
import path from "node:path";
import { startEmbeddedPostgres } from "./embedded.mjs";
import { applyMigrations } from "./schema-engine.mjs";
import { embeddedSettings, ROOT } from "./settings.mjs";
import { assertSessionSecret, localSessionSecret } from "../server/session-secret.mjs";

/**
 * @param {NodeJS.ProcessEnv} env
 * @param {(line: string) => void} say
 * @returns {Promise<{ databaseUrl: string, demo: boolean, sessionSecret: string, database: { stop: () => Promise<void> } | null }>}
 */
export async function prepareDatabase(env, say = () => {}) {
  let databaseUrl = env.DATABASE_URL;
  const demo = !databaseUrl || env.NIANBAO_DEMO === "1";
  let sessionSecret = env.SESSION_SECRET;
  let database = null;
  if (databaseUrl) {
    assertSessionSecret(env);
    say("使用 DATABASE_URL 指定的 PostgreSQL。");
  } else {
    const settings = embeddedSettings();
    sessionSecret ||= localSessionSecret(settings.dataDir);
    say(
      `启动内置 PostgreSQL（端口 ${settings.port}，数据目录 ${path.relative(ROOT, settings.dataDir)}）…`,
    );
    database = await startEmbeddedPostgres(settings);
    databaseUrl = database.url;
  }
  try {
    const applied = await applyMigrations(databaseUrl);
    say(applied.length ? `已应用数据库迁移：${applied.join("、")}` : "数据库结构已是最新。");
    if (demo) {
      // tsx only here: the demo seed is TypeScript; a real deployment's start never loads it.
      const { tsImport } = await import("tsx/esm/api");
      const { seedDatabase } = await tsImport("../../prisma/seed.ts", import.meta.url);
      await seedDatabase(databaseUrl);
      say("演示数据已就绪。");
    } else {
      say(
        "未写入演示数据（使用 DATABASE_URL 时不创建演示账号；确需演示数据请设置 NIANBAO_DEMO=1）。",
      );
    }
  } catch (error) {
    if (database) await database.stop().catch(() => {});
    throw error;
  }
  return { databaseUrl, demo, sessionSecret, database };
}
