import { CLAIM_LABELS, ENTITY_LABELS, orderLabels } from './labels.js';
import type { DocView, EntityRecord } from './types.js';

export interface AuthorCount {
  /** `null` for comments without a display name. */
  name: string | null;
  comments: number;
}

export interface DocStats {
  doc: string;
  path: string;
  /** Mentions per entity label. */
  entities: Record<string, number>;
  /** Sentences per claim label. */
  claims: Record<string, number>;
  comments: number;
  /** Most comments first, then by name; the authorless count last. */
  authors: AuthorCount[];
}

/** One entity (an id under one label: "Iraq" and the demonym "Iraqi" share an id but not a label). */
export interface EntityTally {
  label: string;
  id: string;
  canonical: string;
  /** For display: the canonical name; for a demonym (NORP) its commonest form, "Iraqi (Iraq)". */
  name: string;
  total: number;
  /** Mentions per document id (documents without mentions left out). */
  perDoc: Record<string, number>;
  /** Where it is first mentioned, for linking to it. */
  first: { doc: string; start: number };
}

export interface RunStats {
  docs: DocStats[];
  entityLabels: string[];
  claimLabels: string[];
  /** Most mentioned first, then by label order and canonical name. */
  entities: EntityTally[];
  totals: { entities: Record<string, number>; claims: Record<string, number>; comments: number; authors: number };
}

const bump = (counts: Record<string, number>, key: string, by = 1) => (counts[key] = (counts[key] ?? 0) + by);
export const entityKey = (e: Pick<EntityRecord, 'label' | 'id'>) => `${e.label}\u0000${e.id}`;

/** Counts of one run, shared by `stats`, the report's panels and `show`'s header. */
export function runStats(docs: readonly DocView[]): RunStats {
  const entityLabels = orderLabels(docs.flatMap((d) => d.entities.map((e) => e.label)), ENTITY_LABELS);
  const claimLabels = orderLabels([...CLAIM_LABELS, ...docs.flatMap((d) => d.claims.map((c) => c.label))], CLAIM_LABELS);
  const tallies = new Map<string, EntityTally>();
  const forms = new Map<string, Map<string, number>>();
  const totals: RunStats['totals'] = { entities: {}, claims: {}, comments: 0, authors: 0 };
  const allAuthors = new Set<string>();
  const stats = docs.map((d) => {
    const s = docStats(d, entityLabels, claimLabels);
    for (const e of d.entities) {
      const key = entityKey(e);
      let t = tallies.get(key);
      if (!t) tallies.set(key, (t = { label: e.label, id: e.id, canonical: e.canonical, name: e.canonical, total: 0, perDoc: {}, first: { doc: d.doc, start: e.start } }));
      t.total++;
      if (!forms.has(key)) forms.set(key, new Map());
      forms.get(key)!.set(e.text, (forms.get(key)!.get(e.text) ?? 0) + 1);
      bump(t.perDoc, d.doc);
    }
    for (const [l, n] of Object.entries(s.entities)) bump(totals.entities, l, n);
    for (const [l, n] of Object.entries(s.claims)) bump(totals.claims, l, n);
    totals.comments += s.comments;
    for (const a of s.authors) if (a.name !== null) allAuthors.add(a.name);
    return s;
  });
  totals.authors = allAuthors.size;
  for (const [key, t] of tallies) {
    // A demonym carries its country's id and canonical name; "Iraq" twice in a list would puzzle.
    if (t.label !== 'NORP') continue;
    const [form] = [...forms.get(key)!].sort((a, b) => b[1] - a[1])[0]!;
    if (form !== t.canonical) t.name = `${form} (${t.canonical})`;
  }
  const rank = (l: string) => entityLabels.indexOf(l);
  const entities = [...tallies.values()].sort((a, b) => b.total - a.total || rank(a.label) - rank(b.label) || a.canonical.localeCompare(b.canonical, 'en') || (a.id < b.id ? -1 : 1));
  return { docs: stats, entityLabels, claimLabels, entities, totals };
}

function docStats(d: DocView, entityLabels: string[], claimLabels: string[]): DocStats {
  const entities = Object.fromEntries(entityLabels.map((l) => [l, 0]));
  for (const e of d.entities) bump(entities, e.label);
  const claims = Object.fromEntries(claimLabels.map((l) => [l, 0]));
  for (const c of d.claims) bump(claims, c.label);
  const byAuthor = new Map<string | null, number>();
  const comments = d.segments.filter((s) => s.kind === 'comment');
  for (const c of comments) byAuthor.set(c.author ?? null, (byAuthor.get(c.author ?? null) ?? 0) + 1);
  const authors = [...byAuthor].map(([name, n]) => ({ name, comments: n }));
  authors.sort((a, b) => (a.name === null ? 1 : 0) - (b.name === null ? 1 : 0) || b.comments - a.comments || (a.name! < b.name! ? -1 : a.name! > b.name! ? 1 : 0));
  return { doc: d.doc, path: d.path, entities, claims, comments: comments.length, authors };
}
