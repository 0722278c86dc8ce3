// The whole schema, for drizzle's relational queries and the migration generator.
export * from './organisations';
export * from './taxonomy';
export * from './trust';
export * from './records';
