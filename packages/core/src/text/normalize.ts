/**
 * Text normalisation shared by concept search, text understanding and duplicate detection:
 * case- and accent-insensitive for Latin scripts, and the usual Arabic-script folding
 * (alef and hamza forms, ya/alef maqsura, ta marbuta, diacritics, tatweel, Persian/Kurdish letters).
 */

const arabicFolds: Record<string, string> = {
  أ: 'ا',
  إ: 'ا',
  آ: 'ا',
  ٱ: 'ا',
  ٲ: 'ا',
  ٳ: 'ا',
  ى: 'ي',
  ی: 'ي', // Persian/Kurdish yeh
  ې: 'ي',
  ێ: 'ي', // Kurdish yeh with small v
  ئ: 'ي',
  ؤ: 'و',
  ة: 'ه',
  ە: 'ه', // Kurdish ae
  ک: 'ك', // keheh
  ڪ: 'ك',
  گ: 'ك',
  '٠': '0',
  '١': '1',
  '٢': '2',
  '٣': '3',
  '٤': '4',
  '٥': '5',
  '٦': '6',
  '٧': '7',
  '٨': '8',
  '٩': '9',
  '۰': '0',
  '۱': '1',
  '۲': '2',
  '۳': '3',
  '۴': '4',
  '۵': '5',
  '۶': '6',
  '۷': '7',
  '۸': '8',
  '۹': '9',
};

const arabicFoldPattern = new RegExp(`[${Object.keys(arabicFolds).join('')}]`, 'g');
// Harakat, superscript alef, Quranic marks and tatweel.
const arabicMarks = /[\u0610-\u061A\u064B-\u065F\u0670\u06D6-\u06ED\u0640]/g;
// Combining marks left after NFD (Latin accents and the like).
const combiningMarks = /\p{M}/gu;

/** Folds Arabic-script variants to one form and removes diacritics and tatweel. */
export function foldArabicScript(text: string): string {
  return text.replace(arabicMarks, '').replace(arabicFoldPattern, (ch) => arabicFolds[ch] ?? ch);
}

/** Removes accents from Latin (and other) scripts, keeping base letters: "é" → "e", "ß" → "ss". */
export function stripAccents(text: string): string {
  return text
    .normalize('NFD')
    .replace(combiningMarks, '')
    .replace(/ß/g, 'ss')
    .replace(/æ/g, 'ae')
    .replace(/œ/g, 'oe')
    .replace(/ø/g, 'o')
    .replace(/ł/g, 'l')
    .replace(/đ/g, 'd')
    .normalize('NFC');
}

/**
 * The search form of a text: lower case, no accents, Arabic script folded, punctuation as spaces,
 * single spaces. Letters and digits of every script are kept.
 */
export function normalizeForSearch(text: string): string {
  // Arabic folding first: NFD would split hamza forms (أ → ا + combining hamza).
  const folded = foldArabicScript(text.normalize('NFC'));
  return stripAccents(folded.toLocaleLowerCase('und'))
    .replace(/[^\p{L}\p{N}]+/gu, ' ')
    .trim();
}

/** Splits a text into normalised word tokens. */
export function tokenize(text: string): string[] {
  const n = normalizeForSearch(text);
  return n === '' ? [] : n.split(' ');
}
