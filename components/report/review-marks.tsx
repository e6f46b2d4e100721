import type { ReviewCommentView } from "@/lib/reports/list-review-comments";

/** Review comments grouped by what they are attached to (a cell id, `narrative.s1`, `s3`, `preface`…). */
export type CommentsByTarget = Map<string, ReviewCommentView[]>;

export function groupComments(
  comments: readonly ReviewCommentView[] | undefined,
): CommentsByTarget {
  const map: CommentsByTarget = new Map();
  for (const c of comments ?? []) map.set(c.target, [...(map.get(c.target) ?? []), c]);
  return map;
}

/** What a screen reader says about a commented place (and a tooltip shows). */
export function commentsDescription(
  comments: readonly ReviewCommentView[] | undefined,
): string | undefined {
  if (!comments?.length) return undefined;
  return comments.map((c) => `审核意见：${c.body}`).join("；");
}

export const COMMENT_STATE_LABEL: Record<ReviewCommentView["state"], string> = {
  pending: "未发送",
  open: "待修改",
};

/** A list of comments, each with where it applies. */
export function CommentList({
  comments,
  label,
  showTarget = true,
}: {
  comments: readonly ReviewCommentView[];
  label: string;
  showTarget?: boolean;
}) {
  if (!comments.length) return null;
  return (
    <ul
      aria-label={label}
      className="space-y-1 rounded border border-violet-200 bg-violet-50 px-3 py-2 text-sm"
    >
      {comments.map((c) => (
        <li key={c.id} data-comment-target={c.target}>
          <span className="mr-1 rounded bg-violet-200 px-1 text-xs text-violet-900">审核意见</span>
          {showTarget ? <span className="text-slate-600">{c.targetLabel}：</span> : null}
          <span className="whitespace-pre-wrap">{c.body}</span>
          {c.author ? (
            <span className="ml-1 text-xs text-slate-500">
              （{c.author}
              {c.state === "pending" ? "，未发送" : ""}）
            </span>
          ) : null}
        </li>
      ))}
    </ul>
  );
}
