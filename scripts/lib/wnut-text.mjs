// WNUT-17 text helpers shared by the page generators (third claims held-out set, extra training pages).

/** The texts of a WNUT-17 CoNLL file (one token and its tag per line, texts separated by blank lines), as token arrays. */
export function readWnutTexts(fs, file) {
  return fs
    .readFileSync(file, 'utf8')
    .split(/\n\s*\n/)
    .map((b) => b.split('\n').map((l) => l.split('\t')[0]).filter((w) => w !== undefined && w !== ''))
    .filter((b) => b.length > 0);
}

/** Joins WNUT tokens back into text: contractions, punctuation, brackets, entities and Reddit names. */
export function detokenise(tokens) {
  let t = tokens.join(' ');
  t = t.replace(/& amp ;/g, '&').replace(/& gt ;/g, '>').replace(/& lt ;/g, '<');
  t = t.replace(/ n ' t\b/g, "n't").replace(/ ' (s|re|m|ve|ll|d)\b/g, "'$1");
  t = t.replace(/ ([,.!?;:%)\]}])/g, '$1').replace(/([(\[{$]) /g, '$1');
  t = t.replace(/\. \. \./g, '...').replace(/([!?]) (?=[!?])/g, '$1');
  t = t.replace(/\b(r|u) \/ /g, '$1/').replace(/ \/ (r|u)\//g, ' /$1/').replace(/^\/ (r|u)\//, '/$1/');
  t = t.replace(/([“‘]) /g, '$1').replace(/ ([”’])/g, '$1').replace(/\by ' all\b/gi, (m) => m.replace(" ' ", "'"));
  // Straight double quotes alternate: an opening one sticks to the next word, a closing one to the previous.
  let open = false;
  t = t.replace(/ ?" ?/g, (m) => {
    open = !open;
    return open ? (m.startsWith(' ') ? ' "' : '"') : m.endsWith(' ') ? '" ' : '"';
  });
  // A "[" whose link part the scrape dropped ("Nope, [I have multiple sources.") has no "]": it goes.
  t = t.replace(/\[(?![^\]]*\])\s*/g, '');
  return t.trim();
}

