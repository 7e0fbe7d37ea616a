import type { StageDefinition } from './stage.js';
import { segmentStage } from '../stages/segment/index.js';
import { tokenizeStage } from '../stages/tokenize/index.js';
import { entitiesStage } from '../stages/entities/index.js';
import { claimsStage } from '../stages/claims/index.js';

/** Every stage the pipeline files can name, by `name` (the latest version) and `name@version`. */
const STAGES: readonly StageDefinition<any>[] = [segmentStage, tokenizeStage, entitiesStage, claimsStage];

export function allStages(): readonly StageDefinition<any>[] {
  return STAGES;
}

export function stageRefs(): string[] {
  return STAGES.map((s) => `${s.name}@${s.version}`);
}

/** Finds `name` or `name@version`; undefined when there is no such stage. */
export function findStage(ref: string): StageDefinition<any> | undefined {
  const [name, version] = ref.split('@');
  const candidates = STAGES.filter((s) => s.name === name);
  if (version === undefined) return candidates.sort((a, b) => b.version - a.version)[0];
  return candidates.find((s) => String(s.version) === version);
}
