// Text helpers shared by the page generators (held-out A and B, training, second claims held-out).

/** A file-name slug of an article title, at most ~60 characters. */
export function slugify(title) {
  let s = title
    .toLowerCase()
    .replace(/['’‘]/g, '')
    .replace(/[^a-z0-9]+/g, '-')
    .replace(/^-+|-+$/g, '');
  if (s.length > 60) s = s.slice(0, 60).replace(/-[^-]*$/, '');
  return s;
}

/** Splits text at the sentence boundary closest to the middle; both halves >= 40 chars, else null. */
export function splitSentences(text) {
  const re = /[.!?…]+["”’)]*( +)(?=["“‘(]?[A-Z0-9])/g;
  let best = null;
  for (let m; (m = re.exec(text)); ) {
    const cut = m.index + m[0].length - m[1].length;
    const a = text.slice(0, cut);
    const b = text.slice(m.index + m[0].length);
    if (a.length < 40 || b.length < 40) continue;
    const score = Math.abs(a.length - text.length / 2);
    if (!best || score < best.score) best = { score, parts: [a, b] };
  }
  return best ? best.parts : null;
}

/** Splits a one-sentence description at the ", " closest to the middle (or keeps it whole). */
export function splitClause(text) {
  let best = null;
  for (let i = text.indexOf(', '); i >= 0; i = text.indexOf(', ', i + 1)) {
    const a = text.slice(0, i + 1);
    const b = text.slice(i + 2);
    if (a.length < 40 || b.length < 40) continue;
    const score = Math.abs(a.length - text.length / 2);
    if (!best || score < best.score) best = { score, parts: [a, b] };
  }
  return best ? best.parts : [text];
}

/** Line breaks (with the white space around them) folded to one space, ends trimmed; other space runs kept. */
export const normalise = (t) => t.replace(/\s*[\r\n]+\s*/g, ' ').trim();

/** Writes pages ({doc, text}) as <doc>.txt into outDir, removing .txt files of pages no longer made. */
export function writePages(fs, path, outDir, pages) {
  fs.mkdirSync(outDir, { recursive: true });
  const wanted = new Set(pages.map((p) => `${p.doc}.txt`));
  for (const f of fs.readdirSync(outDir)) if (f.endsWith('.txt') && !wanted.has(f)) fs.unlinkSync(path.join(outDir, f));
  for (const p of pages) fs.writeFileSync(path.join(outDir, `${p.doc}.txt`), p.text);
}

/**
 * A page in the training pages' layout: title, blank line, description, two blank lines, then each
 * comment ({user, text}) as the user name, a blank line and the text on one line, comments
 * separated by two blank lines; ends with "\n".
 */
export function commentPageText(title, description, comments) {
  return `${title}\n\n${description}\n\n\n` + comments.map((c) => `${c.user}\n\n${c.text}\n`).join('\n\n');
}

/**
 * Comments cut into pages of at most `perPage`, each as { doc, title, description, comments } with
 * `describe(n)` (n counts from 1) giving the page's doc, title and description.
 */
export function paginate(comments, perPage, describe) {
  const pages = [];
  for (let p = 0; p * perPage < comments.length; p++) pages.push({ ...describe(p + 1), comments: comments.slice(p * perPage, (p + 1) * perPage) });
  return pages;
}

/**
 * Writes comment pages ({doc, title, description, comments}) as <doc>.txt into outDir in the
 * commentPageText layout, after checking every comment is on its page verbatim.
 */
export function writeCommentPages(fs, path, outDir, pages) {
  for (const page of pages) page.text = commentPageText(page.title, page.description, page.comments);
  checkCommentsVerbatim(pages);
  writePages(fs, path, outDir, pages);
}

/** Throws unless every comment of every page ({doc, text, comments}) is written verbatim under its user name. */
export function checkCommentsVerbatim(pages) {
  for (const { doc, text, comments } of pages) for (const c of comments) if (!text.includes(`\n\n${c.user}\n\n${c.text}\n`)) throw new Error(`${doc}: comment not written verbatim`);
}
