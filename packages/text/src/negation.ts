import { foldArabicScript, stripAccents } from '@passerelle/core';
import type { LanguageCode } from './lang';

/**
 * Negation scopes in free text: "no experience with welding", "pas de permis", "geen ervaring met
 * lassen", "keine Erfahrung", "sin experiencia", "لا أجيد السباقة", "بدون خبرة". A cue opens a scope
 * that runs to the end of the clause: a full stop, a semicolon or colon, a contrastive conjunction
 * ("but", "mais", "maar", "aber", "pero", "لكن"), or a comma that does not continue a list.
 */

const cues: Record<string, string[]> = {
  en: [
    'no',
    'not',
    'without',
    'never',
    'neither',
    'nor',
    'lack',
    'lacks',
    'lacking',
    'cannot',
    'cant',
    'dont',
    'doesnt',
    'didnt',
    'havent',
    'hasnt',
    'hadnt',
    'wont',
    'unable',
    'none',
  ],
  fr: ['pas', 'sans', 'aucun', 'aucune', 'jamais', 'ni', 'non', 'ne', 'manque'],
  nl: ['geen', 'niet', 'zonder', 'nooit', 'noch', 'gebrek'],
  de: ['kein', 'keine', 'keinen', 'keiner', 'keinem', 'nicht', 'ohne', 'nie', 'niemals', 'weder'],
  es: ['no', 'sin', 'nunca', 'ningun', 'ninguna', 'ninguno', 'ni', 'jamas'],
  it: ['non', 'senza', 'mai', 'nessun', 'nessuna', 'nessuno', 'ne'],
  pt: ['nao', 'sem', 'nunca', 'nenhum', 'nenhuma', 'nem'],
  ar: ['لا', 'بدون', 'ليس', 'ليست', 'لست', 'لم', 'لن', 'غير', 'دون', 'بلا', 'ما'],
};
const contrast: Record<string, string[]> = {
  en: ['but', 'however', 'although', 'though', 'yet', 'except'],
  fr: ['mais', 'cependant', 'pourtant', 'toutefois', 'sauf'],
  nl: ['maar', 'echter', 'behalve', 'wel'],
  de: ['aber', 'jedoch', 'sondern', 'doch', 'außer', 'ausser'],
  es: ['pero', 'sino', 'aunque', 'excepto'],
  it: ['ma', 'però', 'tuttavia', 'tranne'],
  pt: ['mas', 'porem', 'contudo', 'exceto'],
  ar: ['لكن', 'لكن', 'ولكن', 'بل', 'الا', 'إلا'],
};
const listJoiners = new Set([
  'or',
  'and',
  'nor',
  'ou',
  'et',
  'ni',
  'of',
  'en',
  'noch',
  'oder',
  'und',
  'weder',
  'o',
  'y',
  'e',
  'ou',
  'او',
  'و',
]);

const ascii = /^[ -~]*$/; // printable ASCII

function fold(word: string): string {
  // Most words are plain ASCII: skip the Unicode normalisations.
  if (ascii.test(word)) return word.toLowerCase().replace(/'/g, '');
  return stripAccents(foldArabicScript(word.toLocaleLowerCase('und'))).replace(/['’]/g, '');
}
const cueSets = new Map(Object.entries(cues).map(([l, ws]) => [l, new Set(ws.map(fold))]));
const contrastSets = new Map(Object.entries(contrast).map(([l, ws]) => [l, new Set(ws.map(fold))]));
const allCues = new Set([...cueSets.values()].flatMap((s) => [...s]));
const allContrast = new Set([...contrastSets.values()].flatMap((s) => [...s]));

/** A piece of the text: a word (with its folded form) or a punctuation mark. */
interface Piece {
  start: number;
  end: number;
  folded: string;
  kind: 'word' | 'comma' | 'stop';
}

function pieces(text: string): Piece[] {
  const out: Piece[] = [];
  // Words keep inner apostrophes so that "don't" and "can't" stay one token.
  const re = /([\p{L}\p{N}\p{M}]+(?:['’][\p{L}]+)?)|(,)|([.;:!?؛،\n])/gu;
  for (let m = re.exec(text); m; m = re.exec(text)) {
    const kind = m[1] !== undefined ? 'word' : m[2] !== undefined ? 'comma' : m[3] === '،' ? 'comma' : 'stop';
    out.push({
      start: m.index,
      end: m.index + m[0].length,
      folded: kind === 'word' ? fold(m[0]) : m[0],
      kind,
    });
  }
  return out;
}

// A quick test before the full scan: most texts hold no negation cue at all.
const anyCue = new RegExp(
  `(?:^|[^\\p{L}])(?:${[...new Set(Object.values(cues).flat())].sort((a, b) => b.length - a.length).join('|')}|n['’]|\\p{L}+n['’]t)(?:[^\\p{L}]|$)`,
  'iu',
);

/** Character ranges [start, end) of the text that are negated. */
export function negationScopes(text: string, lang?: LanguageCode): [number, number][] {
  if (!anyCue.test(ascii.test(text) ? text : stripAccents(text))) return [];
  const cueSet = (lang && cueSets.get(lang)) || allCues;
  const contrastSet = (lang && contrastSets.get(lang)) || allContrast;
  const ps = pieces(text);
  const scopes: [number, number][] = [];
  let i = 0;
  while (i < ps.length) {
    const p = ps[i] as Piece;
    // French "n'" and Arabic prefixed forms: the word itself starts with the cue.
    const isCue =
      p.kind === 'word' &&
      (cueSet.has(p.folded) || (lang === 'fr' && /^n['’]/i.test(text.slice(p.start, p.end))));
    if (!isCue) {
      i++;
      continue;
    }
    let j = i + 1;
    let end = p.end;
    for (; j < ps.length; j++) {
      const q = ps[j] as Piece;
      if (q.kind === 'stop') break;
      if (q.kind === 'word' && contrastSet.has(q.folded)) break;
      if (q.kind === 'comma') {
        // A comma continues the scope only inside a list that a joiner closes before the clause ends.
        let k = j + 1;
        let words = 0;
        let continues = false;
        for (; k < ps.length; k++) {
          const r = ps[k] as Piece;
          if (r.kind !== 'word') break;
          if (listJoiners.has(r.folded)) {
            continues = true;
            break;
          }
          if (++words > 3) break;
        }
        if (!continues && !(ps[k] && (ps[k] as Piece).kind === 'comma' && words <= 3)) break;
        continue;
      }
      end = q.end;
    }
    scopes.push([p.start, end]);
    i = j;
  }
  return scopes;
}

/** True when the range [start, end) lies inside a negation scope. */
export function isNegated(scopes: readonly [number, number][], start: number, end: number): boolean {
  return scopes.some(([s, e]) => start >= s && end <= e);
}
