"use client";

import { useEffect, useId, useRef, useState, type KeyboardEvent } from "react";
import type { ReportContent } from "@/lib/report/content";
import {
  renderSentence,
  sentenceVariants,
  type SentenceVariant,
} from "@/lib/report/narrative-sentences";

interface MenuItem {
  variant: SentenceVariant;
  /** The sentence with today's figures, or null while one of them is blank. */
  text: string | null;
}

/**
 * 插入数据句: a menu button whose menu lists every sentence the tables can give, grouped, each wording
 * with its text as it would be inserted. Keyboard: Enter / Space / ↓ open it, ↑ ↓ Home End move,
 * Enter inserts, Escape or Tab closes; focus returns to the button.
 */
export function SentenceMenu({
  content,
  previous,
  onInsert,
}: {
  /** Read when the menu opens: the figures as they stand. */
  content: () => ReportContent;
  previous: ReportContent | null;
  onInsert: (variant: SentenceVariant) => void;
}) {
  const [items, setItems] = useState<MenuItem[] | null>(null);
  const [active, setActive] = useState(0);
  const button = useRef<HTMLButtonElement>(null);
  const menu = useRef<HTMLDivElement>(null);
  const id = useId();
  const open = items !== null;

  const enabled = (list: MenuItem[]) =>
    list.map((item, i) => (item.text === null ? -1 : i)).filter((i) => i >= 0);

  const show = () => {
    const current = content();
    const list = sentenceVariants(current, { previous }).map((variant) => ({
      variant,
      text: renderSentence(current, variant.parts)?.text ?? null,
    }));
    setItems(list);
    setActive(enabled(list)[0] ?? 0);
  };
  const close = (focusButton: boolean) => {
    setItems(null);
    if (focusButton) button.current?.focus();
  };

  useEffect(() => {
    if (!open) return;
    menu.current?.querySelector<HTMLElement>(`[data-index="${active}"]`)?.focus();
  }, [open, active]);

  useEffect(() => {
    if (!open) return;
    const outside = (event: MouseEvent) => {
      const target = event.target as Node;
      if (!menu.current?.contains(target) && !button.current?.contains(target)) close(false);
    };
    document.addEventListener("mousedown", outside);
    return () => document.removeEventListener("mousedown", outside);
  }, [open]);

  const choose = (item: MenuItem) => {
    if (item.text === null) return;
    setItems(null);
    onInsert(item.variant);
  };

  const onMenuKey = (event: KeyboardEvent) => {
    if (!items) return;
    const order = enabled(items);
    const at = order.indexOf(active);
    const move = (to: number) => {
      event.preventDefault();
      if (order.length) setActive(order[(to + order.length) % order.length]);
    };
    switch (event.key) {
      case "ArrowDown":
        return move(at + 1);
      case "ArrowUp":
        return move(at - 1);
      case "Home":
        return move(0);
      case "End":
        return move(order.length - 1);
      case "Enter":
      case " ":
        event.preventDefault();
        if (items[active]) choose(items[active]);
        return;
      case "Escape":
        event.preventDefault();
        return close(true);
      case "Tab":
        return close(false);
    }
  };

  const groups: { label: string; entries: { item: MenuItem; index: number }[] }[] = [];
  items?.forEach((item, index) => {
    const last = groups[groups.length - 1];
    if (last?.label === item.variant.groupLabel) last.entries.push({ item, index });
    else groups.push({ label: item.variant.groupLabel, entries: [{ item, index }] });
  });

  return (
    <div className="relative inline-block">
      <button
        ref={button}
        type="button"
        aria-haspopup="menu"
        aria-expanded={open}
        aria-controls={open ? id : undefined}
        onClick={() => (open ? close(false) : show())}
        onKeyDown={(event) => {
          if (!open && (event.key === "ArrowDown" || event.key === "ArrowUp")) {
            event.preventDefault();
            show();
          }
        }}
        className="rounded border border-slate-300 px-2 py-0.5 text-sm text-slate-700 hover:bg-slate-50"
      >
        插入数据句
      </button>
      {open ? (
        <div
          ref={menu}
          id={id}
          role="menu"
          aria-label="插入数据句"
          onKeyDown={onMenuKey}
          className="absolute left-0 z-20 mt-1 max-h-[28rem] w-[36rem] overflow-y-auto rounded border border-slate-300 bg-white py-1 text-sm shadow-lg"
        >
          {groups.map((group) => (
            <div key={group.label} role="group" aria-label={group.label}>
              <p className="px-3 pt-2 pb-1 text-xs font-medium text-slate-500" aria-hidden>
                {group.label}
              </p>
              {group.entries.map(({ item, index }) => (
                <div
                  key={item.variant.id}
                  role="menuitem"
                  tabIndex={-1}
                  data-index={index}
                  aria-disabled={item.text === null}
                  aria-label={`${item.variant.groupLabel}：${item.variant.label}`}
                  aria-describedby={`${id}-${index}`}
                  onClick={() => choose(item)}
                  onMouseEnter={() => item.text !== null && setActive(index)}
                  className={`cursor-pointer px-3 py-1.5 focus:outline-none ${index === active ? "bg-blue-50" : ""} ${item.text === null ? "cursor-not-allowed text-slate-400" : ""}`}
                >
                  <span className="font-medium">{item.variant.label}</span>
                  <span
                    id={`${id}-${index}`}
                    className="mt-0.5 block text-xs leading-5 text-slate-600"
                  >
                    {item.text ?? "表格中相关数字尚未填写完整"}
                  </span>
                </div>
              ))}
            </div>
          ))}
        </div>
      ) : null}
    </div>
  );
}
