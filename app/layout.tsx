import type { Metadata } from "next";
import { headers } from "next/headers";
import "./globals.css";

export const metadata: Metadata = {
  title: { default: "年报 · 政府信息公开工作年度报告", template: "%s · 年报" },
  description: "政府信息公开工作年度报告的填报、审核与发布",
};

export default async function RootLayout({ children }: { children: React.ReactNode }) {
  // Reading the request makes every page render per request, never ahead of time: Next stamps its
  // scripts with the request's CSP nonce (proxy.ts), and a prerendered page would carry none and be blocked.
  await headers();
  return (
    <html lang="zh-CN">
      <body className="min-h-screen">{children}</body>
    </html>
  );
}
