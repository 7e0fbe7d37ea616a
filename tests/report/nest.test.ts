import { describe, expect, it } from 'vitest';
import { nestMarks, type Mark } from '../../src/report/nest.js';

/** Events as bracket markup: "<a" opens a, ">a" closes it; "~" marks a reopened/continuing part. */
function markup(text: string, from: number, to: number, marks: Mark<string>[]): string {
  return nestMarks(from, to, marks)
    .map((e) => (e.kind === 'text' ? text.slice(e.start, e.end) : e.kind === 'open' ? `<${e.mark.value}${e.continued ? '~' : ''}` : `>${e.mark.value}${e.continues ? '~' : ''}`))
    .join('');
}

const m = (start: number, end: number, value: string): Mark<string> => ({ start, end, value });

describe('nestMarks', () => {
  const text = 'abcdefghij';

  it('nests an inner mark inside an outer one', () => {
    expect(markup(text, 0, 10, [m(2, 5, 'in'), m(0, 8, 'out')])).toBe('<outab<incde>infgh>outij');
  });

  it('closes and reopens a mark that crosses another, so the result nests', () => {
    expect(markup(text, 0, 10, [m(1, 5, 'a'), m(3, 8, 'b')])).toBe('a<abc<bde>b~>a<b~fgh>bij');
  });

  it('clips marks to the range and drops empty ones', () => {
    expect(markup(text, 2, 6, [m(0, 4, 'a'), m(5, 9, 'b'), m(3, 3, 'empty'), m(7, 9, 'outside')])).toBe('<acd>ae<bf>b');
  });

  it('keeps marks that touch apart', () => {
    expect(markup(text, 0, 6, [m(0, 3, 'a'), m(3, 6, 'b')])).toBe('<aabc>a<bdef>b');
  });
});
