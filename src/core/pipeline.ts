import { createHash } from 'node:crypto';
import { existsSync, readFileSync } from 'node:fs';
import { dirname, join, resolve } from 'node:path';
import { findNodeAtLocation, parseTree, printParseErrorCode, type Node, type ParseError } from 'jsonc-parser';
import { z } from 'zod';
import { UsageError } from './errors.js';
import { packageRoot } from './package-root.js';
import { LineIndex } from './position.js';
import { findStage, stageRefs } from './registry.js';
import type { StageDefinition } from './stage.js';

/** One stage instance of a pipeline, validated and with its options' defaults filled in. */
export interface PipelineStep {
  /** Instance id; also the output file name `<id>.jsonl`. */
  id: string;
  stage: StageDefinition<any>;
  options: unknown;
  /** For each layer type the stage requires, the id of the earlier instance that provides it. */
  inputs: Record<string, string>;
}

export interface Pipeline {
  /** Path as given (for messages). */
  file: string;
  name: string;
  /** sha256 of the pipeline file bytes, hex. */
  sha256: string;
  /** The file's text as read, so worker threads compile exactly the pipeline the run checked. */
  source: string;
  steps: PipelineStep[];
  /** Folder relative paths in stage options are resolved against. */
  baseDir: string;
}

const ID_PATTERN = /^[a-z][a-z0-9_-]*$/;

const stepShape = z.strictObject({
  id: z.string().regex(ID_PATTERN, 'an id of lowercase letters, digits, "-" or "_", starting with a letter'),
  stage: z.string(),
  options: z.record(z.string(), z.unknown()).optional(),
  disabled: z.boolean().optional(),
});

const fileShape = z.strictObject({
  $schema: z.string().optional(),
  name: z.string().optional(),
  description: z.string().optional(),
  stages: z.array(z.unknown()).min(1, 'at least one stage'),
});

/** The pipeline commands use when none is named. */
export const DEFAULT_PIPELINE = 'pipelines/default.json';

/**
 * The default pipeline is ./pipelines/default.json when the working folder has one (a project
 * with its own pipelines), else the one shipped with annotate, so the command works in any folder.
 */
function pipelineFile(file: string): string {
  return file === DEFAULT_PIPELINE && !existsSync(file) ? join(packageRoot(), DEFAULT_PIPELINE) : file;
}

/** Reads, parses and checks a pipeline file; every problem is a UsageError naming file:line:col. */
export function loadPipeline(name: string): Pipeline {
  const file = pipelineFile(name);
  let source: string;
  try {
    source = readFileSync(file, 'utf8');
  } catch (error) {
    throw new UsageError(`${file}: cannot read the pipeline file (${(error as NodeJS.ErrnoException).code ?? (error as Error).message}); pass an existing file with --pipeline`);
  }
  const pipeline = parsePipeline(source, file);
  // Relative paths in options are relative to the project root: the folder above pipelines/.
  const baseDir = resolve(dirname(resolve(file)), '..');
  return { ...pipeline, baseDir };
}

