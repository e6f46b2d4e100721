"use client";

import { useEffect, useState } from "react";

/** The cell or field (its `data-cell-id`) that has the keyboard focus on this page, or null. */
export function useFocusedCell(): string | null {
  const [cell, setCell] = useState<string | null>(null);
  useEffect(() => {
    const idOf = (element: EventTarget | null) =>
      element instanceof HTMLElement
        ? (element.closest<HTMLElement>("[data-cell-id]")?.dataset.cellId ?? null)
        : null;
    const focusIn = (event: FocusEvent) => setCell(idOf(event.target));
    // Leaving for something that is not a cell (a button, the page) leaves no cell.
    const focusOut = (event: FocusEvent) => {
      if (!idOf(event.relatedTarget)) setCell(null);
    };
    document.addEventListener("focusin", focusIn);
    document.addEventListener("focusout", focusOut);
    return () => {
      document.removeEventListener("focusin", focusIn);
      document.removeEventListener("focusout", focusOut);
    };
  }, []);
  return cell;
}
