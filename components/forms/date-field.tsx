"use client";

import { useState } from "react";
import { chineseDate } from "@/lib/report/chinese-date";
import { parseDateInput } from "@/lib/report/parse-date-input";

const display = (iso: string | undefined) => (iso ? (chineseDate(iso) ?? iso) : "");

/**
 * A date typed as text and shown as `2026年1月20日`, instead of the browser's date control, whose
 * format and labels (mm/dd/yyyy) follow the browser's language rather than the app's. `value` and
 * `onChange` carry `yyyy-mm-dd` ("" while the text is not a date); in a plain form, `name` posts it.
 */
export function DateField({
  name,
  value,
  defaultValue,
  onChange,
  required,
  className = "",
  ...rest
}: {
  name?: string;
  value?: string;
  defaultValue?: string;
  onChange?: (iso: string) => void;
  required?: boolean;
  className?: string;
  id?: string;
  "data-cell-id"?: string;
  "aria-label"?: string;
}) {
  const [text, setText] = useState(() => display(value ?? defaultValue));
  // A value set from outside (a restored or merged draft) replaces what is shown.
  const [seen, setSeen] = useState(value);
  if (value !== seen) {
    setSeen(value);
    if ((parseDateInput(text) ?? "") !== (value ?? "")) setText(display(value));
  }
  const iso = parseDateInput(text);
  const invalid = text.trim() !== "" && !iso;
  return (
    <>
      <input
        type="text"
        inputMode="text"
        autoComplete="off"
        value={text}
        required={required}
        placeholder="如 2026年1月20日"
        aria-invalid={invalid || undefined}
        onChange={(event) => {
          setText(event.target.value);
          onChange?.(parseDateInput(event.target.value) ?? "");
        }}
        onBlur={() => {
          if (iso) setText(display(iso));
        }}
        className={`${className} ${invalid ? "border-red-600" : ""}`}
        {...rest}
      />
      {name ? <input type="hidden" name={name} value={iso ?? ""} /> : null}
      {invalid ? (
        <span role="alert" className="mt-1 block text-xs text-red-700">
          请按“2026年1月20日”的格式填写日期
        </span>
      ) : null}
    </>
  );
}