export function parsePipeline(source: string, file: string): Omit<Pipeline, 'baseDir'> {
  const lines = new LineIndex(source);
  const where = (offset: number) => {
    const { line, col } = lines.at(offset);
    return `${file}:${line}:${col}`;
  };
  const errors: ParseError[] = [];
  const root = parseTree(source, errors, { allowTrailingComma: false, disallowComments: false });
  if (errors.length > 0 || root === undefined) {
    const first = errors[0];
    const offset = first?.offset ?? 0;
    throw new UsageError(`${where(offset)}: invalid JSON (${first ? printParseErrorCode(first.error) : 'empty file'}); a pipeline file is a JSON object {"stages": [...]}`);
  }
  const value = nodeValue(root);
  const fileCheck = fileShape.safeParse(value);
  if (!fileCheck.success) {
    const issue = fileCheck.error.issues[0]!;
    throw new UsageError(`${where(offsetOf(root, issuePath(issue), issue.code === 'unrecognized_keys'))}: ${describeIssue(issue)}; a pipeline file is {"name": "...", "stages": [{"id": "...", "stage": "name@version", "options": {...}}]}`);
  }
  const steps: PipelineStep[] = [];
  const seen = new Set<string>();
  /** Latest enabled instance id producing each layer type so far. */
  const providers = new Map<string, string>();
  fileCheck.data.stages.forEach((raw, i) => {
    const stepNode = findNodeAtLocation(root, ['stages', i])!;
    const at = (path: PropertyKey[], atKey = false) => where(offsetOf(stepNode, path, atKey));
    const parsed = stepShape.safeParse(raw);
    if (!parsed.success) {
      const issue = parsed.error.issues[0]!;
      throw new UsageError(`${at(issuePath(issue), issue.code === 'unrecognized_keys')}: stage ${i + 1}: ${describeIssue(issue)}; allowed keys are id, stage, options, disabled`);
    }
    const step = parsed.data;
    if (seen.has(step.id)) {
      throw new UsageError(`${at(['id'])}: stage id "${step.id}" is used twice; each instance needs its own id (it names the output file <id>.jsonl)`);
    }
    seen.add(step.id);
    const stage = findStage(step.stage);
    if (!stage) {
      throw new UsageError(`${at(['stage'])}: unknown stage "${step.stage}"; available: ${stageRefs().join(', ')}`);
    }
    if (step.disabled) return;
    const options = stage.options.safeParse(step.options ?? {});
    if (!options.success) {
      const issue = options.error.issues[0]!;
      throw new UsageError(`${at(['options', ...issuePath(issue)], issue.code === 'unrecognized_keys')}: stage "${step.id}" (${stage.name}@${stage.version}): ${describeIssue(issue)}`);
    }
    const inputs: Record<string, string> = {};
    for (const layer of stage.requires) {
      const provider = providers.get(layer);
      if (!provider) {
        const offered = [...providers.keys()];
        throw new UsageError(`${at(['stage'])}: stage "${step.id}" (${stage.name}) needs the "${layer}" layer, but no earlier enabled stage produces it (earlier stages produce: ${offered.length ? offered.join(', ') : 'nothing'}); put a stage producing "${layer}" before it`);
      }
      inputs[layer] = provider;
    }
    providers.set(stage.produces, step.id);
    steps.push({ id: step.id, stage, options: options.data, inputs });
  });
  if (steps.length === 0) throw new UsageError(`${file}:1:1: every stage is disabled; enable at least one`);
  return {
    file,
    name: fileCheck.data.name ?? file.replace(/^.*[\\/]/, '').replace(/\.json$/, ''),
    sha256: createHash('sha256').update(source).digest('hex'),
    source,
    steps,
  };
}

function nodeValue(node: Node): unknown {
  switch (node.type) {
    case 'object':
      return Object.fromEntries((node.children ?? []).map((p) => [p.children![0]!.value as string, nodeValue(p.children![1]!)]));
    case 'array':
      return (node.children ?? []).map(nodeValue);
    default:
      return node.value;
  }
}

/** Offset of the deepest node along `path` that exists (an unknown key points at its property). */
function offsetOf(node: Node, path: readonly PropertyKey[], atKey = false): number {
  let current = node;
  for (const [i, key] of path.entries()) {
    if (typeof key === 'symbol') break;
    if (atKey && i === path.length - 1 && current.type === 'object' && typeof key === 'string') {
      // Point at the key itself ("stagez": …), not at its value.
      const prop = current.children?.find((p) => p.children?.[0]?.value === key);
      if (prop) return prop.offset;
    }
    const next = findNodeAtLocation(current, [key as string | number]);
    if (!next) {
      if (current.type === 'object' && typeof key === 'string') {
        const prop = current.children?.find((p) => p.children?.[0]?.value === key);
        if (prop) return prop.offset;
      }
      break;
    }
    current = next;
  }
  return current.offset;
}

/** Where an issue points; for unknown keys, at the first unknown key itself. */
function issuePath(issue: z.core.$ZodIssue): PropertyKey[] {
  return issue.code === 'unrecognized_keys' ? [...issue.path, issue.keys[0]!] : [...issue.path];
}

function describeIssue(issue: z.core.$ZodIssue): string {
  const path = issue.path.length ? `"${issue.path.join('.')}": ` : '';
  if (issue.code === 'unrecognized_keys') return `${path}unknown key${issue.keys.length > 1 ? 's' : ''} ${issue.keys.map((k) => `"${k}"`).join(', ')}`;
  if (issue.code === 'invalid_type') return `${path}expected ${issue.expected}`;
  if (issue.code === 'invalid_value') return `${path}${issue.message}`;
  return `${path}${issue.message}`;
}
