/**
 * Plain aligned columns: text left, numbers right, two spaces between columns. The width of
 * a cell is its length in UTF-16 units, close enough for names and ids.
 */
export function table(header: readonly string[], rows: readonly (readonly (string | number)[])[], indent = '  '): string[] {
  const cells = [header, ...rows].map((r) => r.map(String));
  const numeric = header.map((_, i) => rows.length > 0 && rows.every((r) => typeof r[i] === 'number' || r[i] === '·'));
  const widths = header.map((_, i) => Math.max(...cells.map((r) => r[i]?.length ?? 0)));
  return cells.map((r) => (indent + r.map((c, i) => (numeric[i] ? c.padStart(widths[i]!) : c.padEnd(widths[i]!))).join('  ')).trimEnd());
}
