"use client";

import { useEffect } from "react";

const FIRST_FIELD =
  "[data-editor-step]:not([hidden]) :is(input:not([readonly]):not([type=hidden]), textarea, select)";

/**
 * A skip link, the first thing Tab reaches on the editor's page: it moves the focus to the first cell
 * or text box of the part on screen, instead of some twenty Tab presses through the site's navigation
 * and the step list. It is put at the very start of the document, before the navigation, which the
 * editor's own markup cannot precede; it shows only while focused.
 */
export function SkipToFirstCell() {
  useEffect(() => {
    const button = document.createElement("button");
    button.type = "button";
    button.textContent = "跳到第一个单元格";
    button.className =
      "sr-only focus:not-sr-only focus:fixed focus:left-2 focus:top-2 focus:z-50 focus:rounded focus:bg-white focus:px-3 focus:py-2 focus:text-blue-800 focus:underline focus:shadow";
    button.addEventListener("click", () => {
      const first = document.querySelector<HTMLElement>(FIRST_FIELD);
      first?.scrollIntoView({ block: "center" });
      first?.focus();
    });
    document.body.prepend(button);
    return () => button.remove();
  }, []);
  return null;
}
