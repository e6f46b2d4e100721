"use client";

import type { SectionKey } from "@/lib/report/spec-types";
import { targetId } from "@/lib/report/targets";
import { useFigureNotice, useNarrativeFixes, type FigureBindings } from "./figure-bindings";
import { NarrativeFixButton } from "./narrative-fix-button";

/**
 * Under a section's text: what happened to its bound figures (updated from the tables, or let go after a
 * hand edit), and each number X5 found at odds with the table, with 改为表中数字.
 */
export function NarrativeFigures({
  section,
  figures,
}: {
  section: SectionKey;
  figures: FigureBindings;
}) {
  const notice = useFigureNotice(figures, section);
  return (
    <>
      {notice ? (
        <p
          role="status"
          data-testid={`figure-notice-${section}`}
          className="mt-1 flex items-start justify-between gap-2 rounded border border-sky-200 bg-sky-50 px-2 py-1 text-sm text-sky-900"
        >
          <span>{notice}</span>
          <button
            type="button"
            onClick={() => figures.dismiss(section)}
            aria-label="关闭此提示"
            className="text-sky-700 hover:underline"
          >
            知道了
          </button>
        </p>
      ) : null}
      <NarrativeFixList target={targetId.narrative(section)} figures={figures} />
    </>
  );
}

/** The numbers of one text (`narrative.s1`, `preface`) that X5 found at odds with the table, each with its fix. */
export function NarrativeFixList({ target, figures }: { target: string; figures: FigureBindings }) {
  const fixes = useNarrativeFixes(figures.store, target);
  if (!fixes.length) return null;
  return (
    <ul aria-label="文字与表格不一致的数字" className="mt-1 space-y-1 text-sm">
      {fixes.map((fix) => (
        <li
          key={`${fix.at}-${fix.message}`}
          className="flex items-start justify-between gap-2 rounded border border-amber-200 bg-amber-50 px-2 py-1 text-amber-900"
        >
          <span>{fix.message}</span>
          <NarrativeFixButton fix={fix} figures={figures} />
        </li>
      ))}
    </ul>
  );
}
