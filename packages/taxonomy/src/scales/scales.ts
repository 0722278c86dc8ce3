import { locales, type Locale } from '@passerelle/core';
import { cefr } from './cefr';
import { digcomp } from './digcomp';
import { isced } from './isced';
import { iscoMajorGroups } from './isco-major-groups';
import { countries, languages } from './names';
import type { LocalizedScale, ReferenceScale, ScaleItem } from './types';

export const scaleIds = ['cefr', 'isced', 'digcomp', 'isco_major_groups', 'countries', 'languages'] as const;
export type ScaleId = (typeof scaleIds)[number];

/** A reference scale with labels in every interface language. */
export function referenceScale(id: ScaleId): ReferenceScale {
  switch (id) {
    case 'cefr':
      return cefr;
    case 'isced':
      return isced;
    case 'digcomp':
      return digcomp;
    case 'isco_major_groups':
      return iscoMajorGroups;
    case 'countries':
      return countries();
    case 'languages':
      return languages();
  }
}

/** Picks an interface locale for a language tag ("fr-BE" → fr; unknown → en). */
export function scaleLocale(lang: string | undefined): Locale {
  const base = (lang ?? 'en').toLowerCase().split('-')[0] ?? 'en';
  return (locales as readonly string[]).includes(base) ? (base as Locale) : 'en';
}

const pick = (items: ScaleItem[], locale: Locale) =>
  items.map((i) => ({ code: i.code, label: i.label[locale], ...(i.group ? { group: i.group } : {}) }));

/** A reference scale in one interface language. */
export function localizedScale(id: ScaleId, lang?: string): LocalizedScale {
  const scale = referenceScale(id);
  const locale = scaleLocale(lang);
  return {
    id: scale.id,
    name: scale.name[locale],
    source: scale.source,
    items: pick(scale.items, locale),
    ...(scale.parts
      ? { parts: Object.fromEntries(Object.entries(scale.parts).map(([k, v]) => [k, pick(v, locale)])) }
      : {}),
  };
}
