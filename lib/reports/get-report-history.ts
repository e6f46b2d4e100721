import type { AuthContext } from "@/lib/auth/context";
import { db } from "@/lib/db/client";
import type { ReportStatus } from "@/lib/db/generated/enums";
import { getFormat, isFormatId } from "@/lib/report/formats";
import type { FormatId } from "@/lib/report/spec-types";
import { reviewTarget } from "@/lib/report/review-targets";
import { getReportOrThrow } from "./get-report-or-throw";

export interface TransitionView {
  id: string;
  at: Date;
  actor: string | null;
  from: ReportStatus;
  to: ReportStatus;
  comment: string | null;
  /** The cell and section comments sent with it (退回) or kept with it (通过). */
  comments: { targetLabel: string; body: string; author: string | null }[];
}

export interface SnapshotView {
  number: number;
  status: ReportStatus;
  at: Date;
  by: string | null;
}

export interface EditView {
  at: Date;
  actor: string | null;
  /** The parts that changed, in words (开头（前言）, 二、主动公开政府信息情况（表格）…). */
  parts: string[];
}

/** A ReportEdit target (`meta`, `tables.20.1`, `narratives.s1`, `*`) as a person reads it. */
export function editTargetLabel(formatId: FormatId, target: string): string {
  const format = getFormat(formatId);
  const section = (predicate: (s: (typeof format.sections)[number]) => boolean) =>
    format.sections.find(predicate);
  if (target === "*") return "新建报告（全部内容）";
  if (target === "meta") return "封面、联系方式与落款";
  if (target === "preface") return "开头（前言）";
  if (target === "fees") return "六、收费情况";
  if (target === "format") return "格式";
  if (target.startsWith("narratives.")) {
    const s = section((x) => x.key === target.slice("narratives.".length));
    return s ? `${s.ordinal}、${s.title}（文字）` : target;
  }
  if (target.startsWith("tables.")) {
    const id = target.slice("tables.".length);
    const s = section((x) => x.tables.some((t) => t.id === id));
    return s ? `${s.ordinal}、${s.title}（表格）` : target;
  }
  return target;
}

/** Every transition, snapshot and content save of a report the caller may see, oldest first. */
export async function getReportHistory(ctx: AuthContext, reportId: string) {
  const report = await getReportOrThrow(ctx, reportId);
  const [transitions, snapshots, edits] = await Promise.all([
    db().reportTransition.findMany({
      where: { reportId: report.id },
      orderBy: { createdAt: "asc" },
      include: {
        actor: { select: { displayName: true } },
        comments: {
          orderBy: { createdAt: "asc" },
          include: { author: { select: { displayName: true } } },
        },
      },
    }),
    db().reportSnapshot.findMany({
      where: { reportId: report.id },
      orderBy: { number: "asc" },
      select: {
        number: true,
        status: true,
        createdAt: true,
        createdBy: { select: { displayName: true } },
      },
    }),
    db().reportEdit.findMany({
      where: { reportId: report.id },
      orderBy: { createdAt: "asc" },
      select: {
        createdAt: true,
        targets: true,
        actor: { select: { displayName: true, account: true } },
      },
    }),
  ]);
  const label = (target: string) =>
    (isFormatId(report.formatVersion) && reviewTarget(report.formatVersion, target)?.label) ||
    target;
  return {
    report,
    transitions: transitions.map((t): TransitionView => ({
      id: t.id,
      at: t.createdAt,
      actor: t.actor?.displayName ?? null,
      from: t.fromStatus,
      to: t.toStatus,
      comment: t.comment,
      comments: t.comments.map((c) => ({
        targetLabel: label(c.target),
        body: c.body,
        author: c.author?.displayName ?? null,
      })),
    })),
    snapshots: snapshots.map((s): SnapshotView => ({
      number: s.number,
      status: s.status,
      at: s.createdAt,
      by: s.createdBy?.displayName ?? null,
    })),
    edits: edits.map((e): EditView => ({
      at: e.createdAt,
      actor: e.actor ? `${e.actor.displayName}（${e.actor.account}）` : null,
      // Several tables of one section are one part to a reader.
      parts: [
        ...new Set(
          e.targets.map((t) =>
            isFormatId(report.formatVersion) ? editTargetLabel(report.formatVersion, t) : t,
          ),
        ),
      ],
    })),
  };
}
