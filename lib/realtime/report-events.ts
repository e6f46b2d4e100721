/**
 * What the editor hears about a report while it is open (the Server-Sent Events stream), and what
 * app instances tell each other through PostgreSQL's NOTIFY channel to produce it. Ids and versions
 * only, never content: a NOTIFY payload must stay under 8000 bytes, and whoever needs the values asks
 * for them with its own authorised request.
 */

/** One person's open editor: who, and where they are (a step key such as `s3`, a target id). */
export interface PresenceUser {
  /** One browser tab: the same person in two tabs is two entries, shown once. */
  clientId: string;
  userId: string;
  name: string;
  section: string | null;
  cell: string | null;
}

export type ReportEvent =
  | {
      kind: "saved";
      reportId: string;
      version: number;
      actorId: string;
      actorName: string;
      /** The targets the save changed; empty when unknown (too many to send, or learned by polling). */
      targets: string[];
    }
  | { kind: "presence"; reportId: string; users: PresenceUser[] };

/** The NOTIFY channel every instance listens on. */
export const REPORT_EVENTS_CHANNEL = "report_events";

/** PostgreSQL refuses a NOTIFY payload of 8000 bytes or more; we keep a margin for the envelope. */
export const MAX_NOTIFY_BYTES = 7500;

/** What travels on the channel between instances. */
export type ChannelMessage =
  | Extract<ReportEvent, { kind: "saved" }>
  | ({ kind: "here"; reportId: string } & PresenceUser)
  | { kind: "gone"; reportId: string; clientId: string };

const isString = (v: unknown): v is string => typeof v === "string";
const isNullableString = (v: unknown): v is string | null => v === null || typeof v === "string";

/** A channel payload read back, or null for anything this version does not understand. */
export function parseChannelMessage(payload: string | undefined): ChannelMessage | null {
  if (!payload) return null;
  let value: unknown;
  try {
    value = JSON.parse(payload);
  } catch {
    return null;
  }
  if (typeof value !== "object" || value === null) return null;
  const m = value as Record<string, unknown>;
  if (!isString(m.reportId)) return null;
  switch (m.kind) {
    case "saved":
      if (
        typeof m.version !== "number" ||
        !isString(m.actorId) ||
        !isString(m.actorName) ||
        !Array.isArray(m.targets) ||
        !m.targets.every(isString)
      )
        return null;
      return {
        kind: "saved",
        reportId: m.reportId,
        version: m.version,
        actorId: m.actorId,
        actorName: m.actorName,
        targets: m.targets,
      };
    case "here":
      if (
        !isString(m.clientId) ||
        !isString(m.userId) ||
        !isString(m.name) ||
        !isNullableString(m.section) ||
        !isNullableString(m.cell)
      )
        return null;
      return {
        kind: "here",
        reportId: m.reportId,
        clientId: m.clientId,
        userId: m.userId,
        name: m.name,
        section: m.section,
        cell: m.cell,
      };
    case "gone":
      if (!isString(m.clientId)) return null;
      return { kind: "gone", reportId: m.reportId, clientId: m.clientId };
    default:
      return null;
  }
}

/**
 * The targets a saved notice can carry within the payload limit: all of them, or none when they do
 * not fit (the receiver then asks for the changes since its version, which it does anyway).
 */
export function targetsThatFit(targets: readonly string[], budget = MAX_NOTIFY_BYTES - 500) {
  return new TextEncoder().encode(JSON.stringify(targets)).length <= budget ? [...targets] : [];
}
