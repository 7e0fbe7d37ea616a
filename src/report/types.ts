import type { Span, SpanRecord } from '../core/record.js';

/** A segment.jsonl record; comment fields are present only when `kind` is `comment`. */
export interface SegmentRecord extends SpanRecord {
  kind: string;
  index?: number;
  author?: string | null;
  depth?: number;
  parent?: number | null;
  header?: Span | null;
}

/** An entities.jsonl record (`lost` ones, written with `debug: true`, are dropped on load). */
export interface EntityRecord extends SpanRecord {
  label: string;
  id: string;
  canonical: string;
  source: string;
  alias: string;
  provenance?: unknown;
  lost?: boolean;
}

/** A claims.jsonl record: one labelled sentence. */
export interface ClaimRecord extends SpanRecord {
  label: string;
  comment: number | null;
  score: number;
  cues: string[];
  source: (Span & { kind: string }) | null;
}

/** One document with the layers chosen for display. `text` is '' when texts were not loaded. */
export interface DocView {
  doc: string;
  path: string;
  text: string;
  segments: SegmentRecord[];
  entities: EntityRecord[];
  claims: ClaimRecord[];
}

/** Which stage instances (by id) each displayed layer came from. */
export interface LayerChoice {
  segment: string | null;
  entities: string[];
  claims: string[];
}

/** A run's output folder, read for inspection. */
export interface RunView {
  dir: string;
  pipeline: string;
  stages: { id: string; produces: string }[];
  layers: LayerChoice;
  docs: DocView[];
  /** Things the user may want to know (pipeline edited since the run, nothing to highlight). */
  notes: string[];
  /** Documents the run could not annotate (listed, never shown). */
  failed: { doc: string; path: string; error: string }[];
}
