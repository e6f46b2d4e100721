"use client";

import { createContext, useContext, useMemo, type ReactNode } from "react";
import { commentsDescription } from "@/components/report/review-marks";
import type { ReportContent } from "@/lib/report/content";
import type { StepKey } from "@/lib/report/progress";
import { reviewTarget } from "@/lib/report/review-targets";
import { parseTarget, targetId } from "@/lib/report/targets";
import type { ReviewCommentView } from "@/lib/reports/list-review-comments";

/**
 * The reviewer's comments from the last 退回, shown in the editor where they apply: a marker on the
 * cell or text (its description read out and shown as a tooltip), a list at the top of each step, and
 * all of them beside the findings, each jumping to its place.
 */
interface Comments {
  format: ReportContent["format"];
  all: ReviewCommentView[];
  byTarget: Map<string, ReviewCommentView[]>;
}

const NONE: ReviewCommentView[] = [];
const CommentsContext = createContext<Comments | null>(null);

export function ReviewCommentsProvider({
  format,
  comments,
  children,
}: {
  format: ReportContent["format"];
  comments: ReviewCommentView[] | undefined;
  children: ReactNode;
}) {
  const value = useMemo(() => {
    const byTarget = new Map<string, ReviewCommentView[]>();
    for (const c of comments ?? []) byTarget.set(c.target, [...(byTarget.get(c.target) ?? []), c]);
    return { format, all: comments ?? [], byTarget };
  }, [format, comments]);
  return <CommentsContext.Provider value={value}>{children}</CommentsContext.Provider>;
}

/** The comments on one place (a cell id, `narrative.s1`…), and what to say about them. */
export function useTargetComments(target: string): {
  comments: ReviewCommentView[];
  description: string | undefined;
} {
  const comments = useContext(CommentsContext)?.byTarget.get(target) ?? NONE;
  return { comments, description: commentsDescription(comments) };
}

/** A corner mark on a commented cell (the text itself is in the input's description and tooltip). */
export function CommentMarker({ count }: { count: number }) {
  if (!count) return null;
  return (
    <span
      aria-hidden
      className="pointer-events-none absolute left-0 top-0 h-0 w-0 border-r-[9px] border-t-[9px] border-r-transparent border-t-violet-600"
      data-testid="review-comment-marker"
    />
  );
}

/** Where a comment is jumped to: its cell or field; for a whole section, that section's text. */
function jumpTarget(id: string): string {
  const target = parseTarget(id);
  return target?.kind === "section" ? targetId.narrative(target.section) : id;
}

function CommentItems({
  comments,
  onJump,
}: {
  comments: ReviewCommentView[];
  onJump: (target: string) => void;
}) {
  return (
    <ul className="space-y-1">
      {comments.map((c) => (
        <li key={c.id} data-comment-target={c.target}>
          <button
            type="button"
            onClick={() => onJump(jumpTarget(c.target))}
            className="w-full rounded px-1 py-0.5 text-left text-sm hover:bg-violet-100"
          >
            <span className="text-slate-600">{c.targetLabel}：</span>
            <span className="whitespace-pre-wrap">{c.body}</span>
            {c.author ? <span className="ml-1 text-xs text-slate-500">（{c.author}）</span> : null}
          </button>
        </li>
      ))}
    </ul>
  );
}

/** At the top of a step: the comments on anything in it. */
export function SectionReviewComments({
  step,
  onJump,
}: {
  step: StepKey;
  onJump: (target: string) => void;
}) {
  const ctx = useContext(CommentsContext);
  const here = (ctx?.all ?? NONE).filter(
    (c) => (reviewTarget(ctx!.format, c.target)?.step ?? "cover") === step,
  );
  if (!here.length) return null;
  return (
    <div
      role="note"
      aria-label="本部分的审核意见"
      className="rounded border border-violet-300 bg-violet-50 px-3 py-2"
    >
      <p className="mb-1 text-sm font-medium text-violet-900">
        审核员对本部分的意见（{here.length}）
      </p>
      <CommentItems comments={here} onJump={onJump} />
    </div>
  );
}

/** Beside the findings: every comment still to be answered. */
export function ReviewCommentsPanel({ onJump }: { onJump: (target: string) => void }) {
  const all = useContext(CommentsContext)?.all ?? NONE;
  if (!all.length) return null;
  return (
    <section
      aria-labelledby="review-comments-title"
      className="rounded-lg border border-violet-300 bg-white"
    >
      <h2
        id="review-comments-title"
        className="border-b border-violet-200 bg-violet-50 px-3 py-2 text-sm font-semibold text-violet-900"
      >
        退回意见 <span className="font-normal">（{all.length} 条，修改后请重新提交审核）</span>
      </h2>
      <div className="max-h-[40vh] overflow-y-auto px-2 py-2">
        <CommentItems comments={all} onJump={onJump} />
      </div>
    </section>
  );
}
