import { expect, test } from 'vitest';
import { decodeCursor, encodeCursor } from './pagination';

test('a cursor round-trips', () => {
  const c = encodeCursor({ sort: 'name', value: 'Zaïd', id: 'abc' });
  expect(decodeCursor(c, 'name')).toEqual({ sort: 'name', value: 'Zaïd', id: 'abc' });
});

test('a foreign or garbled cursor is a validation error', () => {
  expect(() => decodeCursor('not-base64-json', 'name')).toThrow(
    expect.objectContaining({ code: 'validation_failed' }),
  );
  expect(() => decodeCursor(encodeCursor({ sort: 'created', value: 1, id: 'x' }), 'name')).toThrow(
    expect.objectContaining({ code: 'validation_failed' }),
  );
});
