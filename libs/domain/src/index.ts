export * from './actor-kind';
export * from './exchange';
export * from './territory-level';
export * from './identifiers';
export * from './random';
export * from './time-zone';
