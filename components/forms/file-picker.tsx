"use client";

import { useId, useState } from "react";

/**
 * A file chooser whose button and "no file" text are the app's Chinese, not the browser's ("Choose
 * File", "No file chosen" on an English browser). The real input stays in the page, visually hidden,
 * named by the visible label, so keyboards, screen readers and tests reach it as before.
 */
export function FilePicker({
  label,
  accept,
  multiple = false,
  disabled = false,
  onFiles,
}: {
  label: string;
  accept?: string;
  multiple?: boolean;
  disabled?: boolean;
  onFiles: (files: File[]) => void;
}) {
  const id = useId();
  const [names, setNames] = useState<string[]>([]);
  return (
    <div className="text-sm">
      <span id={`${id}-label`} className="mb-1 block font-medium">
        {label}
      </span>
      <div className="flex items-center gap-3">
        <label className="cursor-pointer rounded border border-slate-500 bg-white px-3 py-1 text-slate-800 hover:bg-slate-100 has-[:focus-visible]:outline-2 has-[:focus-visible]:outline-blue-600 has-[:disabled]:cursor-not-allowed has-[:disabled]:opacity-60">
          选择文件
          <input
            type="file"
            accept={accept}
            multiple={multiple}
            disabled={disabled}
            aria-labelledby={`${id}-label`}
            className="sr-only"
            onChange={(event) => {
              const files = Array.from(event.currentTarget.files ?? []);
              setNames(files.map((f) => f.name));
              onFiles(files);
            }}
          />
        </label>
        <span className="text-slate-700" aria-live="polite">
          {names.length ? names.join("、") : "未选择文件"}
        </span>
      </div>
    </div>
  );
}
