/** Bars in SVG, labelled for screen readers by `title` (the figures are also written as text next to each chart). */
export function BarChart({
  title,
  bars,
  format,
  labelWidth = 110,
}: {
  title: string;
  bars: Array<{ label: string; value: number }>;
  format: (v: number) => string;
  /** Room for the labels, in the drawing's units (320 wide). */
  labelWidth?: number;
}) {
  const max = Math.max(1, ...bars.map((b) => b.value));
  const width = 320;
  const row = 28;
  return (
    <svg role="img" aria-label={title} viewBox={`0 0 ${width} ${bars.length * row + 4}`} width="100%" style={{ maxWidth: width }}>
      <title>{title}</title>
      {bars.map((b, i) => {
        const w = ((width - labelWidth - 90) * b.value) / max;
        return (
          <g key={b.label} transform={`translate(0 ${i * row + 2})`}>
            <text x={0} y={18} fontSize={13} fill="currentColor">
              {b.label}
            </text>
            <rect x={labelWidth} y={4} width={Math.max(w, 1)} height={18} fill="var(--background-action-high-blue-france)" />
            <text x={labelWidth + w + 6} y={18} fontSize={13} fill="currentColor">
              {format(b.value)}
            </text>
          </g>
        );
      })}
    </svg>
  );
}
