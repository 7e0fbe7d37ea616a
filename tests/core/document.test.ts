import { describe, expect, it } from 'vitest';
import { decodePage } from '../../src/core/document.js';
import { DocumentError } from '../../src/core/errors.js';

const bytes = (...parts: (string | number[])[]) =>
  Buffer.concat(parts.map((p) => (typeof p === 'string' ? Buffer.from(p, 'utf8') : Buffer.from(p))));

describe('decodePage', () => {
  it.each([
    ['plain UTF-8', bytes('Iraq’s army'), 'Iraq’s army'],
    ['a leading BOM is removed', bytes([0xef, 0xbb, 0xbf], 'Title'), 'Title'],
    ['a BOM elsewhere is kept', bytes('a', [0xef, 0xbb, 0xbf], 'b'), 'a\ufeffb'],
    ['CRLF is kept as is', bytes('a\r\nb\r\n'), 'a\r\nb\r\n'],
    ['emoji and Arabic', bytes('😀 العربية'), '😀 العربية'],
    ['an empty file', bytes(''), ''],
  ])('%s', (_name, input, expected) => {
    expect(decodePage(input, 'x.txt')).toBe(expected);
  });

  it('rejects NUL bytes, naming the file and the byte offset', () => {
    expect(() => decodePage(bytes('abc', [0], 'def'), 'bin.txt')).toThrow(DocumentError);
    expect(() => decodePage(bytes('abc', [0], 'def'), 'bin.txt')).toThrow(/bin\.txt: contains a NUL byte at byte 3/);
  });

  it('rejects invalid UTF-8, naming the first bad byte', () => {
    expect(() => decodePage(bytes('caf', [0xe9], ' au lait'), 'latin1.txt')).toThrow(/latin1\.txt: byte 3 is not valid UTF-8/);
  });
});
