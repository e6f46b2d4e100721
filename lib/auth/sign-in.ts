import { db } from "@/lib/db/client";
import { verifyPassword } from "./password";
import { createSession } from "./sessions";

export type SignInResult = { ok: true; token: string; expiresAt: Date } | { ok: false; error: string };

// Verifying against a real hash even for an unknown account keeps both answers equally slow,
// so the timing does not tell which accounts exist.
const DUMMY_HASH = "$argon2id$v=19$m=19456,t=2,p=1$c29tZXNhbHRzb21lc2FsdA$0aMz5qN+oHAz8y9Y2gSGy1Hc0HEu5JXxL1LMIj6v6Ew";

export async function signIn(account: string, password: string): Promise<SignInResult> {
  const user = await db().user.findUnique({ where: { account } });
  const valid = await verifyPassword(user?.passwordHash ?? DUMMY_HASH, password);
  if (!user || !valid) return { ok: false, error: "账号或密码不正确。" };
  const session = await createSession(user.id);
  return { ok: true, ...session };
}
