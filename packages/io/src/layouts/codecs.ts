/**
 * How one cell of our column layout becomes a value of a record field, and back. Every codec is a
 * pair (parse, format) such that `parse(format(v))` gives `v` again for the values the record
 * schemas allow; that is what makes exports round-trip.
 */

export type ParseResult = { ok: true; value: unknown } | { ok: false; code: string; message: string };

export interface Codec {
  /** A short description of the cell syntax, for docs/import-format.md and error messages. */
  syntax: string;
  parse(text: string): ParseResult;
  /** Formats a value for a cell; '' for null or absent. */
  format(value: unknown): string;
}

const ok = (value: unknown): ParseResult => ({ ok: true, value });
const fail = (code: string, message: string): ParseResult => ({ ok: false, code, message });

/** Splits a list cell on `;` (a literal `;` is written `\;`, a backslash `\\`). */
export function splitList(text: string): string[] {
  if (!text.includes('\\')) {
    return text
      .split(';')
      .map((s) => s.trim())
      .filter((s) => s.length > 0);
  }
  const items: string[] = [];
  let current = '';
  for (let i = 0; i < text.length; i++) {
    const ch = text[i]!;
    if (ch === '\\' && i + 1 < text.length && (text[i + 1] === ';' || text[i + 1] === '\\')) {
      current += text[i + 1];
      i++;
    } else if (ch === ';') {
      items.push(current);
      current = '';
    } else current += ch;
  }
  items.push(current);
  return items.map((s) => s.trim()).filter((s) => s.length > 0);
}

/** Joins list items with `; `, escaping `;` and backslashes inside items. */
export function joinList(items: string[]): string {
  return items.map((s) => s.replace(/\\/g, '\\\\').replace(/;/g, '\\;')).join('; ');
}

export const text: Codec = {
  syntax: 'text',
  parse: (t) => ok(t),
  format: (v) => (v == null ? '' : String(v)),
};

export const date: Codec = {
  syntax: 'date YYYY-MM-DD',
  parse: (t) => ok(t),
  format: (v) => (v == null ? '' : String(v)),
};

export const number: Codec = {
  syntax: 'number (a dot for decimals)',
  parse(t) {
    const n = Number(t.replace(/\s/g, ''));
    return Number.isFinite(n) ? ok(n) : fail('invalid_number', `"${t}" is not a number`);
  },
  format: (v) => (v == null ? '' : String(v)),
};

export const integer: Codec = {
  syntax: 'whole number',
  parse(t) {
    const n = Number(t.replace(/\s/g, ''));
    return Number.isInteger(n) ? ok(n) : fail('invalid_integer', `"${t}" is not a whole number`);
  },
  format: (v) => (v == null ? '' : String(v)),
};

const truthy = new Set(['true', 'yes', 'y', '1', 'oui', 'ja', 'si', 'sí', 'x']);
const falsy = new Set(['false', 'no', 'n', '0', 'non', 'nee', 'nein']);

export const boolean: Codec = {
  syntax: 'true or false (also yes/no, 1/0)',
  parse(t) {
    const k = t.trim().toLowerCase();
    if (truthy.has(k)) return ok(true);
    if (falsy.has(k)) return ok(false);
    return fail('invalid_boolean', `"${t}" is not true or false`);
  },
  format: (v) => (v == null ? '' : v ? 'true' : 'false'),
};

/** A list of plain values (`B; C1E`, `IQ; TR`). */
export const list: Codec = {
  syntax: 'list separated by ;',
  parse: (t) => ok(splitList(t)),
  format: (v) => (Array.isArray(v) && v.length > 0 ? joinList(v.map(String)) : ''),
};

/** Any JSON value, for the nested parts of a record that have no flat form. */
export const json: Codec = {
  syntax: 'JSON',
  parse(t) {
    try {
      return ok(JSON.parse(t));
    } catch {
      return fail('invalid_json', 'is not valid JSON');
    }
  },
  format: (v) => (v == null || (Array.isArray(v) && v.length === 0) ? '' : JSON.stringify(v)),
};

/**
 * Coded concepts: `label <uri>` items separated by `;`. `<uri>` alone or a label alone are fine
 * (the taxonomy code sits beside the free text, either may be missing).
 */
export const codedList: Codec = {
  syntax: 'list of "label <uri>" separated by ;',
  parse(t) {
    const items = splitList(t).map((item) => {
      const m = /^(.*?)\s*<([^<>\s]+)>$/.exec(item);
      if (!m) return { label: item };
      const label = m[1]!.trim();
      return label ? { uri: m[2], label } : { uri: m[2] };
    });
    return ok(items);
  },
  format(v) {
    if (!Array.isArray(v) || v.length === 0) return '';
    return joinList(
      (v as { uri?: string | null; label?: string | null }[]).map((c) =>
        c.uri ? (c.label ? `${c.label} <${c.uri}>` : `<${c.uri}>`) : (c.label ?? ''),
      ),
    );
  },
};

/**
 * Languages with a level: `fr:B2; en` → `[{language: 'fr', <key>: 'B2'}, {language: 'en'}]`.
 * `key` is the level field of the record (`level` for wishes, `minLevel` for requirements).
 */
export function languageLevels(key: string, levelRequired = false): Codec {
  return {
    syntax: levelRequired
      ? 'list of "language:LEVEL" (fr:B1; en:A2)'
      : 'list of "language" or "language:LEVEL"',
    parse(t) {
      return ok(
        splitList(t).map((item) => {
          const [code = '', level] = item.split(':').map((s) => s.trim());
          const language = code.toLowerCase();
          return level ? { language, [key]: level.toUpperCase() } : { language };
        }),
      );
    },
    format(v) {
      if (!Array.isArray(v) || v.length === 0) return '';
      return joinList(
        (v as Record<string, unknown>[]).map((l) =>
          l[key] ? `${String(l.language)}:${String(l[key])}` : String(l.language),
        ),
      );
    },
  };
}

/** Contacts of an organisation: `name | role | phone | email` items separated by `;`. */
export const contactList: Codec = {
  syntax: 'list of "name | role | phone | email" separated by ;',
  parse(t) {
    return ok(
      splitList(t).map((item) => {
        const [name, role, phone, email] = item.split('|').map((s) => s.trim());
        return {
          name,
          ...(role ? { role } : {}),
          ...(phone ? { phone } : {}),
          ...(email ? { email } : {}),
        };
      }),
    );
  },
  format(v) {
    if (!Array.isArray(v) || v.length === 0) return '';
    return joinList(
      (v as Record<string, unknown>[]).map((c) =>
        [c.name, c.role, c.phone, c.email]
          .map((x) => (x == null ? '' : String(x)))
          .join(' | ')
          .replace(/( \| )+$/, ''),
      ),
    );
  },
};
