export const RULE_IDS = [
  'placeholder',
  'missing-number',
  'numbering-gap',
  'mixed-numbering',
  'halfwidth-punctuation',
  'duplicate-sentence',
  'mixed-script',
  'date-format',
  'year-mismatch'
] as const
export type RuleId = (typeof RULE_IDS)[number]

/**
 * Where a finding sits in the report model, precise enough for the editor to select it.
 * sectionId null means outside the sections: part 'title' is the report title and a
 * number is a preamble block. With a sectionId, 'title' is the section heading and a
 * number indexes the section's blocks; 'signature-unit' and 'signature-date' are the lines of
 * the signature block (落款). start/end are UTF-16 offsets in that text.
 */
export type AnchorPart = 'title' | number | SignaturePart
export type SignaturePart = 'signature-unit' | 'signature-date'

export interface Anchor {
  sectionId: string | null
  part: AnchorPart
  start: number
  end: number
}

export interface Fix {
  label: string
  /** Replaces the anchor's range. */
  replacement: string
}

export interface Finding {
  rule: RuleId
  message: string
  /** Section path by computed markers with titles, e.g. ["二、主要做法", "（一）加强领导"]. */
  path: string[]
  excerpt: string
  anchor: Anchor
  fix?: Fix
}
