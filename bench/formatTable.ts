// Plain-text tables for the terminal.

/** Column alignment: `l`eft or `r`ight. */
export type Align = 'l' | 'r';

/**
 * Formats rows as a fixed-width text table with a header rule. Cells are padded to the
 * widest cell of their column; `align[i]` defaults to right for every column but the first.
 * Rows that are `null` become a rule line (e.g. before a totals row).
 *
 * @example
 * ```ts
 * formatTable([['instance', 'cost'], ['X-n101-k25', '27591']]);
 * // instance     cost
 * // ----------  -----
 * // X-n101-k25  27591
 * ```
 */
export function formatTable(rows: (string[] | null)[], align?: Align[]): string {
  const widths: number[] = [];
  for (const r of rows) r?.forEach((c, i) => (widths[i] = Math.max(widths[i] ?? 0, c.length)));
  const rule = widths.map((w) => '-'.repeat(w)).join('  ');
  const lines: string[] = [];
  rows.forEach((r, k) => {
    if (r === null) {
      lines.push(rule);
      return;
    }
    lines.push(
      r
        .map((c, i) => ((align?.[i] ?? (i === 0 ? 'l' : 'r')) === 'l' ? c.padEnd(widths[i]) : c.padStart(widths[i])))
        .join('  ')
        .trimEnd(),
    );
    if (k === 0) lines.push(rule);
  });
  return `${lines.join('\n')}\n`;
}

/**
 * Formats a number with a fixed number of decimals, or `-` when it is not finite.
 *
 * @example
 * ```ts
 * fixed(1.23456, 2); // '1.23'
 * fixed(NaN, 2);     // '-'
 * ```
 */
export function fixed(x: number, digits: number): string {
  return Number.isFinite(x) ? x.toFixed(digits) : '-';
}
