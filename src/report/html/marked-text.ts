import type { MarkValue } from '../doc-marks.js';
import { nestMarks, type Mark } from '../nest.js';
import type { EntityRecord } from '../types.js';
import { attrs, esc } from './escape.js';

/**
 * A span of the page as HTML with its marks. Only the page's own characters are element text
 * (badges are CSS), so an article's textContent is exactly its slice of the page.
 */
export function markedText(text: string, start: number, end: number, marks: readonly Mark<MarkValue>[]): string {
  let html = '';
  for (const e of nestMarks(start, end, marks)) {
    if (e.kind === 'text') html += esc(text.slice(e.start, e.end));
    else if (e.kind === 'open') html += openTag(e.mark.value, e.continued);
    else html += e.mark.value.kind === 'entity' ? '</mark>' : '</span>';
  }
  return html;
}

function openTag(v: MarkValue, continued: boolean): string {
  // A mark reopened around another is one thing to keyboard users: only its first part is a tab stop.
  const tab = continued ? null : 0;
  if (v.kind === 'entity') {
    const e = v.entity;
    return `<mark${attrs({ class: 'ent', 'data-label': e.label, 'data-id': e.id, 'data-canonical': e.canonical, 'data-source': e.source, 'data-alias': e.alias, 'data-prov': provenance(e), tabindex: tab })}>`;
  }
  if (v.kind === 'claim') {
    const c = v.claim;
    const claim = c.label !== 'not_claim';
    return `<span${attrs({
      class: continued ? 'claim cont' : 'claim',
      'data-claim': c.label,
      'data-key': v.key,
      'data-score': c.score,
      'data-cues': c.cues.join('\n'),
      'data-source-kind': c.source?.kind,
      'data-source-text': c.source?.text,
      // "Not a claim" is most sentences of a thread; making each a tab stop would bury the claims.
      tabindex: claim ? tab : null,
    })}>`;
  }
  return `<span${attrs({ class: 'src', 'data-keys': v.keys.join(' '), 'data-kind': v.source.kind, tabindex: tab })}>`;
}

/** Where an entity came from, in words for the tooltip. */
function provenance(e: EntityRecord): string | null {
  const p = e.provenance as { file?: string; line?: number; antecedent?: { start: number; end: number }; acronym?: boolean; model?: string } | undefined;
  if (!p) return null;
  if (p.file) return `${p.file}:${p.line}`;
  if (p.antecedent) return `${p.acronym ? 'acronym of' : 'short form of'} the mention at ${p.antecedent.start}–${p.antecedent.end}`;
  if (p.model) return `model (${p.model})`;
  return null;
}
