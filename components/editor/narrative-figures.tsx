"use client";

import type { SectionKey } from "@/lib/report/spec-types";
import { targetId } from "@/lib/report/targets";
import { useFigureNotice, useNarrativeFixes, type FigureBindings } from "./figure-bindings";

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
  const fixes = useNarrativeFixes(figures.store, targetId.narrative(section));
  if (!notice && !fixes.length) return null;
  return (
    <div className="mt-1 space-y-1 text-sm">
      {notice ? (
        <p
          role="status"
          data-testid={`figure-notice-${section}`}
          className="flex items-start justify-between gap-2 rounded border border-sky-200 bg-sky-50 px-2 py-1 text-sky-900"
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
      {fixes.length ? (
        <ul aria-label="文字与表格不一致的数字" className="space-y-1">
          {fixes.map((fix) => (
            <li
              key={`${fix.at}-${fix.message}`}
              className="flex items-start justify-between gap-2 rounded border border-amber-200 bg-amber-50 px-2 py-1 text-amber-900"
            >
              <span>{fix.message}</span>
              <button
                type="button"
                onClick={() => figures.fix(fix)}
                aria-label={`改为表中数字${fix.replacement}`}
                className="shrink-0 rounded border border-amber-300 bg-white px-2 py-0.5 text-amber-900 hover:bg-amber-100"
              >
                改为表中数字
              </button>
            </li>
          ))}
        </ul>
      ) : null}
    </div>
  );
}
