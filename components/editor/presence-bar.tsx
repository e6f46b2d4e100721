"use client";

import { useEffect, useMemo } from "react";
import type { PresenceUser } from "@/lib/realtime/report-events";
import { reviewTargets } from "@/lib/report/review-targets";
import type { FormatId } from "@/lib/report/spec-types";
import { POLL_SECONDS, type RealtimeMode, type SavedEvent } from "./use-report-events";

const MODE_NOTICE: Record<Exclude<RealtimeMode, "live">, string> = {
  polling: `实时连接已断开，每 ${POLL_SECONDS} 秒刷新`,
  offline: "已离线，恢复网络后自动刷新",
};

/** Marks a cell a colleague is in; the attribute is ours, so React's rendering leaves it alone. */
const PEER_ATTRIBUTE = "data-peer-editing";
const PEER_STYLE = `[${PEER_ATTRIBUTE}]{outline:2px dashed #d97706;outline-offset:-2px}`;

/**
 * Who else has the report open and where (“新伟街道填报员 正在编辑 三、…”), the cells they are in
 * marked on the page, and whether the page is live or polling.
 */
export function PresenceBar({
  presence,
  mode,
  colleagueSave,
  format,
}: {
  presence: PresenceUser[];
  mode: RealtimeMode;
  colleagueSave: SavedEvent | null;
  format: FormatId;
}) {
  const places = useMemo(() => {
    const byId = new Map<string, { label: string; group: string }>();
    const sections = new Map<string, string>();
    for (const t of reviewTargets(format)) {
      byId.set(t.id, t);
      if (!sections.has(t.step)) sections.set(t.step, t.group);
    }
    return { byId, sections };
  }, [format]);

  // One line per person and place: the same person in two tabs on one section is said once.
  const lines = useMemo(() => {
    const seen = new Set<string>();
    return presence.filter((u) => {
      const key = `${u.userId}|${u.section}|${u.cell}`;
      if (seen.has(key)) return false;
      seen.add(key);
      return true;
    });
  }, [presence]);

  useEffect(() => {
    const marked: HTMLElement[] = [];
    for (const user of presence) {
      if (!user.cell) continue;
      const element = document.querySelector<HTMLElement>(
        `[data-cell-id="${CSS.escape(user.cell)}"]`,
      );
      if (!element) continue;
      const names = element.getAttribute(PEER_ATTRIBUTE);
      element.setAttribute(PEER_ATTRIBUTE, names ? `${names}、${user.name}` : user.name);
      marked.push(element);
    }
    return () => {
      for (const element of marked) element.removeAttribute(PEER_ATTRIBUTE);
    };
  }, [presence]);

  const savedWhere = colleagueSave
    ? [...new Set(colleagueSave.targets.map((t) => places.byId.get(t)?.group).filter(Boolean))]
    : [];

  if (mode === "live" && lines.length === 0 && !colleagueSave) return null;
  return (
    <div
      className="space-y-1 rounded-lg border border-slate-200 bg-white px-4 py-2 text-sm"
      data-testid="presence"
    >
      <style>{PEER_STYLE}</style>
      {mode !== "live" ? (
        <p role="status" className="text-amber-800" data-testid="realtime-mode">
          {MODE_NOTICE[mode]}
        </p>
      ) : null}
      {lines.length ? (
        <ul aria-label="同时打开本报告的人" className="space-y-0.5 text-slate-700">
          {lines.map((user) => {
            const section = user.section ? places.sections.get(user.section) : null;
            const cell = user.cell ? places.byId.get(user.cell)?.label : null;
            return (
              <li key={user.clientId}>
                <span className="font-medium">{user.name}</span>
                {section ? ` 正在编辑 ${section}` : " 也打开了本报告"}
                {cell ? <span className="text-slate-500">（{cell}）</span> : null}
              </li>
            );
          })}
        </ul>
      ) : null}
      {colleagueSave ? (
        <p className="text-slate-600" data-testid="colleague-save">
          {colleagueSave.actorName} 保存了{savedWhere.length ? ` ${savedWhere.join("、")} 的` : ""}
          修改（第 {colleagueSave.version} 版）
        </p>
      ) : null}
    </div>
  );
}
