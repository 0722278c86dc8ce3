export * from './errors/errors';
export * from './errors/messages';
export * from './config/config';
export * from './text/normalize';
