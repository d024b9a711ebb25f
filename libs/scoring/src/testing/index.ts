export * from './prng';
export * from './population';
export * from './fixture';
