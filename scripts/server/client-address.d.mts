import type { IncomingMessage } from "node:http";

export interface TrustedProxies {
  has(address: string | null): boolean;
}
export function normaliseAddress(raw: string | undefined | null): string | null;
export function trustedProxies(spec?: string): TrustedProxies;
export function resolveClientAddress(
  peer: string | undefined,
  headers: Record<string, string | string[] | undefined>,
  trusted: TrustedProxies,
): { address: string | null; trustedPeer: boolean };
export function applyClientAddress(req: IncomingMessage, trusted: TrustedProxies): string | null;
