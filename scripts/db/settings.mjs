import path from "node:path";
import { fileURLToPath } from "node:url";

export const ROOT = path.resolve(path.dirname(fileURLToPath(import.meta.url)), "../..");

/** Where and on which port `npm start` keeps its own PostgreSQL (overridable for a second checkout). */
export function embeddedSettings() {
  return {
    dataDir: process.env.NIANBAO_PG_DATA ?? path.join(ROOT, ".data/postgres"),
    port: Number(process.env.NIANBAO_PG_PORT ?? 54329),
    database: "nianbao",
  };
}
