import type { z } from 'zod';
import type { Document } from './document.js';
import type { SpanRecord } from './record.js';

/** Records of earlier stages, by layer type (e.g. `segment`, `tokenize`), for one document. */
export type Layers = ReadonlyMap<string, readonly SpanRecord[]>;

/** The per-document function a stage returns from `create`: pure, no I/O. */
export type Annotator = (doc: Document, layers: Layers) => SpanRecord[];

/**
 * A stage as a value (after spaCy's components and unified's plugins): it declares which
 * layers it reads and which it writes, validates its options with a schema, does its
 * expensive setup once in `create`, and returns a pure per-document function.
 */
export interface StageDefinition<Options = unknown> {
  name: string;
  /** Bumped whenever the same input can give different records. */
  version: number;
  description: string;
  /** Layer types that some earlier stage instance must produce. */
  requires: readonly string[];
  /** The layer type this stage produces (other stages name it in `requires`). */
  produces: string;
  /** Strict schema of the `options` object in a pipeline file, with defaults. */
  options: z.ZodType<Options>;
  /** One-time setup (load models, compile lexicons). `baseDir` resolves relative paths in options. */
  create(options: Options, context: StageContext): Promise<Annotator> | Annotator;
}

export interface StageContext {
  /** Folder relative paths in options are resolved against (the pipeline file's project root). */
  baseDir: string;
  /** Facts about what the stage loaded (gazetteer files and hashes …), copied into manifest.json. */
  resources: Record<string, unknown>;
}

/** Helper that keeps the option type of a definition. */
export function defineStage<Options>(definition: StageDefinition<Options>): StageDefinition<Options> {
  return definition;
}
