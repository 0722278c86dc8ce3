import { expect, test } from 'vitest';
import { ApiError } from './client';

test('only errors that may change on a second try offer a retry', () => {
  expect(new ApiError(0, 'network_error', 'offline').retryable).toBe(true);
  expect(new ApiError(503, 'unavailable', 'busy').retryable).toBe(true);
  expect(new ApiError(500, 'internal_error', 'failed').retryable).toBe(true);
  expect(new ApiError(429, 'rate_limited', 'slow down').retryable).toBe(true);
  expect(new ApiError(409, 'closed_for_matching', 'closed').retryable).toBe(false);
  expect(new ApiError(403, 'forbidden', 'no').retryable).toBe(false);
  expect(new ApiError(400, 'validation_failed', 'bad').retryable).toBe(false);
});
