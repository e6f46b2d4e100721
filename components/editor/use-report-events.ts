"use client";

import { useEffect, useRef, useState } from "react";
import type { PresenceUser, ReportEvent } from "@/lib/realtime/report-events";

export type SavedEvent = Extract<ReportEvent, { kind: "saved" }>;
export type RealtimeMode = "live" | "polling" | "offline";

/** While the stream is down the page asks this often. */
export const POLL_SECONDS = 5;
/** An open editor tells the others it is still here this often (they forget it after 30 s). */
const HEARTBEAT_MS = 10_000;
/** Focus moving through cells is sent at most this often (the last position always goes). */
const PRESENCE_THROTTLE_MS = 1_000;
/** Waits before trying the stream again after it failed, growing while it keeps failing. */
const RECONNECT_MS = [1_000, 2_000, 5_000, 10_000, 30_000];

export interface ReportEventsOptions {
  /** The editor's step (`cover`, `s1` … `s6`) and the cell or field it is in. */
  section: string | null;
  cell: string | null;
  /**
   * A colleague's save (or a newer version found on reconnecting or polling, with no targets).
   * Mine come here too: compare `actorId` and `version` with your own.
   */
  onSaved: (event: SavedEvent) => void;
  /** The version the page was loaded with: a newer one seen on connecting is reported as a save. */
  since?: number;
}

export interface ReportEvents {
  /** The other tabs with this report open (not this one). */
  presence: PresenceUser[];
  mode: RealtimeMode;
  /** A colleague's latest save heard on this page (not this user's own). */
  colleagueSave: SavedEvent | null;
}

interface Pulse {
  version: number;
  actorId: string | null;
  actorName: string;
  you: string;
  live: boolean;
  users: PresenceUser[];
}

function newClientId(): string {
  const bytes = new Uint8Array(12);
  crypto.getRandomValues(bytes);
  return Array.from(bytes, (b) => b.toString(16).padStart(2, "0")).join("");
}

/**
 * The report's live events: colleagues' saves and who is where, over Server-Sent Events. When the
 * stream cannot be had (a proxy that cuts it, the server's listener down) the page polls the same
 * facts every few seconds and keeps trying the stream, going back to live as soon as it opens.
 */
