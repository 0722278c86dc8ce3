export * from './errors/errors';
export * from './errors/messages';
export * from './config/config';
export * from './text/normalize';
export * from './records/pagination';
export * from './records/organisations';
export * from './taxonomy/types';
export * from './taxonomy/store';
