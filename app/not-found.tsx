import Link from "next/link";

export default function NotFound() {
  return (
    <main className="flex min-h-[60vh] flex-col items-center justify-center gap-3">
      <h1 className="text-xl font-semibold">未找到该页面</h1>
      <p className="text-slate-600">页面不存在，或您无权访问。</p>
      <Link href="/" className="text-blue-700 hover:underline">
        返回首页
      </Link>
    </main>
  );
}
