import { z } from 'zod';

export const LABELS = ['PERSON', 'COUNTRY', 'ORG', 'LOCATION', 'NORP'] as const;
export type Label = (typeof LABELS)[number];

const alias = z
  .string()
  .min(1, 'an alias must not be empty')
  .refine((s) => s === s.trim(), 'an alias must not start or end with spaces')
  .refine((s) => !/\s{2,}|[\t\r\n]/.test(s), 'an alias must use single spaces between words');

/**
 * One gazetteer entry: one real-world entity. Every name it can be mentioned by is matched
 * and resolved to its `id`. The schema is strict so a misspelt key is an error, not ignored.
 */
export const entrySchema = z.strictObject({
  /** Stable id, lowercase words joined by "-" or "." (e.g. "mustafa-al-kadhimi", "iraq"). */
  id: z.string().regex(/^[a-z0-9]+(?:[-.][a-z0-9]+)*$/, 'ids are lowercase letters and digits joined by "-" or "." (e.g. "mustafa-al-kadhimi")'),
  label: z.enum(LABELS),
  /** Canonical name; matched like an alias. */
  name: alias,
  /** Other names, matched ignoring case and accents. */
  aliases: z.array(alias).optional(),
  /**
   * Names matched only with exactly this capitalisation (short or ambiguous ones: "IS", "US",
   * "AP"). Listing the canonical name here makes the name itself case-sensitive.
   */
  cased: z.array(alias).optional(),
  /** Misspellings and non-standard spellings ("Bagdad", "Turley"); matched ignoring case, reported as source "variant". */
  variants: z.array(alias).optional(),
  /** Demonyms of a country or place ("Iraqi", "Iraqis"); matched ignoring case, labelled NORP, same id. */
  demonyms: z.array(alias).optional(),
  /** Free text for people reading the file (role, years). */
  note: z.string().optional(),
});

export type Entry = z.infer<typeof entrySchema>;

/** Where an entry was read from (for provenance on records and for error messages). */
export interface SourcedEntry extends Entry {
  file: string;
  line: number;
}
