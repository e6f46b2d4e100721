"use client";

import { useCallback, useEffect, useRef, useState } from "react";
import type { ReportContent } from "@/lib/report/content";
import { diffToPatch, type PatchChange, type PatchValue } from "@/lib/report/patch";
import type { RemoteChange } from "./editor-store";

export type SaveStatus = "saved" | "pending" | "saving" | "offline" | "conflict" | "error";

export const SAVE_STATUS_LABEL: Record<SaveStatus, string> = {
  saved: "已保存",
  pending: "有未保存的修改",
  saving: "保存中",
  offline: "离线，已在本机暂存",
  conflict: "与他人的修改冲突",
  error: "保存失败",
};

/** A cell or field a colleague changed since this page's version, to which this page sent another value. */
export interface CellConflict {
  target: string;
  mine: PatchValue;
  theirs: PatchValue;
  actorName: string;
  at: string;
}

/** One queued change: the value, and the older version it was typed against when that is not the page's. */
interface Queued {
  value: PatchValue;
  baseVersion?: number;
}

/**
 * Edits not yet acknowledged by the server, kept in the browser so that a reload or an outage loses
 * nothing: a queue of patches (the last value of each target), replayed against `baseVersion` with the
 * same merge rules as any save.
 */
export interface UnsentEdits {
  baseVersion: number;
  changes: (PatchChange & { baseVersion?: number })[];
  at: number;
}

const storageKey = (reportId: string) => `nianbao:unsent:${reportId}`;
const SAVE_DELAY_MS = 1000;
const RETRY_MS = [1000, 2000, 4000, 8000, 15000];

/**
 * The queue this browser kept for the report. An entry of the older kind (the whole report) becomes
 * the changes from `loaded`, which is exact when nobody saved since its version and otherwise meets
 * the colleagues' changes as conflicts rather than undoing them.
 */
export function readUnsent(reportId: string, loaded: ReportContent): UnsentEdits | null {
  try {
    const raw = window.localStorage.getItem(storageKey(reportId));
    if (!raw) return null;
    const kept = JSON.parse(raw) as Partial<UnsentEdits> & { content?: ReportContent };
    if (typeof kept.baseVersion !== "number") return null;
    if (Array.isArray(kept.changes)) return kept as UnsentEdits;
    if (kept.content?.format === loaded.format)
      return {
        baseVersion: kept.baseVersion,
        changes: diffToPatch(loaded, kept.content),
        at: kept.at ?? 0,
      };
    return null;
  } catch {
    return null;
  }
}

function writeUnsent(reportId: string, edits: UnsentEdits | null) {
  try {
    if (edits) window.localStorage.setItem(storageKey(reportId), JSON.stringify(edits));
    else window.localStorage.removeItem(storageKey(reportId));
  } catch {
    // storage full or disabled: the server copy is all there is
  }
}

interface PatchAnswer {
  version: number;
  applied: string[];
  changes: RemoteChange[];
  conflicts: CellConflict[];
}

/**
 * Autosave about a second after typing stops, at once on leaving a field or the page. What is sent
 * is what changed — each target with its value — against the version the page holds; the answer
 * brings colleagues' changes (handed to `onRemote`) and the targets they changed too (`onConflict`).
 * Failures keep the queue in localStorage and retry.
 */
