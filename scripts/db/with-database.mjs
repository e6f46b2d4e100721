// Run a task against DATABASE_URL, or against the embedded PostgreSQL (started for the task and stopped after).
import { startEmbeddedPostgres } from "./embedded.mjs";
import { embeddedSettings } from "./settings.mjs";

export async function withDatabase(task) {
  if (process.env.DATABASE_URL) return task(process.env.DATABASE_URL);
  const settings = embeddedSettings();
  const db = await startEmbeddedPostgres(settings);
  try {
    return await task(db.url);
  } finally {
    await db.stop();
  }
}
