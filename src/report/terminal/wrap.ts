import type { Format, Paint } from './colour.js';

/** A piece of text and the formats it is shown with. */
export interface Run {
  text: string;
  formats: readonly Format[];
}

interface Token {
  kind: 'word' | 'space' | 'break';
  runs: Run[];
  width: number;
}

/**
 * Lays styled runs out as lines: `indent` columns on every line (the first line shows `lead`
 * in them, from `leadColumn`), words wrapped at `width` (Infinity: only the text's own line breaks). Formats are
 * applied per line, so colour never leaks across a line break or into the indentation.
 */
export function layout(runs: readonly Run[], options: { width: number; indent: number; lead?: Run; leadColumn?: number }, paint: Paint): string[] {
  const tokens = tokenize(runs);
  const lines: Run[][] = [];
  let line: Run[] = [];
  let used = options.indent;
  let gap: Token | null = null;
  const flush = () => {
    lines.push(line);
    line = [];
    used = options.indent;
    gap = null;
  };
  for (const t of tokens) {
    if (t.kind === 'break') {
      flush();
      continue;
    }
    if (t.kind === 'space') {
      gap = line.length ? t : null; // spaces at the start of a line are dropped
      continue;
    }
    const gapWidth = gap?.width ?? 0;
    if (line.length && used + gapWidth + t.width > options.width) flush();
    else if (gap) {
      line.push(...gap.runs);
      used += gapWidth;
    }
    gap = null;
    line.push(...t.runs);
    used += t.width;
  }
  flush();
  const pad = ' '.repeat(options.indent);
  return lines.map((l, i) => {
    const at = options.leadColumn ?? 0;
    const lead = i === 0 && options.lead ? ' '.repeat(at) + paint(options.lead.formats, options.lead.text) + ' '.repeat(Math.max(0, options.indent - at - options.lead.text.length)) : pad;
    return (lead + merge(l).map((r) => paint(r.formats, r.text)).join('')).trimEnd();
  });
}

/** Words (possibly spanning several runs, like an entity followed by "’s"), spaces and line breaks. */
function tokenize(runs: readonly Run[]): Token[] {
  const tokens: Token[] = [];
  for (const run of runs) {
    for (const part of run.text.replace(/\r/g, '').split(/(\n|[ \t\u00a0]+)/)) {
      if (part === '') continue;
      const kind = part === '\n' ? 'break' : /^[ \t\u00a0]+$/.test(part) ? 'space' : 'word';
      const last = tokens.at(-1);
      const piece = { text: kind === 'space' ? ' '.repeat(part.length) : part, formats: run.formats };
      if (kind !== 'break' && last?.kind === kind) {
        last.runs.push(piece);
        last.width += part.length;
      } else tokens.push({ kind, runs: kind === 'break' ? [] : [piece], width: kind === 'break' ? 0 : part.length });
    }
  }
  return tokens;
}

/** Neighbouring runs with the same formats become one, so each gets one pair of escape codes. */
function merge(runs: readonly Run[]): Run[] {
  const out: Run[] = [];
  for (const r of runs) {
    const last = out.at(-1);
    if (last && last.formats.join() === r.formats.join()) out[out.length - 1] = { text: last.text + r.text, formats: r.formats };
    else out.push(r);
  }
  return out;
}
