export * from './domain-errors';
export * from './graphql-error-formatter';
export * from './input-validation.pipe';
export * from './cursor';
export * from './text';
export * from './domain-error.filter';
export * from './graphql-enums';
export * from './selection';
