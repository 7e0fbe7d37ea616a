import { describe, expect, it } from 'vitest';
import { LineIndex } from '../../src/core/position.js';

describe('LineIndex', () => {
  const text = 'ab\ncd\r\nef\rgh';
  it.each([
    [0, 1, 1],
    [1, 1, 2],
    [3, 2, 1],
    [7, 3, 1],
    [10, 4, 1],
    [11, 4, 2],
  ])('offset %i is line %i col %i (LF, CRLF and CR breaks)', (offset, line, col) => {
    expect(new LineIndex(text).at(offset)).toEqual({ line, col });
  });
});
