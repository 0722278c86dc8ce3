import { describe, expect, test } from 'vitest';
import { errorCodes } from './errors';
import { locales, pickLocale, renderErrorMessage } from './messages';

describe('error messages', () => {
  test('every error code has a non-empty message in every interface locale', () => {
    for (const locale of locales) {
      for (const code of errorCodes) {
        expect(renderErrorMessage(code, { entity: 'person', id: 'x', header: 'If-Match' }, locale)).not.toBe(
          '',
        );
      }
    }
  });

  test('messages interpolate details', () => {
    expect(renderErrorMessage('not_found', { entity: 'vacancy', id: 'v1' }, 'en')).toBe(
      'No vacancy with id v1.',
    );
  });

  test('the locale is picked from Accept-Language by weight, English by default', () => {
    expect(pickLocale('de-DE,fr;q=0.8,en;q=0.5')).toBe('fr');
    expect(pickLocale('ar-IQ')).toBe('ar');
    expect(pickLocale('ckb')).toBe('ckb');
    expect(pickLocale('de')).toBe('en');
    expect(pickLocale(undefined)).toBe('en');
  });
});
