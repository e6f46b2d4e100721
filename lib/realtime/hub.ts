import type { ChannelMessage, PresenceUser, ReportEvent } from "./report-events";

/** One open event stream: where its events go, and how the hub ends it. */
export interface Subscriber {
  send(event: ReportEvent): void;
  close(): void;
}

interface PresenceEntry extends PresenceUser {
  expiresAt: number;
}

export interface HubOptions {
  /** How long an editor stays present without a word from it (its heartbeat comes more often). */
  presenceTtlMs?: number;
  now?: () => number;
}

/**
 * This instance's open event streams, by report, and who has each report open. Everything it knows
 * comes from the channel (NOTIFY), its own instance's news included, so every instance holds the same
 * picture whichever one a browser happens to reach.
 */
export class ReportEventHub {
  private readonly subscribers = new Map<string, Set<Subscriber>>();
  private readonly present = new Map<string, Map<string, PresenceEntry>>();
  private readonly ttl: number;
  private readonly now: () => number;

  constructor(options: HubOptions = {}) {
    this.ttl = options.presenceTtlMs ?? 30_000;
    this.now = options.now ?? Date.now;
  }

  /** Start sending a report's events to `subscriber`; the function returned stops it. */
  subscribe(reportId: string, subscriber: Subscriber): () => void {
    let set = this.subscribers.get(reportId);
    if (!set) this.subscribers.set(reportId, (set = new Set()));
    set.add(subscriber);
    return () => {
      set.delete(subscriber);
      if (set.size === 0 && this.subscribers.get(reportId) === set)
        this.subscribers.delete(reportId);
    };
  }

  subscriberCount(reportId?: string): number {
    if (reportId) return this.subscribers.get(reportId)?.size ?? 0;
    let count = 0;
    for (const set of this.subscribers.values()) count += set.size;
    return count;
  }

  /** Who has the report open now, one entry per browser tab, in the order they arrived. */
  presence(reportId: string): PresenceUser[] {
    const entries = this.present.get(reportId);
    if (!entries) return [];
    const now = this.now();
    return [...entries.values()]
      .filter((e) => e.expiresAt > now)
      .map(({ clientId, userId, name, section, cell }) => ({
        clientId,
        userId,
        name,
        section,
        cell,
      }));
  }

  /** A message heard on the channel. */
  deliver(message: ChannelMessage): void {
    switch (message.kind) {
      case "saved":
        this.broadcast(message.reportId, message);
        return;
      case "here": {
        const { reportId, ...user } = message;
        let entries = this.present.get(reportId);
        if (!entries) this.present.set(reportId, (entries = new Map()));
        const before = entries.get(user.clientId);
        entries.set(user.clientId, { ...user, expiresAt: this.now() + this.ttl });
        // A heartbeat that moves nobody is not news.
        const moved =
          !before ||
          before.expiresAt <= this.now() ||
          before.section !== user.section ||
          before.cell !== user.cell ||
          before.name !== user.name;
        if (moved) this.broadcastPresence(reportId);
        return;
      }
      case "gone": {
        const entries = this.present.get(message.reportId);
        if (!entries?.delete(message.clientId)) return;
        if (entries.size === 0) this.present.delete(message.reportId);
        this.broadcastPresence(message.reportId);
        return;
      }
    }
  }

  /** Forget editors whose heartbeat stopped (a closed laptop, a lost network) and tell the others. */
  sweep(): void {
    const now = this.now();
    for (const [reportId, entries] of this.present) {
      let changed = false;
      for (const [clientId, entry] of entries)
        if (entry.expiresAt <= now) {
          entries.delete(clientId);
          changed = true;
        }
      if (entries.size === 0) this.present.delete(reportId);
      if (changed) this.broadcastPresence(reportId);
    }
  }

  /**
   * End every stream: the channel went quiet, so a stream would look live while hearing nothing.
   * The browsers reconnect (or poll until they can), and learn on reconnecting what they missed.
   */
  closeAll(): void {
    const all = [...this.subscribers.values()].flatMap((set) => [...set]);
    this.subscribers.clear();
    for (const subscriber of all) subscriber.close();
  }

  private broadcastPresence(reportId: string): void {
    this.broadcast(reportId, { kind: "presence", reportId, users: this.presence(reportId) });
  }

  private broadcast(reportId: string, event: ReportEvent): void {
    const set = this.subscribers.get(reportId);
    if (!set) return;
    for (const subscriber of [...set]) {
      try {
        subscriber.send(event);
      } catch {
        // A stream that cannot take more is a browser that left; its own cleanup unsubscribes it.
      }
    }
  }
}
