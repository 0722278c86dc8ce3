import { stripAccents } from './normalize';

/**
 * Names across scripts, for duplicate detection and name search: a simple romanisation of Arabic
 * script (Arabic, Persian and Sorani letters), Cyrillic (including Mongolian) and Georgian, and a
 * phonetic key that makes the usual spellings of one name equal: "محمد", "Mohamed", "Mohammed"
 * and "Muhammad" all give `mhmd`.
 *
 * Not a scholarly transliteration: short vowels are not written in Arabic script, so the key keeps
 * consonants only; vowels matter only at the start of a name.
 */

const arabicToLatin: Record<string, string> = {
  ا: 'a',
  أ: 'a',
  إ: 'a',
  آ: 'a',
  ٱ: 'a',
  ء: '',
  ؤ: '',
  ئ: '',
  ب: 'b',
  پ: 'p',
  ت: 't',
  ث: 'th',
  ج: 'j',
  چ: 'ch',
  ح: 'h',
  خ: 'kh',
  د: 'd',
  ذ: 'dh',
  ر: 'r',
  ڕ: 'r',
  ز: 'z',
  ژ: 'zh',
  س: 's',
  ش: 'sh',
  ص: 's',
  ض: 'd',
  ط: 't',
  ظ: 'z',
  // Ain at the start of a name is written as a vowel in Latin (Ali, Omar, Abdallah).
  ع: 'a',
  غ: 'gh',
  ف: 'f',
  ڤ: 'v',
  ق: 'q',
  ك: 'k',
  ک: 'k',
  گ: 'g',
  ل: 'l',
  ڵ: 'l',
  م: 'm',
  ن: 'n',
  ه: 'h',
  ھ: 'h',
  // Ta marbuta and the Kurdish ae are vowels: Fatima, Rebwar.
  ة: 'a',
  ە: 'e',
  و: 'w',
  ۆ: 'o',
  ۇ: 'u',
  ي: 'y',
  ی: 'y',
  ى: 'a',
  ێ: 'e',
  ې: 'e',
};

const cyrillicToLatin: Record<string, string> = {
  а: 'a',
  б: 'b',
  в: 'v',
  г: 'g',
  д: 'd',
  е: 'e',
  ё: 'yo',
  ж: 'zh',
  з: 'z',
  и: 'i',
  й: 'y',
  к: 'k',
  л: 'l',
  м: 'm',
  н: 'n',
  о: 'o',
  ө: 'o',
  п: 'p',
  р: 'r',
  с: 's',
  т: 't',
  у: 'u',
  ү: 'u',
  ф: 'f',
  х: 'kh',
  ц: 'ts',
  ч: 'ch',
  ш: 'sh',
  щ: 'shch',
  ъ: '',
  ы: 'y',
  ь: '',
  э: 'e',
  ю: 'yu',
  я: 'ya',
};

const georgianToLatin: Record<string, string> = {
  ა: 'a',
  ბ: 'b',
  გ: 'g',
  დ: 'd',
  ე: 'e',
  ვ: 'v',
  ზ: 'z',
  თ: 't',
  ი: 'i',
  კ: 'k',
  ლ: 'l',
  მ: 'm',
  ნ: 'n',
  ო: 'o',
  პ: 'p',
  ჟ: 'zh',
  რ: 'r',
  ს: 's',
  ტ: 't',
  უ: 'u',
  ფ: 'p',
  ქ: 'k',
  ღ: 'gh',
  ყ: 'q',
  შ: 'sh',
  ჩ: 'ch',
  ც: 'ts',
  ძ: 'dz',
  წ: 'ts',
  ჭ: 'ch',
  ხ: 'kh',
  ჯ: 'j',
  ჰ: 'h',
};

const latinOf: Record<string, string> = { ...arabicToLatin, ...cyrillicToLatin, ...georgianToLatin };

// Harakat, superscript alef, Quranic marks and tatweel: not letters.
const arabicMarks = /[\u0610-\u061A\u064B-\u065F\u0670\u06D6-\u06ED\u0640]/g;

/** Romanises Arabic-script, Cyrillic and Georgian letters; Latin text only loses its accents. Lower case. */
export function romanize(text: string): string {
  const lower = text.normalize('NFC').replace(arabicMarks, '').toLocaleLowerCase('und');
  let out = '';
  for (const ch of lower) out += latinOf[ch] ?? ch;
  return stripAccents(out);
}

const vowels = new Set(['a', 'e', 'i', 'o', 'u']);

