/** When a snapshot was taken, as the history reads it: from the status the report entered then. */
export function snapshotMoment(status: string): string {
  if (status === "APPROVED") return "审核通过时";
  if (status === "PUBLISHED") return "发布时";
  return "提交审核时";
}
