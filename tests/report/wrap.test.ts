import { describe, expect, it } from 'vitest';
import { painter } from '../../src/report/terminal/colour.js';
import { layout } from '../../src/report/terminal/wrap.js';
import { stripAnsi } from './fixture.js';

describe('terminal layout', () => {
  const plain = painter(false);

  it('wraps at the width, indents every line and puts the lead in the first indent', () => {
    const lines = layout([{ text: 'one two three four five six', formats: [] }], { width: 15, indent: 5, lead: { text: 'body', formats: [] } }, plain);
    expect(lines).toEqual(['body one two', '     three four', '     five six']);
  });

  it('keeps the text’s own line breaks and drops spaces at line starts', () => {
    expect(layout([{ text: 'a b\n\n  c\r\n', formats: [] }], { width: Infinity, indent: 2 }, plain)).toEqual(['  a b', '', '  c', '']);
  });

  it('does not break a word made of several styled runs, and closes styles on every line', () => {
    const lines = layout(
      [
        { text: 'see ', formats: [] },
        { text: 'Parly', formats: ['bold', 'cyan'] },
        { text: '’s visit to ', formats: ['underline'] },
        { text: 'Baghdad', formats: ['underline', 'bold', 'blueBright'] },
      ],
      { width: 12, indent: 0 },
      painter(true),
    );
    expect(lines.map(stripAnsi)).toEqual(['see Parly’s', 'visit to', 'Baghdad']);
    expect(lines[0]).toBe('see \x1b[1m\x1b[36mParly\x1b[39m\x1b[22m\x1b[4m’s\x1b[24m');
    expect(lines[2]).toBe('\x1b[4m\x1b[1m\x1b[94mBaghdad\x1b[39m\x1b[22m\x1b[24m');
  });
});