export function useReportEvents(reportId: string, options: ReportEventsOptions): ReportEvents {
  const [clientId] = useState(newClientId);
  const [mode, setMode] = useState<RealtimeMode>("live");
  const [users, setUsers] = useState<PresenceUser[]>([]);
  const [colleagueSave, setColleagueSave] = useState<SavedEvent | null>(null);
  const me = useRef<string | null>(null);
  const latest = useRef(options);
  useEffect(() => {
    latest.current = options;
  });
  const seen = useRef<number | null>(options.since ?? null);
  const where = useRef({ section: options.section, cell: options.cell });
  const sendPresence = useRef<() => Promise<Pulse | null>>(async () => null);

  /** A version newer than any seen so far is news, however it was learned. */
  const noteVersion = (version: number, actorId: string | null, actorName: string) => {
    const before = seen.current;
    if (before === null || version > before) seen.current = version;
    if (before !== null && version > before)
      heard({ kind: "saved", reportId, version, actorId: actorId ?? "", actorName, targets: [] });
  };
  const heard = (event: SavedEvent) => {
    if (event.actorId && event.actorId !== me.current) setColleagueSave(event);
    latest.current.onSaved(event);
  };

  useEffect(() => {
    let stopped = false;
    let source: EventSource | null = null;
    let reconnect: ReturnType<typeof setTimeout> | null = null;
    let poll: ReturnType<typeof setInterval> | null = null;
    let heartbeat: ReturnType<typeof setInterval> | null = null;
    let failures = 0;

    const post = async (): Promise<Pulse | null> => {
      try {
        const response = await fetch(`/api/reports/${reportId}/presence`, {
          method: "POST",
          headers: { "content-type": "application/json" },
          body: JSON.stringify({ clientId, ...where.current }),
        });
        if (!response.ok) return null;
        return (await response.json()) as Pulse;
      } catch {
        return null;
      }
    };
    sendPresence.current = post;

    const pollOnce = async () => {
      const pulse = await post();
      if (stopped) return;
      if (!pulse) {
        if (poll) setMode(navigator.onLine === false ? "offline" : "polling");
        return;
      }
      me.current = pulse.you;
      if (poll) {
        setMode("polling");
        setUsers(pulse.users);
      }
      noteVersion(pulse.version, pulse.actorId, pulse.actorName);
    };

    const startPolling = () => {
      if (poll) return;
      poll = setInterval(() => void pollOnce(), POLL_SECONDS * 1000);
      void pollOnce();
    };
    const stopPolling = () => {
      if (poll) clearInterval(poll);
      poll = null;
    };

    const open = () => {
      if (stopped) return;
      const stream = new EventSource(`/api/reports/${reportId}/events?client=${clientId}`);
      source = stream;
      let opened = false;
      stream.addEventListener("ready", (message) => {
        opened = true;
        failures = 0;
        stopPolling();
        setMode("live");
        const { version, userId } = JSON.parse((message as MessageEvent<string>).data) as {
          version: number;
          userId: string;
        };
        me.current = userId;
        noteVersion(version, null, "");
        void post();
      });
      stream.onmessage = (message) => {
        const event = JSON.parse(message.data) as ReportEvent;
        if (event.kind === "presence") setUsers(event.users);
        else if (event.kind === "saved") {
          if (seen.current === null || event.version > seen.current) seen.current = event.version;
          heard(event);
        }
      };
      stream.onerror = () => {
        stream.close();
        if (source === stream) source = null;
        if (stopped) return;
        // A stream that was live and ended (the server rotates them, an instance restarted) is
        // tried again at once; one that could not open means polling until it can.
        if (opened) {
          open();
          return;
        }
        startPolling();
        const wait = RECONNECT_MS[Math.min(failures, RECONNECT_MS.length - 1)];
        failures += 1;
        reconnect = setTimeout(open, wait);
      };
    };

    open();
    heartbeat = setInterval(() => {
      if (!poll) void post();
    }, HEARTBEAT_MS);
    const online = () => {
      if (reconnect) clearTimeout(reconnect);
      if (!source) open();
    };
    window.addEventListener("online", online);
    // Leaving the report (closing the tab, going elsewhere in the app): the others see it at once.
    // keepalive lets the request outlive the page.
    const leave = () =>
      void fetch(`/api/reports/${reportId}/presence`, {
        method: "POST",
        headers: { "content-type": "application/json" },
        body: JSON.stringify({ clientId, ...where.current, leaving: true }),
        keepalive: true,
      }).catch(() => {});
    window.addEventListener("pagehide", leave);
    return () => {
      stopped = true;
      leave();
      window.removeEventListener("pagehide", leave);
      window.removeEventListener("online", online);
      source?.close();
      if (reconnect) clearTimeout(reconnect);
      if (heartbeat) clearInterval(heartbeat);
      stopPolling();
    };
  }, [reportId, clientId]); // eslint-disable-line react-hooks/exhaustive-deps

  // Where this editor is: sent when it moves, at most once a second, the last position always.
  const lastSent = useRef(0);
  useEffect(() => {
    where.current = { section: options.section, cell: options.cell };
    const wait = Math.max(0, lastSent.current + PRESENCE_THROTTLE_MS - Date.now());
    const timer = setTimeout(() => {
      lastSent.current = Date.now();
      void sendPresence.current();
    }, wait);
    return () => clearTimeout(timer);
  }, [options.section, options.cell]);

  return { presence: users.filter((u) => u.clientId !== clientId), mode, colleagueSave };
}
