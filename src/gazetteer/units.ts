/**
 * Matching units: the pieces names are compared by. Text tokens (from wink-nlp) and gazetteer
 * aliases are both cut the same way, so "al-Kadhimi" in the text and the alias "al-Kadhimi"
 * both become `al` `-` `kadhimi`, and "U.S.-led" yields a `u.s.` unit that matches "U.S.".
 * Offsets are UTF-16 code units; keys are folded for comparison, texts stay as written.
 */
export interface Unit {
  start: number;
  end: number;
  /** The unit as written. */
  text: string;
  /** Comparison key: accents removed, lowercased, typographic apostrophes and dashes unified. */
  key: string;
}

/**
 * Abbreviations with periods (U.S., D.C., U.S.S.R.), words with an inner apostrophe that is
 * not a possessive (O'Brien, Da'esh), a possessive/clitic ('s, ’s), digits, and any other
 * single non-space character (hyphens, slashes, brackets, punctuation).
 */
const UNIT = /(?:\p{L}\.){2,}|[\p{L}\p{N}\p{M}]+(?:['’](?![sS]\b)[\p{L}\p{M}]+)*|['’][sS]\b|\S/gu;

const DASHES = /[\u2010-\u2015\u2212]/g;

/** Folds a unit for comparison: NFKD, combining marks removed, lowercase, ’ → ', dashes → -. */
const PLAIN_ASCII = /^[\x00-\x7f]*$/;

export function foldKey(text: string): string {
  // Most units are plain ASCII: nothing to decompose or unify, only lowercase (fast path).
  if (PLAIN_ASCII.test(text)) return text.toLowerCase();
  return text.normalize('NFKD').replace(/\p{M}/gu, '').replace(/’/g, "'").replace(DASHES, '-').toLowerCase();
}

/** Cuts `text.slice(from, to)` into units with absolute offsets. */
export function unitsOf(text: string, from = 0, to = text.length): Unit[] {
  const units: Unit[] = [];
  const slice = from === 0 && to === text.length ? text : text.slice(from, to);
  UNIT.lastIndex = 0;
  for (let m = UNIT.exec(slice); m !== null; m = UNIT.exec(slice)) {
    const start = from + m.index;
    units.push({ start, end: start + m[0].length, text: m[0], key: foldKey(m[0]) });
  }
  return units;
}

/** The key of a whole alias: its unit keys joined by spaces. */
export function aliasKey(alias: string): string {
  return unitsOf(alias)
    .map((u) => u.key)
    .join(' ');
}

/**
 * Units as names are compared: the period after a one-letter initial is dropped, so
 * "Robert E. Lee", "Robert E Lee" and "George W. Bush" / "George W Bush" compare equal.
 * (Abbreviations such as "U.S." are single units and keep their periods.)
 */
export function comparableUnits(units: Unit[]): Unit[] {
  return units.filter((u, i) => !(u.text === '.' && i > 0 && /^\p{Lu}$/u.test(units[i - 1]!.text)));
}
