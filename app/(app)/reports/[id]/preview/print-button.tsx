"use client";

export function PrintButton() {
  return (
    <button
      type="button"
      onClick={() => window.print()}
      className="rounded bg-gov-red px-3 py-1.5 text-sm font-medium text-white hover:bg-red-800"
    >
      打印 / 存为 PDF
    </button>
  );
}
