/** Dates and times as Chinese offices write them, in China Standard Time whatever the server's zone. */
const DATE_TIME = new Intl.DateTimeFormat("zh-CN", {
  timeZone: "Asia/Shanghai",
  year: "numeric",
  month: "2-digit",
  day: "2-digit",
  hour: "2-digit",
  minute: "2-digit",
  hour12: false,
});

export function formatDateTime(date: Date): string {
  return DATE_TIME.format(date);
}
