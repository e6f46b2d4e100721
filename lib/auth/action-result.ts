import { ZodError } from "zod";
import { ConflictError, HasErrorsError, InvalidStateError } from "@/lib/reports/errors";
import { AlreadyExistsError, ForbiddenError, InputError, NotFoundError, TooManyAttemptsError, UnauthenticatedError } from "./errors";

export type ActionResult<T> = { ok: true; data: T } | { ok: false; error: string; status: number };

/** Turns what a use case throws into a message the user can act on; unexpected errors reveal nothing. */
export function actionError(error: unknown): { ok: false; error: string; status: number } {
  if (error instanceof ZodError) return { ok: false, error: error.issues[0]?.message ?? "输入无效。", status: 400 };
  if (error instanceof InputError) return { ok: false, error: error.message, status: 400 };
  if (error instanceof UnauthenticatedError) return { ok: false, error: error.message, status: 401 };
  if (error instanceof NotFoundError) return { ok: false, error: error.message, status: 404 };
  if (error instanceof ForbiddenError) return { ok: false, error: error.message, status: 403 };
  if (error instanceof AlreadyExistsError) return { ok: false, error: error.message, status: 409 };
  if (error instanceof ConflictError || error instanceof InvalidStateError) return { ok: false, error: error.message, status: 409 };
  if (error instanceof HasErrorsError) return { ok: false, error: error.message, status: 422 };
  if (error instanceof TooManyAttemptsError) return { ok: false, error: error.message, status: 429 };
  if (error instanceof Error && (error.name === "DraftExistsError" || error.name === "InvalidStateError")) {
    return { ok: false, error: error.message, status: 409 };
  }
  console.error(error);
  return { ok: false, error: "服务器出错，请稍后重试。", status: 500 };
}
