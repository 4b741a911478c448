// Aligned columns for terminal reports (status, audit). Pure.

/** Pads each cell to its column's widest, two spaces apart; no line ends in blanks. */
export function columns(rows: readonly (readonly string[])[], indent = ""): string[] {
  const widths: number[] = [];
  for (const row of rows) row.forEach((cell, i) => (widths[i] = Math.max(widths[i] ?? 0, cell.length)));
  return rows.map((row) => (indent + row.map((cell, i) => cell.padEnd(widths[i]!)).join("  ")).trimEnd());
}
