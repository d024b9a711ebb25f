export * from './population';
export * from './fixture';
