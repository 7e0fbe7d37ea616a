/** A token of the tokenize layer (offsets in UTF-16 code units). */
export interface Token {
  start: number;
  end: number;
  text: string;
  pos: string;
  type: string;
  lemma: string;
}

/** An entity mention of the entities layer. */
export interface Mention {
  start: number;
  end: number;
  text: string;
  label: string;
}

/** A signal that fired, in words a user understands, and how much it pushes toward "claim". */
export interface Cue {
  says: string;
  /** Log-odds toward claim (negative: toward not a claim). */
  weight: number;
}

export type SourceKind = 'named' | 'quote' | 'article' | 'url';

export interface Source {
  kind: SourceKind;
  start: number;
  end: number;
}

export type ClaimLabel = 'unsourced_claim' | 'sourced_claim' | 'not_claim';
