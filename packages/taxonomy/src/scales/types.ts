import type { Locale } from '@passerelle/core';

/** A text in every interface language (en, fr, nl, ar, ckb). */
export type Localized = Record<Locale, string>;

/** One value of a reference scale, with its label in every interface language. */
export interface ScaleItem {
  code: string;
  label: Localized;
  /** Group of the item (a CEFR band, a DigComp area, a DigComp proficiency band...). */
  group?: string;
}

export interface ReferenceScale {
  id: string;
  name: Localized;
  /** Where the codes and labels come from, and which translations the team made. */
  source: string;
  items: ScaleItem[];
  /** Sub-lists: CEFR skills, DigComp areas and levels, proficiency bands. */
  parts?: Record<string, ScaleItem[]>;
}

/** A scale rendered in one language. */
export interface LocalizedScale {
  id: string;
  name: string;
  source: string;
  items: { code: string; label: string; group?: string }[];
  parts?: Record<string, { code: string; label: string; group?: string }[]>;
}
