import { createHmac, randomInt } from "node:crypto";
import type { Prisma } from "@/lib/db/generated/client";
import { derivedKey } from "./session-token";

/**
 * Ten one-time codes, shown once at setup. Each is 24 characters from a 31-letter alphabet without
 * look-alikes (0/o, 1/l/i): about 119 bits, so a keyed SHA-256 is enough to store them (ASVS 5.0 6.5.2
 * asks a slow salted hash only below 112 bits), and checking one costs no argon2 work.
 */
export const RECOVERY_CODE_COUNT = 10;
const CODE_LENGTH = 24;
const ALPHABET = "23456789abcdefghjkmnpqrstuvwxyz";

function normalise(code: string): string {
  return code.toLowerCase().replace(/[^0-9a-z]/g, "");
}

/** Keyed hash (see above: random enough that no slow hash is needed). */
export function hashRecoveryCode(code: string): string {
  return createHmac("sha256", derivedKey("recovery-code")).update(normalise(code)).digest("hex");
}

export function looksLikeRecoveryCode(code: string): boolean {
  return normalise(code).length === CODE_LENGTH;
}

function newCode(): string {
  let code = "";
  for (let i = 0; i < CODE_LENGTH; i++) code += ALPHABET[randomInt(ALPHABET.length)];
  return code.match(/.{4}/g)!.join("-");
}

/** Replace the user's recovery codes with new ones; returns them in clear, to be shown once. */
export async function replaceRecoveryCodes(
  tx: Pick<Prisma.TransactionClient, "recoveryCode">,
  userId: string,
): Promise<string[]> {
  const codes = Array.from({ length: RECOVERY_CODE_COUNT }, newCode);
  await tx.recoveryCode.deleteMany({ where: { userId } });
  await tx.recoveryCode.createMany({
    data: codes.map((code) => ({ userId, codeHash: hashRecoveryCode(code) })),
  });
  return codes;
}
