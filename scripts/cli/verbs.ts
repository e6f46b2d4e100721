import { readdirSync } from "node:fs";
import { fileURLToPath, pathToFileURL } from "node:url";
import type { Verb } from "./verb";

const VERBS_DIR = fileURLToPath(new URL("./", import.meta.url));

/** Module names of scripts/cli/; the verbs among them are those that export `run` and `summary`. */
export function moduleNames(): string[] {
  return readdirSync(VERBS_DIR)
    .filter((f) => f.endsWith(".ts") && !f.endsWith(".test.ts") && !f.endsWith(".d.ts"))
    .map((f) => f.slice(0, -3))
    .sort();
}

/** The verb scripts/cli/<name>.ts, or null when there is no such verb. */
export async function loadVerb(name: string): Promise<Verb | null> {
  if (!/^[a-z][a-z0-9-]*$/.test(name) || !moduleNames().includes(name)) return null;
  const mod = (await import(pathToFileURL(`${VERBS_DIR}${name}.ts`).href)) as Partial<Verb>;
  return typeof mod.run === "function" && typeof mod.summary === "string" ? (mod as Verb) : null;
}

/** Every verb, by name. */
export async function listVerbs(): Promise<[string, Verb][]> {
  const verbs: [string, Verb][] = [];
  for (const name of moduleNames()) {
    const verb = await loadVerb(name);
    if (verb) verbs.push([name, verb]);
  }
  return verbs;
}
