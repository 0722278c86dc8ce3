export { buildApp, type BuildAppOptions } from './app';
export { createLogger } from './logger';
export { httpStatusByCode, toErrorBody } from './http/errors';
export type { Actor, AccessPolicy, Action } from './auth/policy';
