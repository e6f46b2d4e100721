import type { TextPiece } from "@/lib/report/text-diff";

/** A text diff: removed text struck through in red, added text underlined in green. */
export function TextDiffView({ pieces }: { pieces: TextPiece[] }) {
  return (
    <p className="whitespace-pre-wrap leading-7">
      {pieces.map((p, i) =>
        p.kind === "ins" ? (
          <ins key={i} className="bg-emerald-100 text-emerald-900 decoration-emerald-600">
            {p.text}
          </ins>
        ) : p.kind === "del" ? (
          <del key={i} className="bg-red-100 text-red-800 decoration-red-600">
            {p.text}
          </del>
        ) : (
          <span key={i}>{p.text}</span>
        ),
      )}
    </p>
  );
}
