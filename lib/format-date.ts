/**
 * Moments as Chinese offices write them, in China Standard Time whatever the server's zone: the date
 * the one way the app writes dates (`2026年1月20日`, as lib/report/chinese-date.ts), then the time.
 */
const PARTS = new Intl.DateTimeFormat("en-CA", {
  timeZone: "Asia/Shanghai",
  year: "numeric",
  month: "numeric",
  day: "numeric",
  hour: "2-digit",
  minute: "2-digit",
  hourCycle: "h23",
});

/** `2026年1月20日 09:05`. */
export function formatDateTime(date: Date): string {
  const part = Object.fromEntries(PARTS.formatToParts(date).map((p) => [p.type, p.value]));
  return `${part.year}年${Number(part.month)}月${Number(part.day)}日 ${part.hour}:${part.minute}`;
}
