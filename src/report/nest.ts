/** A span of the page to decorate (an entity, a claim sentence, a claim's source). */
export interface Mark<T> {
  start: number;
  end: number;
  value: T;
}

export type NestEvent<T> =
  | { kind: 'text'; start: number; end: number }
  /** `continued`: the mark began earlier and was closed only to keep the nesting proper. */
  | { kind: 'open'; mark: Mark<T>; continued: boolean }
  /** `continues`: the mark goes on after an inner/outer boundary and will be reopened. */
  | { kind: 'close'; mark: Mark<T>; continues: boolean };

/**
 * Text and properly nested open/close events for [from, to). HTML elements and bracket
 * markup must nest, but layers need not (an entity could straddle a claim's sentence
 * boundary), so a mark crossing another is closed and reopened around it.
 */
export function nestMarks<T>(from: number, to: number, marks: readonly Mark<T>[]): NestEvent<T>[] {
  const clipped = marks
    .map((m, order) => ({ mark: m, start: Math.max(m.start, from), end: Math.min(m.end, to), order }))
    .filter((m) => m.start < m.end);
  const bounds = [...new Set([from, to, ...clipped.flatMap((m) => [m.start, m.end])])].sort((a, b) => a - b);
  const events: NestEvent<T>[] = [];
  let stack: typeof clipped = [];
  for (let i = 0; i + 1 < bounds.length; i++) {
    const [a, b] = [bounds[i]!, bounds[i + 1]!];
    // Outer marks first: earlier start, then longer, then input order.
    const wanted = clipped.filter((m) => m.start <= a && a < m.end).sort((x, y) => x.start - y.start || y.end - x.end || x.order - y.order);
    let keep = 0;
    while (keep < stack.length && keep < wanted.length && stack[keep] === wanted[keep]) keep++;
    for (let j = stack.length - 1; j >= keep; j--) events.push({ kind: 'close', mark: stack[j]!.mark, continues: wanted.includes(stack[j]!) });
    for (let j = keep; j < wanted.length; j++) events.push({ kind: 'open', mark: wanted[j]!.mark, continued: wanted[j]!.start < a });
    stack = wanted;
    events.push({ kind: 'text', start: a, end: b });
  }
  for (let j = stack.length - 1; j >= 0; j--) events.push({ kind: 'close', mark: stack[j]!.mark, continues: false });
  return events;
}
