const MAPPED_DOTTED = /^::ffff:(\d{1,3}(?:\.\d{1,3}){3})$/i;

/**
 * An address as a person reads it: an IPv4-mapped IPv6 address (`::ffff:127.0.0.1`, as a dual-stack
 * socket reports an IPv4 client, and as rows written before the server normalised it hold) is the
 * IPv4 address it maps.
 */
export function plainAddress(address: string | null | undefined): string | null {
  if (!address) return null;
  return MAPPED_DOTTED.exec(address.trim())?.[1] ?? address;
}
