/**
 * The labelled claims sets, in one place: the quality-floor tests, the trainer of the learned
 * weights and the claims report all read this list. Paths are relative to the project root;
 * `name` is the set's key in tests/quality-floors.json.
 */
export interface ClaimSet {
  name: string;
  /**
   * development: rules were read from its errors or weights fitted on it; report: measured after
   * a batch (each measurement is listed in its README), its errors never read.
   */
  role: 'development' | 'report';
  /** Whether its comments are Fox News reader comments (the text the stage is built for). */
  fox: boolean;
  pages: string;
  gold: string;
}

export const CLAIM_SETS: readonly ClaimSet[] = [
  { name: 'seeds', role: 'development', fox: true, pages: 'seeds', gold: 'tests/gold/claims.jsonl' },
  // Labelled before any rule existed; a development set since its errors were read at the end of the fourth round.
  { name: 'heldout', role: 'development', fox: true, pages: 'tests/heldout/pages', gold: 'tests/heldout/claims.gold.jsonl' },
  { name: 'training', role: 'development', fox: true, pages: 'tests/training/pages', gold: 'tests/training/claims.train.jsonl' },
  // Labelled after the fourth round's rules were frozen.
  { name: 'heldout-claims-2', role: 'report', fox: true, pages: 'tests/heldout-claims-2/pages', gold: 'tests/heldout-claims-2/claims.gold.jsonl' },
  // Real Reddit comments (WNUT-17 test set), labelled after the fifth round.
  { name: 'heldout-claims-3', role: 'report', fox: false, pages: 'tests/heldout-claims-3/pages', gold: 'tests/heldout-claims-3/claims.gold.jsonl' },
  // Debate turns and YouTube comments: training data the default learned weights leave out (EXTRA=1 adds it);
  // a development set since the seventh round, when its errors were read.
  { name: 'training-extra', role: 'development', fox: false, pages: 'tests/training-extra/pages', gold: 'tests/training-extra/claims.train.jsonl' },
  // Debate turns (CLEF 2019 test transcripts) and tweets (WNUT-17 training set), labelled to decide the default weighting.
  { name: 'heldout-claims-4', role: 'report', fox: false, pages: 'tests/heldout-claims-4/pages', gold: 'tests/heldout-claims-4/claims.gold.jsonl' },
  // Other parts of the same two sources, labelled after the default was settled; measured once.
  { name: 'heldout-claims-5', role: 'report', fox: false, pages: 'tests/heldout-claims-5/pages', gold: 'tests/heldout-claims-5/claims.gold.jsonl' },
  // Other parts again, labelled to decide the seventh round (reverted).
  { name: 'heldout-claims-6', role: 'report', fox: false, pages: 'tests/heldout-claims-6/pages', gold: 'tests/heldout-claims-6/claims.gold.jsonl' },
];
