/** Recovery codes, shown once after they are made: the only time they are ever readable. */
export function RecoveryCodes({ codes }: { codes: string[] }) {
  return (
    <section
      aria-labelledby="recovery-codes-title"
      className="rounded border border-slate-300 bg-slate-50 p-3"
    >
      <h3 id="recovery-codes-title" className="font-medium">
        恢复码
      </h3>
      <p className="mt-1 text-slate-600">
        手机丢失或无法使用验证器时，可用一个恢复码代替验证码登录，每个只能用一次。这些恢复码只显示这一次，请抄写或打印后妥善保存，不要保存在本电脑上。
      </p>
      <ul
        aria-label="恢复码列表"
        className="mt-2 grid grid-cols-1 gap-1 font-mono text-base sm:grid-cols-2"
      >
        {codes.map((code) => (
          <li key={code}>{code}</li>
        ))}
      </ul>
    </section>
  );
}
