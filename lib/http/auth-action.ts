import type { z } from "zod";
import { requireAuthContext, type AuthContext } from "@/lib/auth/context";
import { requestIp } from "./request-ip";
import { refusalOf } from "./refusal";

export type ActionRefusal = { ok: false; error: string; status: number };
export type ActionResult<T> = { ok: true; data: T } | ActionRefusal;

/** What a server action tells its form when it refuses: the same mapper as the route handlers. */
export function actionRefusal(error: unknown): ActionRefusal {
  const { error: message, status } = refusalOf(error, "form");
  return { ok: false, error: message, status };
}

/**
 * A server action's edge, as `route()` is a route handler's: the caller's authorised context first
 * (401 for a signed-out caller), then the input parsed with zod, then the use case; whatever is thrown
 * becomes `{ ok: false, error, status }` through the one mapper. Server actions are public POST
 * endpoints — Next checks their origin; this checks who calls and what they send.
 */
export function authAction<S extends z.ZodType, T>(
  schema: S,
  fn: (input: z.output<S>, call: { ctx: AuthContext; ip: string | null }) => Promise<T>,
): (input: z.input<S>) => Promise<ActionResult<T>> {
  return async (input) => {
    try {
      const ctx = await requireAuthContext();
      const parsed = schema.parse(input);
      return { ok: true, data: await fn(parsed, { ctx, ip: await requestIp() }) };
    } catch (error) {
      return actionRefusal(error);
    }
  };
}
