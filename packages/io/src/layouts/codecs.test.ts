import { expect, test } from 'vitest';
import { boolean, codedList, contactList, joinList, languageLevels, splitList } from './codecs';

test('list cells split on semicolons, and an escaped semicolon stays inside its item', () => {
  expect(splitList('a; b ;; c\\;d')).toEqual(['a', 'b', 'c;d']);
  expect(splitList(joinList(['x;y', 'back\\slash', 'z']))).toEqual(['x;y', 'back\\slash', 'z']);
});

test('coded lists keep the label beside the URI, and either may be missing', () => {
  const parsed = codedList.parse('masonry <urn:passerelle:skill:masonry>; <http://x/y>; plastering');
  expect(parsed).toEqual({
    ok: true,
    value: [
      { uri: 'urn:passerelle:skill:masonry', label: 'masonry' },
      { uri: 'http://x/y' },
      { label: 'plastering' },
    ],
  });
  if (parsed.ok)
    expect(codedList.format(parsed.value)).toBe(
      'masonry <urn:passerelle:skill:masonry>; <http://x/y>; plastering',
    );
});

test('languages with levels read codes in any case and write them back in the canonical form', () => {
  const codec = languageLevels('minLevel', true);
  const parsed = codec.parse('FR:b1; en');
  expect(parsed).toEqual({ ok: true, value: [{ language: 'fr', minLevel: 'B1' }, { language: 'en' }] });
  if (parsed.ok) expect(codec.format(parsed.value)).toBe('fr:B1; en');
});

test('booleans accept yes/no in several languages and refuse anything else', () => {
  expect(boolean.parse('Oui')).toEqual({ ok: true, value: true });
  expect(boolean.parse('nee')).toEqual({ ok: true, value: false });
  expect(boolean.parse('maybe')).toMatchObject({ ok: false, code: 'invalid_boolean' });
});

test('contacts round-trip with empty middle fields', () => {
  const value = [
    { name: 'Nino', phone: '+995 5' },
    { name: 'Giorgi', role: 'Owner' },
  ];
  const text = contactList.format(value);
  expect(text).toBe('Nino |  | +995 5; Giorgi | Owner');
  expect(contactList.parse(text)).toEqual({ ok: true, value });
});
