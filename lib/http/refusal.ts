import { ZodError } from "zod";
import { AppError, ServiceUnavailableError, TooManyRequestsError } from "@/lib/errors";
import "@/lib/validation/zod-chinese";

/** What the caller is told when a request is refused: a Chinese message, the status, what the case needs. */
export interface Refusal {
  status: number;
  error: string;
  /** Fields beside the message (the report as it is now on a conflict, the findings of a refused submission). */
  details?: Record<string, unknown>;
  headers?: Record<string, string>;
}

/**
 * The one mapping from what a use case (or the edge itself) throws to what the caller is told, for route
 * handlers and server actions alike. An error says its status itself; anything unexpected is logged and
 * reveals nothing. `surface` only changes how a wrong shape is worded: an API names the field's path,
 * a form shows the message beside the field it belongs to.
 */
export function refusalOf(error: unknown, surface: "api" | "form" = "api"): Refusal {
  if (error instanceof AppError) {
    const retryAfter =
      error instanceof TooManyRequestsError || error instanceof ServiceUnavailableError
        ? error.retryAfterSeconds
        : null;
    return {
      status: error.status,
      error: error.message,
      details: error.details,
      headers: retryAfter === null ? undefined : { "retry-after": String(retryAfter) },
    };
  }
  if (error instanceof ZodError) {
    const issue = specificIssue(error.issues[0]);
    if (surface === "form") return { status: 400, error: issue?.message ?? "输入无效。" };
    const where = issue?.path.length ? `（${issue.path.join(".")}）` : "";
    return { status: 400, error: `请求内容无效${where}：${issue?.message ?? "格式不正确。"}` };
  }
  console.error(error);
  return { status: 500, error: "服务器出错，请稍后重试。" };
}

type Issue = ZodError["issues"][number];

/**
 * A body matching none of a union's shapes is told what is wrong with the shape it came closest to
 * (fewest problems, then the deepest one), with its field, instead of zod's bare "invalid input".
 */
function specificIssue(issue: Issue | undefined): Issue | undefined {
  let current = issue;
  while (current?.code === "invalid_union" && current.errors.some((branch) => branch.length)) {
    const [best] = current.errors
      .filter((branch) => branch.length)
      .sort(
        (a, b) =>
          a.length - b.length ||
          Math.max(...b.map((i) => i.path.length)) - Math.max(...a.map((i) => i.path.length)),
      );
    const deepest = [...best].sort((a, b) => b.path.length - a.path.length)[0];
    current = { ...deepest, path: [...current.path, ...deepest.path] } as Issue;
  }
  return current;
}