export function useAutosave(options: {
  reportId: string;
  version: number;
  initial: ReportContent;
  /** Colleagues' changes written after version `since`, the report being at `version` now. */
  onRemote: (changes: RemoteChange[], version: number, since: number) => void;
  onConflict: (conflicts: CellConflict[]) => void;
}) {
  const { reportId } = options;
  const version = useRef(options.version);
  /** The content as this page last described it: each change is the difference from it. */
  const known = useRef<ReportContent>(options.initial);
  const queue = useRef(new Map<string, Queued>());
  /** Targets the person was in when a colleague's change to them arrived: the base their next value has. */
  const held = useRef(new Map<string, number>());
  const inFlight = useRef<Promise<void> | null>(null);
  const timer = useRef<ReturnType<typeof setTimeout> | null>(null);
  const attempt = useRef(0);
  // While the person settles a conflict the other edits keep being saved; the status says it is open.
  const conflictOpen = useRef(false);
  const callbacks = useRef(options);
  useEffect(() => {
    callbacks.current = options;
  });
  const [status, setStatus] = useState<SaveStatus>("saved");
  const [message, setMessage] = useState<string | null>(null);
  // The retry timer calls the current send, which a closure inside send itself cannot name.
  const retrySend = useRef<() => Promise<void>>(async () => {});

  const snapshot = useCallback(
    (): UnsentEdits => ({
      baseVersion: version.current,
      changes: [...queue.current].map(([target, q]) =>
        q.baseVersion === undefined
          ? { target, value: q.value }
          : { target, value: q.value, baseVersion: q.baseVersion },
      ),
      at: Date.now(),
    }),
    [],
  );
  const keepLocally = useCallback(() => {
    writeUnsent(reportId, queue.current.size ? snapshot() : null);
  }, [reportId, snapshot]);

  const send = useCallback(
    async (keepalive = false): Promise<void> => {
      if (timer.current) clearTimeout(timer.current);
      timer.current = null;
      if (inFlight.current) {
        // Wait for the save under way; whatever was typed meanwhile is sent after it, by whoever wakes first.
        while (inFlight.current) await inFlight.current;
        if (!queue.current.size) return;
      }
      if (!queue.current.size) return;
      const sent = snapshot();
      setStatus("saving");
      inFlight.current = (async () => {
        let retry = false;
        try {
          const response = await fetch(`/api/reports/${reportId}/content`, {
            method: "PUT",
            headers: { "content-type": "application/json" },
            body: JSON.stringify({ baseVersion: sent.baseVersion, changes: sent.changes }),
            keepalive,
          });
          const body = (await response.json().catch(() => ({}))) as Partial<PatchAnswer> & {
            error?: string;
          };
          if (response.ok && typeof body.version === "number") {
            attempt.current = 0;
            version.current = Math.max(version.current, body.version);
            // Acknowledged: drop what was sent unless it was typed over meanwhile.
            for (const change of sent.changes)
              if (queue.current.get(change.target)?.value === change.value)
                queue.current.delete(change.target);
            const conflicts = body.conflicts ?? [];
            for (const c of conflicts) queue.current.delete(c.target);
            keepLocally();
            setMessage(null);
            // A conflicted target keeps the person's value until they choose.
            const conflicted = new Set(conflicts.map((c) => c.target));
            const remote = (body.changes ?? []).filter((c) => !conflicted.has(c.target));
            if (remote.length) callbacks.current.onRemote(remote, body.version, sent.baseVersion);
            if (conflicts.length) {
              conflictOpen.current = true;
              callbacks.current.onConflict(conflicts);
            }
            setStatus(conflictOpen.current ? "conflict" : queue.current.size ? "pending" : "saved");
          } else if (response.status >= 500 || response.status === 408 || response.status === 429) {
            retry = true;
            setStatus("offline");
          } else {
            // 400/401/403/404/409/413: sending again would not help; the edits stay in this browser.
            setStatus("error");
            setMessage(
              response.status === 401
                ? "登录已过期，请在新窗口重新登录后回到此页；修改已在本机暂存。"
                : (body.error ?? `保存失败（${response.status}）`),
            );
          }
        } catch {
          retry = true;
          setStatus("offline");
        } finally {
          inFlight.current = null;
        }
        if (retry) {
          const delay = RETRY_MS[Math.min(attempt.current, RETRY_MS.length - 1)];
          attempt.current += 1;
          timer.current = setTimeout(() => void retrySend.current(), delay);
        } else if (queue.current.size && !timer.current) {
          // Typed while the save was under way: send it after the usual pause.
          timer.current = setTimeout(() => void retrySend.current(), SAVE_DELAY_MS);
        }
      })();
      return inFlight.current;
    },
    [reportId, snapshot, keepLocally],
  );
  useEffect(() => {
    retrySend.current = send;
  }, [send]);

  const schedule = useCallback(() => {
    setStatus((s) => (s === "offline" || s === "conflict" || s === "error" ? s : "pending"));
    if (timer.current) clearTimeout(timer.current);
    timer.current = setTimeout(() => void send(), attempt.current ? RETRY_MS[0] : SAVE_DELAY_MS);
  }, [send]);

  // Keeping the queue in localStorage is done once per burst of keystrokes, right after the frame
  // that shows the keystroke, and synchronously when the page is hidden or left.
  const keepScheduled = useRef(false);
  const enqueue = useCallback(
    (changes: readonly (PatchChange & { baseVersion?: number })[]) => {
      if (!changes.length) return;
      for (const c of changes) {
        const base =
          c.baseVersion ?? queue.current.get(c.target)?.baseVersion ?? held.current.get(c.target);
        held.current.delete(c.target);
        queue.current.set(
          c.target,
          base === undefined ? { value: c.value } : { value: c.value, baseVersion: base },
        );
      }
      if (!keepScheduled.current) {
        keepScheduled.current = true;
        setTimeout(() => {
          keepScheduled.current = false;
          keepLocally();
        }, 0);
      }
      schedule();
    },
    [keepLocally, schedule],
  );

  /** Record what the form now describes: the targets that differ from before join the queue. */
  const changed = useCallback(
    (content: ReportContent) => {
      const changes = diffToPatch(known.current, content);
      known.current = content;
      enqueue(changes);
    },
    [enqueue],
  );

  /**
   * The page now shows colleagues' changes up to `serverVersion` (not typed here, so not queued).
   * A target the person was in keeps their value, typed against the version before those changes:
   * sending it later meets the colleague's change as a conflict instead of overwriting it unseen.
   */
  const absorb = useCallback(
    (content: ReportContent, serverVersion: number, kept: readonly string[], since: number) => {
      const before = since;
      known.current = content;
      for (const target of kept) {
        const queued = queue.current.get(target);
        if (queued) queued.baseVersion = Math.min(queued.baseVersion ?? before, before);
        else held.current.set(target, Math.min(held.current.get(target) ?? before, before));
      }
      version.current = Math.max(version.current, serverVersion);
    },
    [],
  );

  /** After the conflict is settled: the values the person kept go out again, from the current version. */
  const resolved = useCallback(
    (keep: PatchChange[], content: ReportContent) => {
      conflictOpen.current = false;
      known.current = content;
      for (const c of keep) queue.current.set(c.target, { value: c.value });
      for (const c of keep) held.current.delete(c.target);
      keepLocally();
      if (queue.current.size) void send();
      else setStatus("saved");
    },
    [keepLocally, send],
  );

  /**
   * Edits kept in this browser from before a reload or an outage, queued again with their old base;
   * `content` is the page with them written in (they are not changes from it).
   */
  const replay = useCallback(
    (unsent: UnsentEdits, content: ReportContent) => {
      known.current = content;
      for (const c of unsent.changes)
        queue.current.set(c.target, {
          value: c.value,
          baseVersion: Math.min(c.baseVersion ?? unsent.baseVersion, version.current),
        });
      keepLocally();
      schedule();
    },
    [keepLocally, schedule],
  );

  useEffect(() => {
    const flush = () => {
      keepLocally();
      void send(true);
    };
    const onHidden = () => document.visibilityState === "hidden" && flush();
    window.addEventListener("pagehide", flush);
    window.addEventListener("online", flush);
    document.addEventListener("visibilitychange", onHidden);
    return () => {
      window.removeEventListener("pagehide", flush);
      window.removeEventListener("online", flush);
      document.removeEventListener("visibilitychange", onHidden);
    };
  }, [send, keepLocally]);

  return {
    status,
    message,
    changed,
    absorb,
    resolved,
    replay,
    /** The colleague's value of a held target is now shown: the person's next value is based on it. */
    forget: (target: string) => held.current.delete(target),
    flush: () => send(),
    version: () => version.current,
    hasUnsent: () => queue.current.size > 0,
    /** The targets with a value of this page's not yet acknowledged. */
    unsentTargets: () => new Set(queue.current.keys()),
  };
}
