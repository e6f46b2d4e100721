"use client";

import { useCallback, useEffect, useRef, useState } from "react";
import type { ReportContent } from "@/lib/report/content";

export type SaveStatus = "saved" | "pending" | "saving" | "offline" | "conflict" | "error";

export const SAVE_STATUS_LABEL: Record<SaveStatus, string> = {
  saved: "已保存",
  pending: "有未保存的修改",
  saving: "保存中",
  offline: "离线，已在本机暂存",
  conflict: "与他人的修改冲突",
  error: "保存失败",
};

export interface ServerReport {
  version: number;
  content: ReportContent;
  updatedBy: string | null;
  updatedAt: string;
}

/** Edits not yet acknowledged by the server, kept in the browser so that a reload or an outage loses nothing. */
export interface UnsentEdits {
  baseVersion: number;
  content: ReportContent;
  at: number;
}

const storageKey = (reportId: string) => `nianbao:unsent:${reportId}`;
const SAVE_DELAY_MS = 1000;
const RETRY_MS = [1000, 2000, 4000, 8000, 15000];

export function readUnsent(reportId: string): UnsentEdits | null {
  try {
    const raw = window.localStorage.getItem(storageKey(reportId));
    return raw ? (JSON.parse(raw) as UnsentEdits) : null;
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

/**
 * Autosave about a second after typing stops, at once on leaving a field or the page, against the
 * version the editor started from. Failures keep the edits in localStorage and retry; a 409 hands
 * both sides to `onConflict`.
 */
export function useAutosave(options: {
  reportId: string;
  version: number;
  onSaved: () => void;
  onConflict: (server: ServerReport, mine: ReportContent) => void;
}) {
  const { reportId } = options;
  const version = useRef(options.version);
  const unsent = useRef<ReportContent | null>(null);
  const inFlight = useRef<Promise<void> | null>(null);
  const timer = useRef<ReturnType<typeof setTimeout> | null>(null);
  const attempt = useRef(0);
  const blocked = useRef(false); // while a conflict is open, nothing is sent
  const callbacks = useRef(options);
  useEffect(() => {
    callbacks.current = options;
  });
  const [status, setStatus] = useState<SaveStatus>("saved");
  const [message, setMessage] = useState<string | null>(null);
  // The retry timer calls the current send, which a closure inside send itself cannot name.
  const retrySend = useRef<() => Promise<void>>(async () => {});

  const send = useCallback(
    async (keepalive = false): Promise<void> => {
      if (timer.current) clearTimeout(timer.current);
      timer.current = null;
      if (inFlight.current) {
        // Wait for the save under way; whatever was typed meanwhile is sent after it, by whoever wakes first.
        while (inFlight.current) await inFlight.current;
        if (!unsent.current) return;
      }
      const sent = unsent.current;
      if (!sent || blocked.current) return;
      setStatus("saving");
      inFlight.current = (async () => {
        let retry = false;
        try {
          const response = await fetch(`/api/reports/${reportId}/content`, {
            method: "PUT",
            headers: { "content-type": "application/json" },
            body: JSON.stringify({ version: version.current, content: sent }),
            keepalive,
          });
          const body = await response.json().catch(() => ({}));
          if (response.ok) {
            attempt.current = 0;
            version.current = body.version;
            if (unsent.current === sent) {
              unsent.current = null;
              writeUnsent(reportId, null);
              setStatus("saved");
            } else if (unsent.current) {
              writeUnsent(reportId, {
                baseVersion: version.current,
                content: unsent.current,
                at: Date.now(),
              });
              setStatus("pending");
            }
            setMessage(null);
            callbacks.current.onSaved();
          } else if (response.status === 409 && body.current) {
            blocked.current = true;
            setStatus("conflict");
            callbacks.current.onConflict(body.current as ServerReport, unsent.current ?? sent);
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
        }
      })();
      return inFlight.current;
    },
    [reportId],
  );
  useEffect(() => {
    retrySend.current = send;
  }, [send]);

  // Keeping the edits in localStorage serialises the whole report: done once per burst of keystrokes,
  // right after the frame that shows the keystroke, and synchronously when the page is hidden or left.
  const keepScheduled = useRef(false);
  const keepLocally = useCallback(() => {
    keepScheduled.current = false;
    if (unsent.current)
      writeUnsent(reportId, {
        baseVersion: version.current,
        content: unsent.current,
        at: Date.now(),
      });
  }, [reportId]);

  /** Record a change: kept locally straight after this frame, sent after a pause in typing. */
  const changed = useCallback(
    (content: ReportContent) => {
      unsent.current = content;
      if (!keepScheduled.current) {
        keepScheduled.current = true;
        setTimeout(keepLocally, 0);
      }
      setStatus((s) => (s === "offline" || s === "conflict" || s === "error" ? s : "pending"));
      if (blocked.current) return;
      if (timer.current) clearTimeout(timer.current);
      timer.current = setTimeout(() => void send(), attempt.current ? RETRY_MS[0] : SAVE_DELAY_MS);
    },
    [send, keepLocally],
  );

  /** After a conflict is resolved: continue from the server's version with the merged content. */
  const resolved = useCallback(
    (serverVersion: number, merged: ReportContent) => {
      blocked.current = false;
      version.current = serverVersion;
      unsent.current = merged;
      writeUnsent(reportId, { baseVersion: serverVersion, content: merged, at: Date.now() });
      void send();
    },
    [reportId, send],
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

  /** The server already holds exactly these edits (e.g. sent by the page before a reload): nothing to send. */
  const adopt = useCallback(
    (serverVersion: number) => {
      blocked.current = false;
      version.current = serverVersion;
      unsent.current = null;
      writeUnsent(reportId, null);
      setStatus("saved");
    },
    [reportId],
  );

  return {
    status,
    adopt,
    message,
    changed,
    flush: () => send(),
    resolved,
    version: () => version.current,
    hasUnsent: () => unsent.current !== null,
  };
}
