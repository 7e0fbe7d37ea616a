import { styleText } from 'node:util';
import type { Io } from '../../io.js';

export type Format = Exclude<Parameters<typeof styleText>[0], readonly unknown[]>;

/**
 * Colour only on a terminal, never when NO_COLOR is set (no-color.org: any non-empty value)
 * or TERM is dumb; FORCE_COLOR turns it on for pagers such as `less -R`.
 */
export function colourEnabled(io: Io): boolean {
  if (io.env.NO_COLOR) return false;
  if (io.env.FORCE_COLOR && io.env.FORCE_COLOR !== '0') return true;
  return io.stdout.isTTY === true && io.env.TERM !== 'dumb';
}

/** Applies formats, or returns the text as is when colour is off. */
export type Paint = (formats: readonly Format[], text: string) => string;

export function painter(colour: boolean): Paint {
  // validateStream: false — the decision was made above from the injected Io; styleText's own
  // check looks at process.stdout, which is not where in-process tests write.
  return colour ? (formats, text) => (formats.length && text ? styleText([...formats], text, { validateStream: false }) : text) : (_formats, text) => text;
}

/** Terminal styles of the entity labels: bold and one colour each. */
export const ENTITY_FORMATS: Record<string, Format[]> = {
  PERSON: ['bold', 'cyan'],
  ORG: ['bold', 'yellow'],
  COUNTRY: ['bold', 'green'],
  LOCATION: ['bold', 'blueBright'],
  NORP: ['bold', 'magenta'],
};
export const entityFormats = (label: string): Format[] => ENTITY_FORMATS[label] ?? ['bold'];

/** Claim sentences are underlined; their key (U1, S1, N1) has the label's colour. */
export const CLAIM_FORMATS: Record<string, Format[]> = {
  unsourced_claim: ['bold', 'red'],
  sourced_claim: ['bold', 'green'],
  not_claim: ['dim'],
};
export const claimFormats = (label: string): Format[] => CLAIM_FORMATS[label] ?? ['bold'];