/**
 * The phonetic key of one romanised name token: digraphs folded (sh/ch → x, kh → k, th → t...),
 * c and q → k, a leading vowel → `a`, later vowels and the glides w/y dropped, doubled letters
 * collapsed, a final h dropped (Fatimah = Fatima).
 */
export function phoneticKey(token: string): string {
  let t = stripAccents(token.toLowerCase()).replace(/[^a-z]/g, '');
  if (t === '') return '';
  t = t
    .replace(/x/g, 'ks')
    .replace(/tch|tsch|sch|sh|ch/g, 'x')
    .replace(/kh/g, 'k')
    .replace(/gh/g, 'g')
    .replace(/th/g, 't')
    .replace(/dh/g, 'd')
    .replace(/ph/g, 'f')
    .replace(/dj|dzh|zh/g, 'j')
    .replace(/ck/g, 'k')
    .replace(/[cq]/g, 'k');
  const first = t[0]!;
  let key = vowels.has(first) ? 'a' : first;
  for (const ch of t.slice(1)) {
    if (vowels.has(ch) || ch === 'y' || ch === 'w') continue;
    if (key[key.length - 1] !== ch) key += ch;
  }
  if (key.length > 2 && key.endsWith('h')) key = key.slice(0, -1);
  return key;
}

/** Name particles that are dropped when they stand alone (the article of "Al-Hassan"). */
const articles = new Set(['al', 'el', 'ul']);
/** "Abd" names are one name however they are spaced: "Abd al-Rahman" = "Abdulrahman" = "عبد الرحمن". */
const abdPrefixes = new Set(['abd', 'abdul', 'abdel', 'abdal', 'abdoul', 'abdou', 'abdu']);

/**
 * The romanised tokens of a name, with the spacing of compound names and the article made
 * uniform: "Mohamed Al-Hassan" and "محمد الحسن" both give ["mohamed", "hassan"]-like tokens.
 */
export function nameTokens(name: string): string[] {
  const raw = romanize(name)
    .replace(/[^\p{L}\p{N}]+/gu, ' ')
    .trim()
    .split(' ')
    .filter(Boolean);
  const merged: string[] = [];
  for (let i = 0; i < raw.length; i++) {
    let t = raw[i]!;
    if (abdPrefixes.has(t) && i + 1 < raw.length) {
      // abd + rahman, or abd + al + rahman.
      t += raw[++i]!;
      if (articles.has(raw[i]!) && i + 1 < raw.length) t += raw[++i]!;
      merged.push(t);
      continue;
    }
    if (articles.has(t)) continue;
    // A joined article: "alhassan", "الحسن" → "hassan"/"hsn"; kept when too little would remain.
    const joined = /^(al|el)(.+)$/.exec(t);
    if (joined && !abdPrefixes.has(t) && joined[2]!.length >= 3 && !vowels.has(joined[2]![0]!))
      t = joined[2]!;
    merged.push(t);
  }
  return merged;
}

/** The phonetic keys of a name's tokens (empty keys removed). */
export function nameKeys(name: string): string[] {
  return nameTokens(name)
    .map(phoneticKey)
    .filter((k) => k !== '');
}

/** Jaro-Winkler similarity of two strings, 0 (nothing in common) to 1 (equal). */
export function jaroWinkler(a: string, b: string): number {
  if (a === b) return 1;
  if (a === '' || b === '') return 0;
  const range = Math.max(0, Math.floor(Math.max(a.length, b.length) / 2) - 1);
  const aMatched = new Array<boolean>(a.length).fill(false);
  const bMatched = new Array<boolean>(b.length).fill(false);
  let matches = 0;
  for (let i = 0; i < a.length; i++) {
    const lo = Math.max(0, i - range);
    const hi = Math.min(b.length - 1, i + range);
    for (let j = lo; j <= hi; j++) {
      if (bMatched[j] || a[i] !== b[j]) continue;
      aMatched[i] = true;
      bMatched[j] = true;
      matches++;
      break;
    }
  }
  if (matches === 0) return 0;
  let transpositions = 0;
  let k = 0;
  for (let i = 0; i < a.length; i++) {
    if (!aMatched[i]) continue;
    while (!bMatched[k]) k++;
    if (a[i] !== b[k]) transpositions++;
    k++;
  }
  const m = matches;
  const jaro = (m / a.length + m / b.length + (m - transpositions / 2) / m) / 3;
  let prefix = 0;
  while (prefix < 4 && prefix < a.length && prefix < b.length && a[prefix] === b[prefix]) prefix++;
  return jaro + prefix * 0.1 * (1 - jaro);
}
