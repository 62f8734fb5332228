/**
 * A small inline SVG line of a series (oldest first), stretched to the width of its container; an optional
 * second series (a baseline) is drawn dashed.
 */
export function Sparkline({
  values,
  compare,
  label,
  width = 160,
  height = 36,
}: {
  values: readonly number[];
  compare?: readonly number[];
  label: string;
  width?: number;
  height?: number;
}) {
  const max = Math.max(1, ...values, ...(compare ?? []));
  const points = (series: readonly number[]) =>
    series
      .map((value, index) => {
        const x = series.length <= 1 ? width : (index / (series.length - 1)) * width;
        const y = height - 2 - (value / max) * (height - 4);
        return `${x.toFixed(1)},${y.toFixed(1)}`;
      })
      .join(' ');
  return (
    <svg className="sparkline" viewBox={`0 0 ${width} ${height}`} preserveAspectRatio="none" role="img">
      <title>{label}</title>
      {compare !== undefined && compare.length > 0 && (
        <polyline className="sparkline-compare" points={points(compare)} fill="none" />
      )}
      {values.length > 0 && <polyline className="sparkline-line" points={points(values)} fill="none" />}
    </svg>
  );
}
