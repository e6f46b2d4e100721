/** The target of the cell or field that has the keyboard focus, if any. */
export function focusedTarget(): string | null {
  const element = document.activeElement;
  return element instanceof HTMLElement ? (element.dataset.cellId ?? null) : null;
}
