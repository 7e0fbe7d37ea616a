import { describe, expect, it } from 'vitest';
import { UsageError } from '../../src/core/errors.js';
import { parsePipeline } from '../../src/core/pipeline.js';

const parse = (source: string) => parsePipeline(source, 'pipelines/x.json');

describe('pipeline files', () => {
  it('wires each requirement to the latest earlier producer and fills option defaults', () => {
    const p = parse('{"stages":[{"id":"seg","stage":"segment"},{"id":"tok","stage":"tokenize@1"}]}');
    expect(p.steps.map((s) => s.id)).toEqual(['seg', 'tok']);
    expect(p.steps[1]!.inputs).toEqual({ segment: 'seg' });
    expect(p.steps[1]!.options).toMatchObject({ sentenceBreaks: 'line' });
    expect(p.name).toBe('x');
  });

  it('skips disabled stages', () => {
    const p = parse('{"stages":[{"id":"segment","stage":"segment"},{"id":"tokenize","stage":"tokenize","disabled":true}]}');
    expect(p.steps.map((s) => s.id)).toEqual(['segment']);
  });

  it.each([
    ['invalid JSON', '{"stages": [}', /^pipelines\/x\.json:1:13: invalid JSON/],
    ['no stages key', '{"name": "x"}', /pipelines\/x\.json:1:1: .*"stages"/],
    ['unknown top-level key', '{"stages":[{"id":"a","stage":"segment"}],\n "stagez": []}', /pipelines\/x\.json:2:2: unknown key "stagez"/],
    ['unknown stage', '{"stages":[\n  {"id":"a","stage":"sgement"}]}', /pipelines\/x\.json:2:21: unknown stage "sgement"; available: segment@1, tokenize@1/],
    ['unknown version', '{"stages":[{"id":"a","stage":"segment@9"}]}', /unknown stage "segment@9"/],
    ['bad option value', '{"stages":[{"id":"s","stage":"segment"},\n{"id":"t","stage":"tokenize","options":{"sentenceBreaks":"word"}}]}', /pipelines\/x\.json:2:58: stage "t" \(tokenize@1\): "sentenceBreaks": .*"line"\|"paragraph"/],
    ['unknown option', '{"stages":[{"id":"s","stage":"segment","options":{"fast":true}}]}', /stage "s" \(segment@1\): unknown key "fast"/],
    ['missing input layer', '{"stages":[{"id":"t","stage":"tokenize"}]}', /pipelines\/x\.json:1:30: stage "t" \(tokenize\) needs the "segment" layer, but no earlier enabled stage produces it/],
    ['input produced only by a disabled stage', '{"stages":[{"id":"s","stage":"segment","disabled":true},{"id":"t","stage":"tokenize"}]}', /needs the "segment" layer/],
    ['duplicate id', '{"stages":[{"id":"s","stage":"segment"},{"id":"s","stage":"segment"}]}', /stage id "s" is used twice/],
    ['bad id', '{"stages":[{"id":"Seg ment","stage":"segment"}]}', /"id": an id of lowercase letters/],
    ['unknown step key', '{"stages":[{"id":"s","stage":"segment","option":{}}]}', /unknown key "option"; allowed keys are id, stage, options, disabled/],
    ['empty stage list', '{"stages":[]}', /at least one stage/],
  ])('rejects %s with file:line:col and what is allowed', (_name, source, message) => {
    expect(() => parse(source)).toThrow(UsageError);
    expect(() => parse(source)).toThrow(message);
  });
});
