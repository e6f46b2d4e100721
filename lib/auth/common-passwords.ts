import { readFileSync } from "node:fs";
import path from "node:path";

let list: Set<string> | null = null;

/**
 * The few thousand passwords seen most often in leaks (lib/auth/data/common-passwords.txt, where the
 * source is named), read once. The file is read from the project directory, which is where the
 * server, the tests and the scripts all run.
 */
export function isCommonPassword(password: string): boolean {
  list ??= new Set(
    readFileSync(path.join(process.cwd(), "lib/auth/data/common-passwords.txt"), "utf8")
      .split("\n")
      .map((line) => line.trim())
      .filter((line) => line && !line.startsWith("#")),
  );
  return list.has(password.toLowerCase());
}
