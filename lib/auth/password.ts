import { hash, verify } from "@node-rs/argon2";
import { withHashBudget } from "./hash-budget";

// argon2id (the library's default algorithm) with OWASP's minimum parameters: 19 MiB, 2 passes.
const OPTIONS = { memoryCost: 19_456, timeCost: 2, parallelism: 1 } as const;

export function hashPassword(password: string): Promise<string> {
  return withHashBudget(() => hash(password, OPTIONS));
}

/** `priority`: the caller is a browser known to the account (lib/auth/hash-budget.ts). */
export async function verifyPassword(
  passwordHash: string,
  password: string,
  options: { priority?: boolean } = {},
): Promise<boolean> {
  return withHashBudget(async () => {
    try {
      return await verify(passwordHash, password);
    } catch {
      return false;
    }
  }, options);
}
